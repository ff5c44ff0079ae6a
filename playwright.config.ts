import 'dotenv/config';
import { defineConfig, devices, type PlaywrightTestOptions, type PlaywrightWorkerOptions, type Project } from '@playwright/test';
import type { PagesOptions } from './fixtures/pages';
import type { TargetOptions } from './fixtures/target';
import { chromiumExecutablePath } from './helpers/browser';
import { runId } from './helpers/run-id';
import { SettingsError, loadSettings, type Settings } from './helpers/settings';
import { stackSettings, stackUrls } from './local/stack-settings';

// The AWS SDK warns on every worker that releases from 2027 need Node 22; the lockfile pins one that runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Every setting checked once, here: a broken configuration stops the run before any test starts. */
function settingsOrExit(): Settings {
  try {
    return loadSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    // The list is the whole message; a stack trace would only bury it.
    console.error(error.message);
    process.exit(1);
  }
}

const settings = settingsOrExit();
// Said once, by the main process: its workers evaluate this file too.
if (settings.setAside && !process.env.TEST_WORKER_INDEX) {
  console.log(`TEST_TARGET=local: not using ${settings.setAside.join(', ')} (they apply to the real services).`);
}
runId();
const executablePath = chromiumExecutablePath();
const chromium = { ...devices['Desktop Chrome'] };

/** The browser stories, against the embedded stack or against the real services. */
function e2eProjects(): Project<PlaywrightTestOptions & PagesOptions, PlaywrightWorkerOptions & TargetOptions>[] {
  const doctor = { name: 'doctor', testDir: './tests/setup', testMatch: /.*\.setup\.ts/ };
  const checked = { dependencies: ['doctor'] };
  if (settings.remote) {
    return [
      doctor,
      { name: 'remote', testDir: './tests/e2e', ...checked, use: { ...chromium, baseURL: settings.remote.baseUrl, signupPageName: settings.signupPage } },
    ];
  }
  const urls = stackUrls(stackSettings());
  const stories = settings.localAppUrl
    ? // Your own page (BASE_URL), pointed at the embedded stack, driven by the page object SIGNUP_PAGE names.
      [{ name: 'local', testDir: './tests/e2e', ...checked, use: { ...chromium, baseURL: settings.localAppUrl, signupPageName: settings.signupPage } }]
    : [
        { name: 'local', testDir: './tests/e2e', ...checked, use: { ...chromium, baseURL: urls.app, signupPageName: 'amplify' as const } },
        // The same stories through a hand-written form: the worked example of a custom page object.
        { name: 'local-custom-form', testDir: './tests/e2e', ...checked, use: { ...chromium, baseURL: `${urls.app}/custom-signup/`, signupPageName: 'custom-form' as const } },
      ];
  return [
    // `npm run doctor`'s checks: every browser project waits for them, and does not run when they fail.
    doctor,
    ...stories,
    // The suite tested from outside: janitor, cleanup, faults, secrets, shards (child runs, private stacks).
    { name: 'integration', testDir: './tests/integration', use: { ...chromium, baseURL: urls.app } },
    // Tests that fail on purpose, for the cleanup test's child run only.
    ...(process.env.E2E_ON_PURPOSE === '1'
      ? [{ name: 'on-purpose', testDir: './tests/on-purpose', ...checked, use: { ...chromium, baseURL: urls.app, signupPageName: 'amplify' as const } }]
      : []),
  ];
}

export default defineConfig<PagesOptions, TargetOptions>({
  testDir: './tests',
  // Every test owns its inbox and its user, so tests run in parallel, across workers and shards.
  fullyParallel: true,
  // A stray test.only must not silently shrink a CI run.
  forbidOnly: !!process.env.CI,
  // No retries: a flaky verification email is the bug this suite exists to find.
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // CI writes a blob per shard (merged into one HTML report by `npx playwright merge-reports`); locally, the HTML report.
  // The list reporter goes last so the run ends with its "N passed" line.
  reporter: process.env.CI ? [['blob'], ['list']] : [['html', { open: 'never' }], ['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium where Playwright's own could not be downloaded; CHROMIUM_PATH overrides.
    launchOptions: executablePath ? { executablePath } : {},
  },
  projects: [
    // Helpers, in plain Node: no browser, no services.
    { name: 'unit', testDir: './tests/unit' },
    // Our side of the MailSlurp contract, against a local stand-in for its API.
    { name: 'contract', testDir: './tests/contract' },
    ...e2eProjects(),
  ],
  // MailSlurp inboxes this run's crashed workers could not delete.
  globalTeardown: './fixtures/run-teardown.ts',
  // The embedded stack: mail catcher, Cognito emulator and demo app, ready when the app serves its config.
  webServer: settings.remote
    ? undefined
    : {
        command: 'node --import tsx local/stack.ts',
        url: stackUrls(stackSettings()).appConfig,
        // A stack started by hand (npm run stack) is reused locally; CI always starts its own.
        reuseExistingServer: !process.env.CI,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      },
});
