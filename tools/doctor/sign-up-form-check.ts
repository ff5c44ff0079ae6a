import { chromium } from '@playwright/test';
import { chromiumExecutablePath } from '../../config/browser.js';
import { redactUrl } from '../../common/urls.js';
import { UIS, type UiName } from '../../pages/index.js';
import type { CheckResult } from './check-result.js';

/**
 * Opens the page under test in a browser and looks for the sign-up form the
 * chosen page object expects, by its words: a page that answers 200 but is not
 * the sign-up page (a login wall, another route, the demo app instead of yours)
 * fails here, once, instead of in every story.
 */
export async function signUpFormCheck(url: string, pageName: UiName): Promise<CheckResult> {
  const words = UIS[pageName].signUp;
  const shown = redactUrl(url);
  const expected = `"${words.submit}", "${words.email}", "${words.password}"`;
  const executablePath = chromiumExecutablePath();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  const started = performance.now();
  try {
    const page = await browser.newPage();
    await page.goto(url, { timeout: 15_000 });
    const wanted = [
      page.getByRole('button', { name: words.submit, exact: true }),
      page.getByLabel(words.email, { exact: true }),
      page.getByLabel(words.password, { exact: true }),
    ];
    try {
      for (const locator of wanted) await locator.waitFor({ state: 'visible', timeout: Math.max(1, 10_000 - (performance.now() - started)) });
    } catch {
      const headings = (await page.getByRole('heading').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
      const buttons = (await page.getByRole('button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
      return {
        status: 'fail',
        title: `The page at ${shown} shows no sign-up form of page object "${pageName}"`,
        detail: `looked for ${expected} for ${Math.round(performance.now() - started)} ms; the page shows title "${await page.title()}", headings [${headings.join(', ')}], buttons [${buttons.join(', ')}]`,
        fix: 'Check BASE_URL (the sign-up page itself, not the site\'s home) and SIGNUP_PAGE (the page object whose words match your form).',
      };
    }
    return { status: 'ok', title: `The sign-up page at ${shown} shows its form (page object "${pageName}")`, detail: `${expected}, ${Math.round(performance.now() - started)} ms` };
  } catch (error) {
    return { status: 'fail', title: `The sign-up page at ${shown} did not load in a browser`, detail: (error as Error).message.split('\n')[0], fix: 'Check BASE_URL, and that the app is deployed and up.' };
  } finally {
    await browser.close();
  }
}
