import { runPlaywright } from '../../../tools/child-run';
import { expect, test } from '../fixtures';
import { CognitoProxy } from '../support/cognito-proxy';

test('after a run whose tests fail on purpose, none of its users or inboxes remain', async ({ startPrivateStack }) => {
  test.setTimeout(120_000);
  const { env, urls, listUsers } = await startPrivateStack();

  const run = await runPlaywright(['--project=on-purpose'], { ...env, E2E_ON_PURPOSE: '1', CI: undefined });

  await test.step('the child run failed in every way it was meant to', () => {
    expect(run.output).toMatch(/\b5 failed\b/);
    expect(run.output).toContain('failing on purpose');
    expect(run.output).toContain('Test timeout of 4000ms exceeded');
    expect(run.output).toContain('thrown on purpose');
  });

  await test.step('a step still waiting when its test ran out of time is explained by the state the test left, not by what the clean-up then removed', () => {
    const start = run.output.search(/^\s+\d\) .*a step waits for a control that is not there/m);
    const failure = run.output.slice(start, run.output.indexOf('\n  ', run.output.indexOf('Most likely:', start)));
    expect(failure, run.output).toMatch(/Test timeout of \d+ms exceeded/);
    expect(failure).toContain('User status in Cognito: CONFIRMED');
    expect(failure).toMatch(/Inbox: .*"Your verification code".* \(as the test ended\)/);
    expect(failure).not.toContain('no such user');
  });

  await test.step('the pool holds no user', async () => {
    expect(await listUsers()).toEqual([]);
  });

  await test.step('the mail catcher holds no mail', async () => {
    const mails = (await (await fetch(`${urls.mailWeb}/api/email`)).json()) as unknown[];
    expect(mails).toEqual([]);
  });
});

test('a sign-up still on its way when the test times out: its user is deleted all the same', async ({ startPrivateStack }) => {
  test.setTimeout(120_000);
  let proxy: CognitoProxy | undefined;
  const { env, listUsers } = await startPrivateStack({
    // SignUp held 3 s: the on-purpose test's 4-second limit ends it while the page's sign-up is on its way.
    interposeCognito: async (emulator) => (proxy = (await CognitoProxy.start(emulator)).fault('SignUp', { kind: 'delay', ms: 3_000 })),
  });

  const run = await runPlaywright(['--project=on-purpose', '-g', 'times out after sign-up'], { ...env, E2E_ON_PURPOSE: '1', CI: undefined });
  expect(run.output).toMatch(/\b1 failed\b/);
  expect(run.output, 'the test ended before Cognito answered its sign-up').toMatch(/SignUp → still pending after \d+ ms/);

  await test.step('once the held sign-up has been answered, the pool holds no user', async () => {
    await proxy?.idle();
    expect(await listUsers()).toEqual([]);
  });
});
