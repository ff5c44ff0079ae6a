import { expect, test } from '../../fixtures';

test('a new user gets a verification email with a code, and the code confirms the account', async ({ flows, newUser, inbox, cognito }) => {
  const email = await flows.signUp(newUser);

  await test.step("the email is the pool's verification email, with a 6-digit code", () => {
    expect(email.to).toEqual([newUser.email]);
    expect(email.subject).toMatch(inbox.expectedSubject);
    expect(email.code).toMatch(/^\d{6}$/);
  });

  await test.step('Cognito holds the user as UNCONFIRMED until the code is entered', async () => {
    expect(await cognito.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
  });

  await flows.confirm(newUser, email.code);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => cognito.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });
});
