import { COGNITO_ERRORS, expect, test } from '../../fixtures';

test.describe('when the sign-up code has expired', () => {
  test("a sign-up code entered after its 24 hours is refused in Cognito's words, and Resend Code recovers", async ({ signUpFlow, newUser, userClock, users }) => {
    const first = await signUpFlow.signUp(newUser);

    await test.step('24 hours and a minute later, for this user alone', () => userClock.advance(newUser.email, 24 * 3_600_000 + 60_000));

    await signUpFlow.expectCodeRefused(first.code, COGNITO_ERRORS.expiredCode.message, 'it was mailed more than 24 hours ago');
    const second = await signUpFlow.resendCode();

    await test.step('the resent code is a new one', () => {
      expect(second.code, 'Cognito mailed the expired code again').not.toBe(first.code);
    });

    await signUpFlow.confirm(newUser, second.code);

    await test.step('Cognito holds the user as CONFIRMED', async () => {
      expect(await users.getUserStatus(newUser.email)).toBe('CONFIRMED');
    });
  });
});
