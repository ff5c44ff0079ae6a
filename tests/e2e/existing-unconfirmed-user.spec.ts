import { expect, test } from '../../fixtures';

test('signing up with an address that is registered but unconfirmed shows an error', async ({ flows, newUser, cognito }) => {
  await flows.signUp(newUser);

  await flows.expectSignUpRefused(newUser, 'An account with the given email already exists.');

  await test.step('the first registration stands, still UNCONFIRMED', async () => {
    expect(await cognito.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
    expect(await cognito.findByEmail(newUser.email)).toHaveLength(1);
  });
});
