import { anotherCode, COGNITO_ERRORS, expect, test } from '../../fixtures';

test('a user with email as a second factor signs in with the password and then the mailed code; a wrong code is refused', async ({
  confirmedUser,
  emailCodeSignIn,
  appClient,
  users,
}) => {
  await test.step('the user turns on email as their second factor (SetUserMFAPreference, with their own token)', () =>
    appClient.turnOnEmailMfa(confirmedUser.email, confirmedUser.password),
  );

  const mail = await emailCodeSignIn.signInForCode(confirmedUser);
  await emailCodeSignIn.expectCodeRefused(anotherCode(mail.code), COGNITO_ERRORS.signInCodeMismatch.message);
  await emailCodeSignIn.signInWith(mail.code, confirmedUser);

  await test.step('Cognito still holds the user as CONFIRMED', async () => {
    expect(await users.getUserStatus(confirmedUser.email)).toBe('CONFIRMED');
  });
});
