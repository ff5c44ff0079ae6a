import { COGNITO_ERRORS, expect, test } from '../../fixtures';

test('signing up with an address that is registered but unconfirmed shows an error', async ({ signUpFlow, newUser, users }) => {
  await signUpFlow.signUp(newUser);

  await signUpFlow.expectSignUpRefused(newUser, COGNITO_ERRORS.usernameExists.message);

  await test.step('the first registration stands, still UNCONFIRMED', async () => {
    expect(await users.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
    expect(await users.findByEmail(newUser.email)).toHaveLength(1);
  });
});
