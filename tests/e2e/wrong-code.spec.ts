import { anotherCode, expect, test } from '../../fixtures';

test("a wrong code shows Cognito's error and leaves the user unconfirmed", async ({ flows, newUser, cognito }) => {
  const email = await flows.signUp(newUser);

  await flows.expectCodeRefused(anotherCode(email.code), 'Invalid verification code provided, please try again.');

  await test.step('Cognito still holds the user as UNCONFIRMED', async () => {
    expect(await cognito.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
  });
});
