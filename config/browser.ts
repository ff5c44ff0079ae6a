import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Chromium from the distribution, where Playwright cannot download its own. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Which Chromium to launch: `CHROMIUM_PATH` when set; Playwright's own when
 * `npx playwright install chromium` has put it there; else the system's. Undefined
 * means "Playwright's own", and Playwright then says how to install it.
 */
export function chromiumExecutablePath(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist. Fix it in .env, or unset it to pick a browser automatically.`);
    }
    return env.CHROMIUM_PATH;
  }
  if (existsSync(chromium.executablePath())) return undefined;
  return SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
}
