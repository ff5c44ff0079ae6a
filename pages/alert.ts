import { expect, test, type Locator, type Page } from '@playwright/test';
import { ActionableError } from '../helpers/errors.js';

/**
 * The page's error message (role "alert"), as every screen shows Cognito's
 * refusals. "Element not found" alone hides the usual cause of a failed
 * screen: Cognito refused something, and the page says what.
 */
export class Alert {
  readonly locator: Locator;

  constructor(page: Page) {
    this.locator = page.getByRole('alert');
  }

  async expectError(message: string | RegExp): Promise<void> {
    await test.step(`see the error "${message}"`, () => expect(this.locator).toContainText(message));
  }

  /** Runs a web-first assertion; if it fails while the page shows an error, the failure says so. */
  async explain(assertion: () => Promise<void>): Promise<void> {
    try {
      await assertion();
    } catch (error) {
      const shown = await this.locator.allInnerTexts().catch(() => []);
      if (shown.length && error instanceof Error) error.message += `\nInstead, the page shows: ${shown.join(' | ')}`;
      throw error;
    }
  }

  /**
   * Waits for `work` (an email, say) unless the page shows an error first:
   * then fails at once with the error's text, instead of waiting out a
   * deadline for something Cognito refused to do.
   */
  async unlessShown<T>(work: Promise<T>, timeout: number, instead: string, stale: string[] = []): Promise<T> {
    work.catch(() => undefined); // Settled below, or abandoned when the page's error wins.
    // An error the page already showed before the action (a refused code, before "Resend Code") is not this action's:
    // the UI may take a moment to clear it. Cognito's answer to the action still fails the step if it refused.
    const fresh = stale.reduce((alerts, text) => alerts.filter({ hasNotText: text }), this.locator).first();
    const shown = fresh.waitFor({ state: 'visible', timeout }).then(
      () => true,
      () => false,
    );
    const first = await Promise.race([work.then(() => 'work' as const, () => 'work' as const), shown.then((s) => (s ? ('alert' as const) : ('work' as const)))]);
    if (first === 'alert') {
      throw new ActionableError(`The page shows the error "${(await this.locator.allInnerTexts()).join(' | ')}" instead of ${instead}.`);
    }
    return work;
  }

  /** The errors the page shows now, if any. */
  async shown(): Promise<string[]> {
    return (await this.locator.allInnerTexts().catch(() => [])).map((text) => text.trim()).filter(Boolean);
  }
}
