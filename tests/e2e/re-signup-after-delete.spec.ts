import { COGNITO_ERRORS, expect, test } from '../../fixtures';

// The case teams cannot see with a fixed sleep: after the user is deleted and
// signs up again with the same address, does Cognito send a fresh email?
test('signing up again after the user was deleted sends a new email with a new code', async ({ signUpFlow, newUser, inbox, users }) => {
  const first = await signUpFlow.signUp(newUser);

  await test.step('an admin deletes the unconfirmed user', async () => {
    expect(await users.deleteUserIfExists(newUser.email)).toEqual({ deleted: 1 });
    expect(await users.getUserStatus(newUser.email)).toBeUndefined();
  });

  const second = await signUpFlow.signUp(newUser);

  await test.step('the second email is a different email, with a different code', async () => {
    expect(second.id).not.toBe(first.id);
    expect(second.receivedAt.getTime()).toBeGreaterThan(first.receivedAt.getTime());
    // Two random six-digit codes coincide once in a million runs; then this fails and says so.
    expect(second.code, 'Cognito sent the same code twice').not.toBe(first.code);
    // Two sign-ups, two mails: a third (a duplicate, a stray) would be named here with its code.
    expect(await inbox.extraMails(), 'one action, one mail').toBeUndefined();
  });

  await signUpFlow.expectCodeRefused(first.code, COGNITO_ERRORS.codeMismatch.message);
  await signUpFlow.confirm(newUser, second.code);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => users.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });
});

test('signing up again after a confirmed user was deleted sends a new email, and the new account confirms with it only', async ({
  confirmedUser,
  signUpFlow,
  inbox,
  users,
}) => {
  const first = inbox.handedOut[0];

  await test.step('an admin deletes the confirmed user', async () => {
    expect(await users.getUserStatus(confirmedUser.email)).toBe('CONFIRMED');
    expect(await users.deleteUserIfExists(confirmedUser.email)).toEqual({ deleted: 1 });
  });

  const again = await signUpFlow.signUp(confirmedUser);

  await test.step('the new account gets a new mail, with a new code', () => {
    expect(again.id).not.toBe(first?.id);
    expect(again.code, 'Cognito sent the first account’s code again').not.toBe(first?.code);
  });

  await signUpFlow.expectCodeRefused(first?.code ?? '', COGNITO_ERRORS.codeMismatch.message);
  await signUpFlow.confirm(confirmedUser, again.code);

  await test.step('Cognito says the new account is CONFIRMED', async () => {
    await expect.poll(() => users.getUserStatus(confirmedUser.email)).toBe('CONFIRMED');
  });
});
