import { COGNITO_ERRORS, expect, test } from '../../fixtures';

test('an invited user signs in with the mailed temporary password, must choose a new one, and is CONFIRMED; a resent invitation replaces the password', async ({
  newUser,
  invitation,
  session,
  users,
}) => {
  const first = await invitation.invite(newUser);

  await test.step('Cognito holds the invited user as FORCE_CHANGE_PASSWORD', async () => {
    expect(await users.getUserStatus(newUser.email)).toBe('FORCE_CHANGE_PASSWORD');
  });

  const second = await invitation.resend(newUser);

  await test.step('the resent invitation carries a new temporary password', () => {
    expect(second.id).not.toBe(first.id);
    expect(second.temporaryPassword, 'Cognito resent the same temporary password').not.toBe(first.temporaryPassword);
  });

  await session.expectSignInRefused({ email: newUser.email, password: first.temporaryPassword }, COGNITO_ERRORS.incorrectPassword.message);
  await invitation.accept(newUser, second.temporaryPassword);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => users.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });
});
