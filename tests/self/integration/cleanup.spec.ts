import { runPlaywright } from '../../../tools/child-run';
import { expect, test } from '../fixtures';

test('after a run whose tests fail on purpose, none of its users or inboxes remain', async ({ startPrivateStack }) => {
  test.setTimeout(120_000);
  const { env, urls, listUsers } = await startPrivateStack();

  const run = await runPlaywright(['--project=on-purpose'], { ...env, E2E_ON_PURPOSE: '1', CI: undefined });

  await test.step('the child run failed in every way it was meant to', () => {
    expect(run.output).toMatch(/\b4 failed\b/);
    expect(run.output).toContain('failing on purpose');
    expect(run.output).toContain('Test timeout of 4000ms exceeded');
    expect(run.output).toContain('thrown on purpose');
  });

  await test.step('the pool holds no user', async () => {
    expect(await listUsers()).toEqual([]);
  });

  await test.step('the mail catcher holds no mail', async () => {
    const mails = (await (await fetch(`${urls.mailWeb}/api/email`)).json()) as unknown[];
    expect(mails).toEqual([]);
  });
});
