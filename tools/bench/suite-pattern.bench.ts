// The suite's way of re-running a sign-up test on the same address, timed from
// "delete the earlier user" to "Cognito says CONFIRMED": deletion waited for,
// the email waited for since the click, its code taken by the template's words.
import { SignUpFlow } from '../../flows/sign-up';
import { generatePassword } from '../../helpers/password';
import { record } from './record';
import { expect, test } from './reused-address';

for (let i = 1; i <= Number(process.env.BENCH_FLOWS ?? 1); i++) {
  test(`the suite's pattern, same address, #${i}`, async ({ reused, users, screens, userPool, emailTimeout, cognitoCalls, settings }) => {
    const user = { email: reused.address, password: generatePassword(userPool.Policies?.PasswordPolicy) };
    const flows = new SignUpFlow(screens, reused, {
      emailTimeout,
      calls: cognitoCalls,
      userStatus: (email) => users.getUserStatus(email),
      budgetMs: settings.callBudgetMs,
    });
    const started = performance.now();
    await users.deleteUserIfExists(user.email);
    const email = await flows.signUp(user);
    await flows.confirm(user, email.code);
    await expect.poll(() => users.getUserStatus(user.email)).toBe('CONFIRMED');
    await record({ flowMs: performance.now() - started, outcome: 'confirmed' });
  });
}
