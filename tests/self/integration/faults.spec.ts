// Faults made at the boundaries of a private embedded stack: a service stopped,
// the emulator's SMTP pointed at a slow port. Each child run must fail within
// its deadline plus a small margin, naming the service and the address. The
// child runs skip the doctor (--no-deps): what is tested here is how the
// fixtures themselves fail, as they would when a service dies mid-run.
import { reportedDuration, runPlaywright } from '../../../tools/child-run';
import { localTarget } from '../../../config/target';
import { expect, test } from '../fixtures';
import { SmtpProxy } from '../support/smtp-proxy';

/** Time for a browser page to open and a form to be filled, on top of a deadline. */
const MARGIN_MS = 5_000;
const STORY = 'tests/e2e/signup-verification.spec.ts';

test.describe('faults', () => {
  test.setTimeout(120_000);

  test('the mail catcher is down: fails in 5 s, naming MailDev and its address', async ({ startPrivateStack }) => {
    const { env, stack, urls, listUsers } = await startPrivateStack();
    await stack.stopService('mail');
    const run = await runPlaywright(['--project=local', '--no-deps', STORY], { ...env, CI: undefined });
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain(`Could not reach MailDev's push events at ${urls.mailWeb} within`);
    expect(run.output).toContain('Is the mail catcher running? It listens on LOCAL_MAIL_WEB_PORT.');
    expect(reportedDuration(run.output, /signup-verification/)).toBeLessThanOrEqual(5_000 + MARGIN_MS);
    expect(await listUsers()).toEqual([]);
  });

  test('the Cognito emulator is down: fails at once, naming Cognito and its address', async ({ startPrivateStack }) => {
    const { env, stack, urls } = await startPrivateStack();
    const target = await localTarget(env);
    await stack.stopService('cognito');
    const run = await runPlaywright(['--project=local', '--no-deps', STORY], { ...env, CI: undefined });
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain(`DescribeUserPool failed: Cognito (${urls.cognito}) is unreachable (ECONNREFUSED).`);
    expect(reportedDuration(run.output, /signup-verification/)).toBeLessThanOrEqual(MARGIN_MS);
    expect(target.cognito.userPoolId).toMatch(/^local_/);
  });

  test('mail slower than the deadline: fails when the deadline passes, naming the inbox and what it held', async ({
    startPrivateStack,
  }) => {
    const emailTimeout = 3_000;
    // The emulator's mail goes through a proxy that accepts it at once and delivers it 6 s later.
    const { env, urls } = await startPrivateStack({ interposeSmtp: async (catcher) => {
      const proxy = await SmtpProxy.start(catcher, { kind: 'delay', ms: 6_000 });
      return { port: proxy.port, close: () => proxy.close() };
    } });
    const run = await runPlaywright(['--project=local', '--no-deps', 'tests/e2e/wrong-code.spec.ts'], {
      ...env,
      CI: undefined,
      EMAIL_TIMEOUT_MS: String(emailTimeout),
    });
    expect(run.exitCode).toBe(1);
    expect(run.output).toMatch(
      new RegExp(`EmailTimeoutError: No email reached \\S+@inbox\\.cognito-e2e\\.test at MailDev at ${urls.mailWeb.replace(/\./g, '\\.')} in 3\\d{3} ms`),
    );
    expect(run.output).toContain('The inbox holds: nothing at all.');
    expect(reportedDuration(run.output, /wrong-code/)).toBeLessThanOrEqual(emailTimeout + MARGIN_MS);
  });
});
