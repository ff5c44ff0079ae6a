import { COGNITO_ERRORS, expect, test } from '../../fixtures';

test('"Resend Code" sends another email with a new code, and only the new code confirms', async ({ signUpFlow, newUser, users }) => {
  const first = await signUpFlow.signUp(newUser);
  const second = await signUpFlow.resendCode();

  await test.step('it is a new email with a new code', () => {
    expect(second.id).not.toBe(first.id);
    expect(second.code, 'Cognito resent the same code').not.toBe(first.code);
  });

  await signUpFlow.expectCodeRefused(first.code, COGNITO_ERRORS.codeMismatch.message);
  await signUpFlow.confirm(newUser, second.code);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => users.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });
});
