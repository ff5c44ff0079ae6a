import { expect, test } from '../../fixtures';

test('a new user gets a verification email with a code, and the code confirms the account', async ({ signUpFlow, newUser, users }) => {
  const email = await signUpFlow.signUp(newUser);

  // Its subject is the pool's template's: the inbox checks it of every mail it reads by the template's words.
  await test.step("the email is the pool's verification email, with a 6-digit code", () => {
    expect(email.to).toEqual([newUser.email]);
    expect(email.code).toMatch(/^\d{6}$/);
  });

  await test.step('Cognito holds the user as UNCONFIRMED until the code is entered', async () => {
    expect(await users.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
  });

  await signUpFlow.confirm(newUser, email.code);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => users.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });
});
