import { anotherCode, COGNITO_ERRORS, expect, test } from '../../fixtures';

test("a wrong code shows Cognito's error and leaves the user unconfirmed", async ({ signUpFlow, newUser, users }) => {
  const email = await signUpFlow.signUp(newUser);

  await signUpFlow.expectCodeRefused(anotherCode(email.code), COGNITO_ERRORS.codeMismatch.message);

  await test.step('Cognito still holds the user as UNCONFIRMED', async () => {
    expect(await users.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
  });
});
