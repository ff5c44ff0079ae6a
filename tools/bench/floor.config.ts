// Playwright's floor for the bench's one-story lines: the least a Playwright run
// costs on this machine, with the same Chromium, one worker and one test that
// opens the demo app's page. No stack, no doctor, no fixtures of ours: what a
// story costs beyond this is the suite's.
import { defineConfig } from '@playwright/test';
import { chromiumExecutablePath } from '../../config/browser';

const executablePath = chromiumExecutablePath();

export default defineConfig({
  testDir: '.',
  testMatch: /floor\.bench\.ts/,
  workers: 1,
  reporter: 'line',
  use: { launchOptions: executablePath ? { executablePath } : {} },
});
