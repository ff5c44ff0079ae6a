// The pattern scripts commonly use, for comparison only: delete the user, sleep
// a fixed 2 seconds, sign up, read the latest email in the inbox, confirm. It
// is here to be measured, never to be copied: the sleep is a guess, and "the
// latest email" may be an older one.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from '../fixtures';
import { record } from './record';

for (let i = 1; i <= Number(process.env.BENCH_FLOWS ?? 1); i++) {
test(`delete, sleep 2 s, sign up, read the latest email, confirm #${i}`, async ({ signupPage, newUser, inbox, cognito }) => {
  const started = performance.now();
  await cognito.deleteUserIfExists(newUser.email, { settle: false });
  await sleep(2_000); // the anti-pattern under measurement: a fixed wait for the deletion
  await signupPage.open();
  await signupPage.fillSignUpForm(newUser);
  await signupPage.createAccount();
  await signupPage.expectCodeRequested();
  // "The latest email", read once, with the first six digits in it taken for the code.
  const latest = (await inbox.emails()).at(-1);
  const code = /\d{6}/.exec(latest?.text ?? '')?.[0];
  expect(code, 'the latest email held no code').toBeDefined();
  await signupPage.enterCode(code as string);
  await signupPage.expectAccountConfirmed(newUser.email);
  expect(await cognito.getUserStatus(newUser.email)).toBe('CONFIRMED');
  await record({ flowMs: performance.now() - started });
});
}
