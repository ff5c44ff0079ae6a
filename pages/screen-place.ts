import { test, type Page } from '@playwright/test';
import { redactUrl, screenUrl } from '../common/urls.js';
import { ActionableError } from '../helpers/errors.js';
import { press } from './missing-control.js';
import type { Where } from './words.js';

/** The URL each page's screens are relative to, as its test's baseURL fixture gives it (a test.use override included). */
const bases = new WeakMap<Page, string>();

/** Says which URL the screens of this page are relative to: screensOf does, with the test's baseURL. */
export function placeScreensAt(page: Page, base: string | undefined): void {
  if (base) bases.set(page, base);
}

/**
 * Opens a screen where the page's description says it is: its URL (the
 * page's, with the screen's path, query or hash, and `query` for another
 * pool), then the control that reaches it, if any. The doctor opens the
 * sign-up screen here too, with the page's URL as `base`, so it checks what
 * the stories open; a story's `base` is its baseURL.
 */
export async function openScreen(page: Page, where: Where, options: { query?: string; base?: string; timeout?: number; reach?: boolean } = {}): Promise<void> {
  const base = options.base ?? bases.get(page) ?? test.info().project.use.baseURL;
  const url = base ? screenUrl(base, where.path, options.query) : `${where.path ?? ''}${options.query ?? ''}`;
  try {
    await page.goto(url, options.timeout ? { timeout: options.timeout } : {});
  } catch (error) {
    const reason = /net::\w+/.exec((error as Error).message)?.[0] ?? (error as Error).message.split('\n')[0];
    throw new ActionableError(
      `The sign-up page at ${redactUrl(url)} is unreachable (${reason}). ` + 'Is the app running? It is BASE_URL for the real services, LOCAL_APP_PORT for the embedded stack.',
    );
  }
  if (where.reachedBy && options.reach !== false) await press(page, where.reachedBy);
}
