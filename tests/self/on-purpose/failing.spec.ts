// These tests FAIL ON PURPOSE. They run only in the child run started by
// tests/self/integration/cleanup.spec.ts (E2E_ON_PURPOSE=1), to prove that a test's
// user and inbox are removed however the test ends.
import { expect, test } from '../fixtures';

test('on purpose: an assertion fails after sign-up', async ({ signUpFlow, newUser }) => {
  const email = await signUpFlow.signUp(newUser);
  expect(email.code, 'failing on purpose').toBe('not a code');
});

// eslint-disable-next-line playwright/expect-expect -- it fails on purpose, by timing out inside an expect
test('on purpose: the test times out after sign-up', async ({ signUpFlow, newUser, screens }) => {
  test.setTimeout(4_000);
  await signUpFlow.signUp(newUser);
  // Its 5-second expect outlasts the test's 4 seconds: the test itself times out.
  await screens.alert.expectError('an error this page never shows');
});

// eslint-disable-next-line playwright/expect-expect -- it fails on purpose, by running out of time inside a flow's step
test('on purpose: a step waits for a control that is not there until the test times out', async ({ signUpFlow, newUser }) => {
  const began = performance.now();
  const email = await signUpFlow.signUp(newUser);
  await signUpFlow.confirm(newUser, email.code);
  // The confirmed screen has no "Resend Code": the press looks for it for the expect timeout (5 s) before it says
  // what is there instead. The test's time runs out first, 4 s from now less what its fixtures took, so the step is
  // still waiting when the clean-up begins.
  test.setTimeout(Math.round(performance.now() - began) + 4_000);
  await signUpFlow.resendCode();
});

// eslint-disable-next-line playwright/expect-expect -- it fails on purpose, by throwing
test('on purpose: an exception is thrown halfway', async ({ signUpFlow, newUser }) => {
  await signUpFlow.signUp(newUser);
  throw new Error('thrown on purpose');
});

test('on purpose: the test fails before any user exists', async ({ screens, newUser }) => {
  await screens.signUp.open();
  expect(newUser.email, 'failing on purpose').toBe('');
});
