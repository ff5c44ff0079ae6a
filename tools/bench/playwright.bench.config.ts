// The benchmark's Playwright configuration: `npm run bench` starts its own
// stack and runs these projects against it; they are not part of the test run.
import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutablePath } from '../../config/browser';
import { stackSettings, stackUrls } from '../../local/stack-settings';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const executablePath = chromiumExecutablePath();
const use = { ...devices['Desktop Chrome'], baseURL: stackUrls(stackSettings()).app, launchOptions: executablePath ? { executablePath } : {} };

export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  retries: 0,
  timeout: 30_000,
  reporter: [['json']],
  projects: [
    { name: 'flow', testMatch: /flow\.bench\.ts/, use },
    { name: 'empty-page', testMatch: /empty-page\.bench\.ts/, use },
    { name: 'suite-pattern', testMatch: /suite-pattern\.bench\.ts/, use },
    { name: 'script-pattern', testMatch: /script-pattern\.bench\.ts/, use },
  ],
});
