import { test, type Locator, type Page } from '@playwright/test';
import { ActionableError } from '../helpers/errors.js';

/** Opens the sign-up page, saying which URL and which setting when nothing answers there. */
export async function openOrExplain(page: Page, path: string): Promise<void> {
  try {
    await page.goto(path);
  } catch (error) {
    const reason = /net::\w+/.exec((error as Error).message)?.[0] ?? (error as Error).message.split('\n')[0];
    // Playwright's message names the URL it tried ("net::ERR_… at http://…"); the project's baseURL otherwise.
    const baseURL = test.info().project.use.baseURL;
    const url = / at (\S+)/.exec((error as Error).message)?.[1] ?? (baseURL ? new URL(path, baseURL).href : path);
    throw new ActionableError(
      `The sign-up page at ${url} is unreachable (${reason}). ` +
        'Is the app running? It is BASE_URL for the real services, LOCAL_APP_PORT for the embedded stack.',
    );
  }
}

/**
 * Runs a web-first assertion; if it fails while the form shows an error, the
 * failure says so. "Element not found" alone hides the usual cause: Cognito
 * refused something and the page says what.
 */
export async function explainWithAlert(alert: Locator, assertion: () => Promise<void>): Promise<void> {
  try {
    await assertion();
  } catch (error) {
    const shown = await alert.allInnerTexts().catch(() => []);
    if (shown.length && error instanceof Error) error.message += `\nInstead, the page shows: ${shown.join(' | ')}`;
    throw error;
  }
}

/**
 * Waits for `work` (the verification email) unless the page shows an error
 * first: then fails at once with the error's text, instead of waiting out the
 * email deadline for a mail Cognito refused to send.
 */
export async function unlessErrorShown<T>(alert: Locator, work: Promise<T>, timeout: number): Promise<T> {
  work.catch(() => undefined); // Settled below, or abandoned when the page's error wins.
  const alertShown = alert.waitFor({ state: 'visible', timeout }).then(
    () => true,
    () => false,
  );
  const first = await Promise.race([work.then(() => 'work' as const, () => 'work' as const), alertShown.then((shown) => (shown ? ('alert' as const) : ('work' as const)))]);
  if (first === 'alert') {
    throw new ActionableError(`The page shows the error "${(await alert.allInnerTexts()).join(' | ')}" instead of the code screen.`);
  }
  return work;
}
