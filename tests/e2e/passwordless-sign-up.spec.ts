import { expect, test } from '../../fixtures';

// Cognito takes a sign-up without a password where the pool allows EMAIL_OTP as a first factor, auto-verifies
// email and the app client allows ALLOW_USER_AUTH: the verification mail is then the one proof that the address is
// the user's, and ConfirmSignUp's Session signs them in (Amplify's signUp without a password, then autoSignIn).
test('a new user signs up with the address alone: one verification email with a code, the code confirms and signs the user in, and no other mail arrives', async ({
  signUpFlow,
  newUser,
  inbox,
  users,
}) => {
  const email = await signUpFlow.signUpWithoutPassword(newUser);

  await test.step("the email is the pool's verification email, with a 6-digit code", () => {
    expect(email.to).toEqual([newUser.email]);
    expect(email.code).toMatch(/^\d{6}$/);
  });

  await test.step('Cognito holds the user as UNCONFIRMED until the code is entered', async () => {
    expect(await users.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
  });

  await signUpFlow.confirmAndSignIn(newUser, email.code);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => users.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });

  await test.step('exactly one mail reached the inbox: no second code, no welcome, no duplicate', async () => {
    expect(await inbox.extraMails(), 'one sign-up, one mail').toBeUndefined();
  });
});
