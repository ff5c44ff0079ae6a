import { verificationTemplate } from '../../helpers/verification-template';
import { expect, test } from '../../fixtures';

test('a new user gets a verification email with a code, and the code confirms the account', async ({
  signupPage,
  newUser,
  inbox,
  cognito,
  userPool,
}) => {
  await signupPage.open();
  await signupPage.fillSignUpForm(newUser);

  const since = new Date();
  await signupPage.createAccount();
  await signupPage.expectCodeRequested();

  const email = await test.step('receive the verification email', () => inbox.waitForVerificationEmail({ since }));

  await test.step('the email is the pool\'s verification email, with a 6-digit code', () => {
    expect(email.to).toEqual([newUser.email]);
    expect(email.subject).toBe(verificationTemplate(userPool).subject);
    expect(email.code).toMatch(/^\d{6}$/);
  });

  await test.step('Cognito holds the user as UNCONFIRMED until the code is entered', async () => {
    expect(await cognito.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
  });

  await signupPage.enterCode(email.code);
  await signupPage.expectAccountConfirmed(newUser.email);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => cognito.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });
});
