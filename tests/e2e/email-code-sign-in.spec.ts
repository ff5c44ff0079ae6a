import { expect, skipUnlessThePoolCanTell, test } from '../../fixtures';

/** A code of the same length that is certainly not `code`. */
const anotherCode = (code: string) => String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');

/** What the Authenticator shows for Cognito's CodeMismatchException "Invalid code or auth state for the user.". */
const WRONG_CODE = 'The verification code you entered is incorrect. Please try again.';

test.beforeEach(skipUnlessThePoolCanTell('signInByEmailCode'));

test('a confirmed user signs in with a mailed code instead of a password; a wrong code and the code of an earlier mail are refused', async ({
  confirmedUser,
  emailCodeSignIn,
  cognito,
}) => {
  test.skip(!emailCodeSignIn.supported, "this UI's words in pages/ name no sign-in by code");

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
    expect(await cognito.getUserStatus(confirmedUser.email)).toBe('CONFIRMED');
  });
});
