import { expect, test, type Page } from '@playwright/test';
import { ActionableError } from '../helpers/errors.js';

/**
 * The page a confirmation link opens: Cognito's hosted domain (the emulator
 * stands in for it locally), not the app. Its words are Cognito's own, the
 * same for every app.
 */
export const COGNITO_CONFIRMATION_PAGE = {
  confirmed: 'Your registration has been confirmed!',
  failed: 'An error was encountered with the requested page.',
} as const;

export class ConfirmationLinkPage {
  constructor(private readonly page: Page) {}

  /** Follows the link as a person does: in the browser, and reads what the page says. */
  async follow(link: string): Promise<'confirmed' | string> {
    return test.step('open the link from the mail', async () => {
      const response = await this.page.goto(link).catch((error: Error) => {
        throw new ActionableError(`The confirmation link ${link} does not open (${error.message.split('\n')[0]}): is its host Cognito's, and reachable?`);
      });
      const confirmed = this.page.getByRole('heading', { name: COGNITO_CONFIRMATION_PAGE.confirmed });
      const failed = this.page.getByRole('heading', { name: COGNITO_CONFIRMATION_PAGE.failed });
      await expect(confirmed.or(failed), `the page at ${link} (HTTP ${response?.status()}) is neither Cognito's confirmation nor its error page`).toBeVisible();
      if (await confirmed.isVisible()) return 'confirmed';
      return (await this.page.locator('body').innerText()).replace(/\s+/g, ' ').trim();
    });
  }
}
