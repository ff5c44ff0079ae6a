// The pattern scripts commonly use, for comparison only, on the same address
// the suite's pattern reuses and with the same start and end points: delete
// the earlier user, sleep a fixed 2 seconds, sign up, read the latest email in
// the inbox, enter the first six digits in it. It is here to be measured,
// never to be copied: the sleep is a guess, and "the latest email" may be the
// previous run's. Its iterations do not fail; how each ended is recorded.
import { setTimeout as sleep } from 'node:timers/promises';
import type { CognitoUsers } from '../../helpers/cognito/users';
import type { Screens } from '../../pages';
import { generatePassword } from '../../helpers/password';
import { record, type Outcome } from './record';
import { test } from './reused-address';

/** Enters the code and sees what the page says, then reads Cognito once, as such a script does. */
async function tryCode(screens: Screens, users: CognitoUsers, email: string, code: string | undefined): Promise<Outcome> {
  if (!code) return 'no code';
  await screens.confirmCode.enterCode(code);
  const accepted = await screens.confirmed.shownRatherThanError(email).catch(() => undefined);
  if (accepted === undefined) return 'failed';
  if (!accepted) return 'wrong code';
  return (await users.getUserStatus(email)) === 'CONFIRMED' ? 'confirmed' : 'failed';
}

for (let i = 1; i <= Number(process.env.BENCH_FLOWS ?? 1); i++) {
  // eslint-disable-next-line playwright/expect-expect -- a measurement: it records how the pattern fared instead of asserting
  test(`the script pattern, same address, #${i}`, async ({ reused, users, screens, userPool }) => {
    const user = { email: reused.address, password: generatePassword(userPool.Policies?.PasswordPolicy) };
    const started = performance.now();
    await users.deleteUserIfExists(user.email, { settle: false });
    await sleep(2_000); // the anti-pattern under measurement: a fixed wait for the deletion
    await screens.signUp.open();
    await screens.signUp.fill(user);
    await screens.signUp.submit();
    await screens.confirmCode.expectShown();
    // "The latest email", read once, with the first six digits in it taken for the code.
    const latest = (await reused.emails()).at(-1);
    const outcome = await tryCode(screens, users, user.email, /\d{6}/.exec(latest?.text ?? '')?.[0]);
    await record({ flowMs: performance.now() - started, outcome });
  });
}
