import { expect, test } from '../../fixtures';

test('"Resend Code" sends another email with a new code, and only the new code confirms', async ({ flows, newUser, cognito }) => {
  const first = await flows.signUp(newUser);
  const second = await flows.resendCode();

  await test.step('it is a new email with a new code', () => {
    expect(second.id).not.toBe(first.id);
    expect(second.code, 'Cognito resent the same code').not.toBe(first.code);
  });

  await flows.expectCodeRefused(first.code, 'Invalid verification code provided, please try again.');
  await flows.confirm(newUser, second.code);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => cognito.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });
});
