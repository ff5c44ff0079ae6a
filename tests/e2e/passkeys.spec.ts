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
