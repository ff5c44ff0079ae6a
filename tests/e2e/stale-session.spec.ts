import { expect, test } from '../../fixtures';

// The case the project started from, one step further: the person whose
// account was deleted comes back in the same browser, where the app kept their
// session, and signs up again with the same address.

test('after a signed-in user is deleted, the same browser is signed out, the old refresh token is refused, and signing up again mails a new code', async ({
  confirmedUser,
  session,
  signUpFlow,
  appClient,
  inbox,
  users,
}) => {
  await session.signIn(confirmedUser);
  const refreshToken = await session.keptRefreshToken();

  await test.step('the kept refresh token is good while the user exists', async () => {
    await appClient.refreshTokens(refreshToken, confirmedUser.email);
  });

  await test.step('an admin deletes the confirmed, signed-in user', async () => {
    expect(await users.deleteUserIfExists(confirmedUser.email)).toEqual({ deleted: 1 });
    expect(await users.getUserStatus(confirmedUser.email)).toBeUndefined();
  });

  await session.expectSessionEnded(confirmedUser);

  await test.step("Cognito refuses the deleted user's refresh token", async () => {
    const refused = await appClient.refreshTokens(refreshToken, confirmedUser.email).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(refused, 'Cognito issued new tokens to a deleted user').toBeDefined();
    expect(refused?.name).toBe('NotAuthorizedException');
  });

  const again = await signUpFlow.signUp(confirmedUser);

  await test.step('the new account gets a new mail, with a new code', () => {
    const first = inbox.handedOut[0];
    expect(again.id).not.toBe(first?.id);
    expect(again.code, 'Cognito sent the first account’s code again').not.toBe(first?.code);
  });

  await signUpFlow.confirm(confirmedUser, again.code);

  await test.step('Cognito says the new account is CONFIRMED', async () => {
    await expect.poll(() => users.getUserStatus(confirmedUser.email)).toBe('CONFIRMED');
  });
});
