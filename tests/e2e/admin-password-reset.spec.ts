import { COGNITO_ERRORS, expect, test } from '../../fixtures';

test("an admin resets a confirmed user's password: the mail with a code arrives, signing in leads to the reset form, and only the new password signs in", async ({
  confirmedUser,
  passwordReset,
  session,
  users,
}) => {
  // As random as the first, and certainly different: the same characters, reversed.
  const newPassword = [...confirmedUser.password].reverse().join('');

  const byAdmin = await passwordReset.resetByAdmin(confirmedUser, users);

  await test.step('Cognito holds the user as RESET_REQUIRED', async () => {
    expect(await users.getUserStatus(confirmedUser.email)).toBe('RESET_REQUIRED');
  });

  const fresh = await passwordReset.signInToReset(confirmedUser);

  await test.step('the reset form asked Cognito for a code of its own: a second mail', () => {
    expect(fresh.id).not.toBe(byAdmin.id);
  });

  await passwordReset.setNewPassword(fresh.code, newPassword);

  await session.expectSignInRefused(confirmedUser, COGNITO_ERRORS.incorrectPassword.message);
  await session.signIn({ email: confirmedUser.email, password: newPassword });

  await test.step('Cognito holds the user as CONFIRMED again', async () => {
    expect(await users.getUserStatus(confirmedUser.email)).toBe('CONFIRMED');
  });
});
