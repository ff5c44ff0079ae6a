// One full sign-up → email → confirm flow, the suite's way, with a fresh inbox
// per test (as the stories run), timed from opening the page to CONFIRMED.
import { expect, test } from '../fixtures';
import { record } from './record';

// Distinct tests, not --repeat-each: Playwright starts a fresh worker for every repetition.
for (let i = 1; i <= Number(process.env.BENCH_FLOWS ?? 1); i++) {
  test(`sign-up, verification email, confirmation #${i}`, async ({ signupPage, newUser, inbox, cognito }) => {
    const bodyStarted = performance.now();
    await signupPage.open();
    await signupPage.fillSignUpForm(newUser);
    const since = new Date();
    const clicked = performance.now();
    await signupPage.createAccount();
    const email = await inbox.waitForVerificationEmail({ since });
    const seenAt = Date.now();
    const clickToCodeMs = performance.now() - clicked;
    await signupPage.expectCodeRequested();
    await signupPage.enterCode(email.code);
    await signupPage.expectAccountConfirmed(newUser.email);
    await expect.poll(() => cognito.getUserStatus(newUser.email)).toBe('CONFIRMED');
    const flowMs = performance.now() - bodyStarted;
    await record({ flowMs, clickToCodeMs, emailId: email.id, seenAt, bodyMs: performance.now() - bodyStarted });
  });
}
