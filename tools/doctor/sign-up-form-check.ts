import { chromium } from '@playwright/test';
import { chromiumExecutablePath } from '../../config/browser.js';
import { redactUrl } from '../../common/urls.js';
import { descriptionOf, type UiName } from '../../pages/index.js';
import { describeControl, describeField, locate, locateField } from '../../pages/control.js';
import { whatIsThere } from '../../pages/missing-control.js';
import { openScreen } from '../../pages/screen-place.js';
import type { CheckResult } from './check-result.js';

/**
 * Opens the page under test in a browser, where the stories open it (the
 * description's place for sign-up, with the same function), and looks for the
 * sign-up form the chosen page object expects, by its words: a page that
 * answers 200 but is not the sign-up page (a login wall, another route, the
 * demo app instead of yours, a hash the stories would lose) fails here, once,
 * instead of in every story.
 */
export async function signUpFormCheck(url: string, pageName: UiName): Promise<CheckResult> {
  const words = descriptionOf(pageName).signUp;
  const shown = redactUrl(url);
  const expected = `${describeControl(words.submit)}, ${describeField(words.email)}, ${describeField(words.password)}`;
  const executablePath = chromiumExecutablePath();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  const started = performance.now();
  try {
    const page = await browser.newPage();
    const left = () => Math.max(1, 10_000 - (performance.now() - started));
    const wanted = [locate(page, words.submit), locateField(page, words.email), locateField(page, words.password)];
    try {
      // Not reached by its control here: a control missing is listed below with what the page has instead.
      await openScreen(page, { ...words, reachedBy: undefined }, { base: url, timeout: 15_000 });
      if (words.reachedBy) await locate(page, words.reachedBy).click({ timeout: left() });
      for (const locator of wanted) await locator.waitFor({ state: 'visible', timeout: left() });
    } catch (error) {
      if ((error as Error).name === 'ActionableError') throw error;
      const missing = words.reachedBy && (await locate(page, words.reachedBy).count()) === 0 ? words.reachedBy : (await wanted[0]!.count()) === 0 ? words.submit : undefined;
      const instead = missing ? ` ${await whatIsThere(page, missing)}` : '';
      const headings = (await page.getByRole('heading').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
      const buttons = (await page.getByRole('button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
      return {
        status: 'fail',
        title: `The page at ${shown} shows no sign-up form of page object "${pageName}"`,
        detail: `looked for ${expected} for ${Math.round(performance.now() - started)} ms; the page shows title "${await page.title()}", headings [${headings.join(', ')}], buttons [${buttons.join(', ')}].${instead}`,
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
