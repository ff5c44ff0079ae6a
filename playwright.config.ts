import 'dotenv/config';
import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutablePath } from './helpers/browser';
import { stackSettings, stackUrls } from './local/stack-settings';

// The AWS SDK warns on every worker that releases from 2027 need Node 22; the lockfile pins one that runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const urls = stackUrls(stackSettings());
const executablePath = chromiumExecutablePath();

export default defineConfig({
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
  // The list reporter goes last so the run ends with its "N passed" line.
  reporter: [['html', { open: 'never' }], ['list']],
  use: {
    baseURL: urls.app,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium where Playwright's own could not be downloaded; CHROMIUM_PATH overrides.
    launchOptions: executablePath ? { executablePath } : {},
  },
  projects: [
    { name: 'unit', testDir: './tests/unit' },
    { name: 'contract', testDir: './tests/contract' },
    { name: 'e2e', testDir: './tests/e2e', use: { ...devices['Desktop Chrome'] } },
  ],
  // The embedded stack: mail catcher, Cognito emulator and demo app, ready when the app serves its config.
  webServer: {
    command: 'node --import tsx local/stack.ts',
    url: urls.appConfig,
    // A stack started by hand (npm run stack) is reused locally; CI always starts its own.
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
