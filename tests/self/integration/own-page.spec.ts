// BASE_URL + SIGNUP_PAGE against the embedded stack: a developer's own page,
// pointed at the stack, is what the stories drive. Here "their page" is a
// minimal one this test serves itself, with words unlike the demo app's, so a
// run that drove the demo app instead would fail. Its sign-up form is at
// #join, as an outside page's was: BASE_URL carries the hash, and a story that
// opened the page without it (as the doctor did not) would land elsewhere and fail.
import { runPlaywright } from '../../../tools/child-run';
import { localTarget } from '../../../config/target';
import { expect, test } from '../fixtures';
import { serveMinimalPage, type MinimalPageServer } from '../support/minimal-page-server';

test.describe('your own page against the embedded stack', () => {
  test.setTimeout(120_000);
  let server: MinimalPageServer;
  let url: string;

  test.beforeEach(async ({ target }) => {
    test.skip(target.name !== 'local', 'the page under test is pointed at the embedded stack');
    server = await serveMinimalPage();
    url = server.url;
  });

  test.afterEach(() => server?.close());

  test('BASE_URL and SIGNUP_PAGE drive that page: the doctor checks its form, and the stories pass through it', async ({ startPrivateStack }) => {
    // A stack told BASE_URL, as the run's own would be: the emulator answers no other page than the demo app's and BASE_URL's.
    const stack = await startPrivateStack({ pageOrigin: new URL(url).origin });
    const pool = (await localTarget(stack.env)).cognito;
    server.usePool(pool);
    const run = await runPlaywright(
      ['--project=local', 'tests/e2e/signup-verification.spec.ts', 'tests/e2e/resend-code.spec.ts'],
      { CI: undefined, ...stack.env, BASE_URL: url, SIGNUP_PAGE: 'minimal-form' },
    );
    expect(run.exitCode, run.output).toBe(0);
    // The doctor (setup project), then the two stories.
    expect(run.output).toMatch(/\b3 passed\b/);
    expect(server.requested).toContain('/signup/');
    expect(server.requested).toContain('/signup/config.json');
  });

  test('a stack started without that BASE_URL, and reused, stops the run at the doctor, saying so and how to fix it', async ({ startPrivateStack }) => {
    const stack = await startPrivateStack();
    const pool = (await localTarget(stack.env)).cognito;
    server.usePool(pool);
    const run = await runPlaywright(['--project=local', 'tests/e2e/signup-verification.spec.ts'], { CI: undefined, ...stack.env, BASE_URL: url, SIGNUP_PAGE: 'minimal-form' });
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toContain(`✗ The Cognito emulator refuses your page's calls (${new URL(url).origin})`);
    expect(run.output).toContain('The stack running was started without this BASE_URL');
    expect(run.output).not.toMatch(/\bpassed\b/);
  });

  test("a test run's doctor keeps its page check while the page is unchanged, and looks again, failing as before, once it changes", async ({ startPrivateStack }) => {
    const stack = await startPrivateStack({ pageOrigin: new URL(url).origin });
    const pool = (await localTarget(stack.env)).cognito;
    server.usePool(pool);
    const env = { CI: undefined, ...stack.env, BASE_URL: url, SIGNUP_PAGE: 'minimal-form' };
    // The page's own script asks for config.json: only a browser does, the doctor's fingerprint of the page does not.
    const browserOpened = () => server.requested.includes('/signup/config.json');

    await test.step('the first run opens the page in a browser', async () => {
      const run = await runPlaywright(['--project=doctor'], env);
      expect(run.exitCode, run.output).toBe(0);
      expect(browserOpened()).toBe(true);
    });

    await test.step('the next, with nothing changed, keeps its pass: the page is fetched, not opened', async () => {
      server.requested.length = 0;
      const run = await runPlaywright(['--project=doctor'], env);
      expect(run.exitCode, run.output).toBe(0);
      expect(server.requested).toContain('/signup/');
      expect(browserOpened()).toBe(false);
    });

    await test.step('the page changed: the browser opens again, and the doctor stops the run with its words', async () => {
      server.html = server.html.replace('>Register<', '>Join now<');
      const run = await runPlaywright(['--project=local', 'tests/e2e/signup-verification.spec.ts'], env);
      expect(run.exitCode).toBe(1);
      expect(run.output).toContain(`✗ The page at ${url} shows no sign-up form of page object "minimal-form"`);
      expect(run.output).toMatch(/buttons \[[^\]]*Join now/);
      expect(run.output).not.toMatch(/\bpassed\b/);
    });
  });

  test('the page object of another page fails, at the doctor, naming what the page shows instead', async ({ target }) => {
    const run = await runPlaywright(['--project=local', 'tests/e2e/signup-verification.spec.ts'], { CI: undefined, BASE_URL: target.appUrl, SIGNUP_PAGE: 'minimal-form' });
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain(`✗ The page at ${target.appUrl} shows no sign-up form of page object "minimal-form"`);
    expect(run.output).toMatch(/buttons \[[^\]]*Create Account/);
    expect(run.output).not.toMatch(/\bpassed\b/);
  });

  const notApplicable = [
    {
      name: 'SIGNUP_PAGE without BASE_URL',
      env: { SIGNUP_PAGE: 'minimal-form' },
      message: 'SIGNUP_PAGE=minimal-form names the page object for your own page, but BASE_URL is not set, so the run would test the demo app instead.',
    },
    {
      name: 'a real-service setting',
      env: { COGNITO_CLIENT_ID: '1example23456789' },
      message: 'COGNITO_CLIENT_ID is set, but it applies to the real services only and the target is the embedded stack',
    },
  ];
  for (const setting of notApplicable) {
    test(`a setting that does not apply stops the run: ${setting.name}`, async () => {
      const run = await runPlaywright(['--project=local', 'tests/e2e/signup-verification.spec.ts'], { CI: undefined, ...setting.env });
      expect(run.exitCode).toBe(1);
      expect(run.output).toContain(setting.message);
      expect(run.output).not.toMatch(/\bpassed\b/);
    });
  }
});
