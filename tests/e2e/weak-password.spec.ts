import { expect, test } from '../../fixtures';

test("a password that breaks the pool's policy is refused with Cognito's words: no user is created and no mail is sent", async ({ signUpFlow, weakPassword, users }) => {
  await signUpFlow.expectSignUpRefused(weakPassword.user, `Password did not conform with policy: ${weakPassword.rule}`);

  await test.step('Cognito holds no user for the address', async () => {
    expect(await users.findByEmail(weakPassword.user.email)).toHaveLength(0);
  });
  // No mail: the inbox's own check after the test fails it if one came, as the refused sign-up caused none.
});
