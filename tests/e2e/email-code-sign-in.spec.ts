import { anotherCode, COGNITO_ERRORS, expect, test } from '../../fixtures';

const WRONG_CODE = COGNITO_ERRORS.signInCodeMismatch.message;

test('a confirmed user signs in with a mailed code instead of a password; a wrong code and the code of an earlier mail are refused', async ({
  confirmedUser,
  emailCodeSignIn,
  users,
}) => {
  const first = await emailCodeSignIn.requestCode(confirmedUser);
  await emailCodeSignIn.expectCodeRefused(anotherCode(first.code), WRONG_CODE);
  const second = await emailCodeSignIn.requestAgain();

  await test.step('asking again sends a second mail, with a new code', () => {
    expect(second.id).not.toBe(first.id);
    expect(second.code, 'Cognito sent the same sign-in code twice').not.toBe(first.code);
  });

  await emailCodeSignIn.expectCodeRefused(first.code, WRONG_CODE);
  await emailCodeSignIn.signInWith(second.code, confirmedUser);

  await test.step('Cognito still holds the user as CONFIRMED', async () => {
    expect(await users.getUserStatus(confirmedUser.email)).toBe('CONFIRMED');
  });
});

test.describe('when the code has expired', () => {
  test("a code entered after its session expired is refused in Cognito's words, and asking again recovers", async ({ confirmedUser, emailCodeSignIn, userClock }) => {
    const first = await emailCodeSignIn.requestCode(confirmedUser);

    await test.step("three minutes and a second later (the app client's AuthSessionValidity), for this user alone", () =>
      userClock.advance(confirmedUser.email, 3 * 60_000 + 1_000),
    );

    await emailCodeSignIn.expectCodeRefused(first.code, COGNITO_ERRORS.expiredSession.message);
    const second = await emailCodeSignIn.requestAgain();

    await test.step('asking again after the expiry mails a new code', () => {
      expect(second.code, 'Cognito mailed the expired code again').not.toBe(first.code);
    });

    await emailCodeSignIn.signInWith(second.code, confirmedUser);
  });
});
