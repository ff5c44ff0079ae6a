import { expect, test, type Locator, type Page } from '@playwright/test';
import { COGNITO_ERRORS, type CognitoErrorKey } from '../common/cognito-operations.js';
import { ActionableError } from '../helpers/errors.js';

/** A page's own words for the Cognito errors it does not show in Cognito's (UiWords.errors). */
export type ErrorWords = Partial<Record<CognitoErrorKey, string>>;

/**
 * The page's error message (role "alert"), as every screen shows Cognito's
 * refusals. "Element not found" alone hides the usual cause of a failed
 * screen: Cognito refused something, and the page says what.
 */
export class Alert {
  readonly locator: Locator;

  constructor(
    page: Page,
    private readonly words: ErrorWords = {},
  ) {
    this.locator = page.getByRole('alert');
  }

  /**
   * Expects the page to show `message`. Stories give Cognito's words; a page
   * whose description words that error its own way (`errors`) is expected to
   * show its own words instead, so no story asserts one UI's texts on another.
   */
  async expectError(message: string | RegExp): Promise<void> {
    const key = (Object.keys(this.words) as CognitoErrorKey[]).find((name) => COGNITO_ERRORS[name].message === message);
    const shown = key ? this.words[key]! : message;
    const said = key ? `see the error "${shown}" (the page's words for Cognito's "${String(message)}")` : `see the error "${String(message)}"`;

    await test.step(said, () => expect(this.locator).toContainText(shown));
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
