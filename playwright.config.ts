import 'dotenv/config';
import { defineConfig, devices, type PlaywrightTestOptions, type PlaywrightWorkerOptions, type Project } from '@playwright/test';
import { chromiumExecutablePath } from './config/browser';
import { runId } from './config/run-id';
import { SettingsError, loadSettings, type Settings } from './config/settings';
import { stackSettings, stackUrls } from './local/stack-settings';
import type { UiName } from './pages';

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

type Options = { uiName: UiName };
type WorkerOptions = { emailTimeout: number };

/** The browser stories, against the embedded stack or against the real services, after the doctor's checks. */
function storyProjects(): Project<PlaywrightTestOptions & Options, PlaywrightWorkerOptions & WorkerOptions>[] {
  // `npm run doctor`'s checks: every story project waits for them, and does not run when they fail.
  const doctor = { name: 'doctor', testDir: './tests/setup', testMatch: /.*\.setup\.ts/ };
  const stories = { testDir: './tests/e2e', dependencies: ['doctor'] };
  if (settings.remote) {
    return [doctor, { name: 'remote', ...stories, use: { ...chromium, baseURL: settings.remote.baseUrl, uiName: settings.signupPage } }];
  }
  const urls = stackUrls(stackSettings());
  if (settings.localAppUrl) {
    // Your own page (BASE_URL), pointed at the embedded stack, driven by the UI SIGNUP_PAGE names.
    return [doctor, { name: 'local', ...stories, use: { ...chromium, baseURL: settings.localAppUrl, uiName: settings.signupPage } }];
  }
  return [
    doctor,
    { name: 'local', ...stories, use: { ...chromium, baseURL: urls.app, uiName: 'amplify' } },
    // The same stories through a hand-written form: the worked example of a UI of your own.
    { name: 'local-custom-form', ...stories, use: { ...chromium, baseURL: `${urls.app}/custom-signup/`, uiName: 'custom-form' } },
  ];
}

/**
 * The suite tested from outside (contract tests against stand-ins, and
 * integration tests with private stacks and child runs): `npm run test:self`,
 * and CI. They are slow, so the everyday test command leaves them out.
 */
function selfTestProjects(): Project<PlaywrightTestOptions & Options, PlaywrightWorkerOptions & WorkerOptions>[] {
  if (settings.remote) return [];
  const urls = stackUrls(stackSettings());
  return [
    ...(process.env.E2E_SELF === '1' ? [{ name: 'self', testDir: './tests/self', testMatch: /(contract|integration)\/.*\.spec\.ts/, use: { ...chromium, baseURL: urls.app } }] : []),
    // Tests that fail on purpose, for the cleanup test's child run only.
    ...(process.env.E2E_ON_PURPOSE === '1'
      ? [{ name: 'on-purpose', testDir: './tests/self/on-purpose', dependencies: ['doctor'], use: { ...chromium, baseURL: urls.app, uiName: 'amplify' as const } }]
      : []),
  ];
}

export default defineConfig<Options, WorkerOptions>({
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
    // Plain Node, no browser, no services: the helpers, settings, the guard, the samples and links of the README and docs/.
    { name: 'unit', testDir: './tests/unit' },
    ...storyProjects(),
    ...selfTestProjects(),
  ],
  // MailSlurp inboxes this run's crashed workers could not delete.
  globalTeardown: './config/global-teardown.ts',
  // The embedded stack: mail catcher, Cognito emulator and demo app, ready when the app serves its config.
  webServer: settings.remote
    ? undefined
    : {
        command: 'node local/run-stack.mjs',
        url: stackUrls(stackSettings()).appConfig,
        // Ready when the stack says so: the url alone is polled at 0.1, 0.35, 0.85, 1.85 s…, which rounds a start of
        // about a second up to 1.85. The url still finds a stack that already runs, to reuse it.
        wait: { stderr: /\[stack\] ready in \d+ ms/ },
        // A stack started by hand (npm run stack) is reused locally; CI always starts its own.
        reuseExistingServer: !process.env.CI,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      },
});
