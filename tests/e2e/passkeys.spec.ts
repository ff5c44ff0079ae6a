import { expect, test } from '../../fixtures';

// No trace: it would record the virtual authenticator's private keys (context.credentials carries them).
test.use({ trace: 'off' });

test('a user registers a passkey and signs in with it, with no mail; once it is removed, the passkey signs in no more and a mailed code still does', async ({
  signUpFlow,
  passkeys,
  emailCodeSignIn,
  newUser,
  inbox,
}) => {
  const signUp = await signUpFlow.signUpWithoutPassword(newUser);
  await signUpFlow.confirmAndSignIn(newUser, signUp.code);

  await passkeys.create();
  await passkeys.signOut();
  await passkeys.signIn(newUser);

  await test.step('the passkey steps mailed nothing: the inbox holds the sign-up mail alone', async () => {
    expect(await inbox.extraMails(), 'one sign-up, one mail').toBeUndefined();
  });

  await passkeys.remove();
  await passkeys.signOut();
  await passkeys.expectRefused(newUser);

  const code = await emailCodeSignIn.requestCode(newUser);
  await emailCodeSignIn.signInWith(code.code, newUser);

  await test.step('in all, two mails: the sign-up code and the sign-in code', async () => {
    expect(await inbox.extraMails()).toBeUndefined();
  });
});

// The seed's question, for passkeys: a passkey belongs to the account, not to the address. Once an admin deletes the
// account, the same address signing up again is a new account: a new mail, and none of the old account's passkeys.
test("after an admin deletes a user with a passkey and the address signs up again, a new verification email arrives, and the old passkey does not sign in the new account", async ({
  signUpFlow,
  passkeys,
  newUser,
  inbox,
  users,
}) => {
  const first = await signUpFlow.signUpWithoutPassword(newUser);
  await signUpFlow.confirmAndSignIn(newUser, first.code);
  await passkeys.create();

  await test.step('an admin deletes the user', async () => {
    expect(await users.deleteUserIfExists(newUser.email)).toEqual({ deleted: 1 });
  });

  const again = await signUpFlow.signUpWithoutPassword(newUser);

  await test.step('the new account gets a new mail, with a new code', () => {
    expect(again.id).not.toBe(first.id);
    expect(again.code, "Cognito sent the first account's code again").not.toBe(first.code);
  });

  await signUpFlow.confirmAndSignIn(newUser, again.code);
  await passkeys.expectListed(0);
  await passkeys.signOut();
  await passkeys.expectRefused(newUser);

  await test.step('in all, two mails: one sign-up mail for each account', async () => {
    expect(await inbox.extraMails()).toBeUndefined();
  });
});
