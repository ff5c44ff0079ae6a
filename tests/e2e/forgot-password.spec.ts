import { anotherCode, COGNITO_ERRORS, expect, test } from '../../fixtures';

test('a confirmed user resets a forgotten password with the mailed code; only the latest code works, and only the new password signs in', async ({
  confirmedUser,
  passwordReset,
  session,
  users,
}) => {
  // As random as the first, and certainly different: the same characters, reversed.
  const newPassword = [...confirmedUser.password].reverse().join('');

  const first = await passwordReset.requestCode(confirmedUser);
  const second = await passwordReset.requestAgain();

  await test.step('asking twice sends a second mail, with a new code', () => {
    expect(second.id).not.toBe(first.id);
    expect(second.code, 'Cognito sent the same reset code twice').not.toBe(first.code);
  });

  await passwordReset.expectCodeRefused(anotherCode(second.code), newPassword, COGNITO_ERRORS.codeMismatch.message);
  await passwordReset.expectCodeRefused(first.code, newPassword, COGNITO_ERRORS.codeMismatch.message);
  await passwordReset.setNewPassword(second.code, newPassword);

  await session.expectSignInRefused(confirmedUser, COGNITO_ERRORS.incorrectPassword.message);
  await session.signIn({ email: confirmedUser.email, password: newPassword });

  await test.step('Cognito still holds the user as CONFIRMED', async () => {
    expect(await users.getUserStatus(confirmedUser.email)).toBe('CONFIRMED');
  });
});
