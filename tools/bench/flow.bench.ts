// One full sign-up → email → confirm flow, the suite's way, with a fresh inbox
// per test (as the stories run), timed from opening the page to CONFIRMED.
import { expect, test } from '../../fixtures';
import { record } from './record';

// Distinct tests, not --repeat-each: Playwright starts a fresh worker for every repetition.
for (let i = 1; i <= Number(process.env.BENCH_FLOWS ?? 1); i++) {
  test(`sign-up, verification email, confirmation #${i}`, async ({ signUpFlow, newUser, users }) => {
    const bodyStarted = performance.now();
    const email = await signUpFlow.signUp(newUser);
    await signUpFlow.confirm(newUser, email.code);
    await expect.poll(() => users.getUserStatus(newUser.email)).toBe('CONFIRMED');
    const flowMs = performance.now() - bodyStarted;
    await record({
      flowMs,
      clickToCodeMs: email.seenAt.getTime() - email.requestedAt.getTime(),
      emailId: email.id,
      seenAt: email.seenAt.getTime(),
      bodyMs: performance.now() - bodyStarted,
    });
  });
}
