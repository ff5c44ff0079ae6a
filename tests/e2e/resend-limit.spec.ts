import { COGNITO_ERRORS, expect, test } from '../../fixtures';

test.describe('when the hour\'s codes are spent', () => {
  test("a sixth resend within the hour is refused with Cognito's limit message and the user stays unconfirmed; an hour later a fresh code confirms", async ({
    signUpFlow,
    newUser,
    userClock,
    users,
  }) => {
    await signUpFlow.signUp(newUser);
    for (const nth of ['first', 'second', 'third', 'fourth', 'fifth']) {
      await test.step(`the ${nth} resend within the hour`, () => signUpFlow.resendCode());
    }

    await signUpFlow.expectResendRefused(COGNITO_ERRORS.attemptLimit.message, 'Cognito allows a user 5 ResendConfirmationCode requests an hour');

    await test.step('Cognito still holds the user as UNCONFIRMED', async () => {
      expect(await users.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
    });

    await test.step('an hour later, for this user alone', () => userClock.advance(newUser.email, 3_600_000));

    const fresh = await signUpFlow.resendCode();
    await signUpFlow.confirm(newUser, fresh.code);

    await test.step('Cognito holds the user as CONFIRMED', async () => {
      expect(await users.getUserStatus(newUser.email)).toBe('CONFIRMED');
    });
  });
});
