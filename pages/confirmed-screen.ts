import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import type { UiWords } from './words.js';

/** What the app shows once the code was accepted. */
export class ConfirmedScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: UiWords['confirmed'],
    readonly alert = new Alert(page),
  ) {}

  private readonly heading = () => this.page.getByRole('heading', { name: this.words.heading });

  async expectShown(email: string): Promise<void> {
    await test.step(`see "${this.words.heading}" for ${email}`, () =>
      this.alert.explain(async () => {
        await expect(this.heading()).toBeVisible();
        await expect(this.page.getByText(this.words.text(email))).toBeVisible();
      }),
    );
  }

  /** Whichever the page shows first after a code was entered: this screen (true), or an error (false). */
  async shownRatherThanError(email: string): Promise<boolean> {
    return test.step(`see whether the code was accepted ("${this.words.heading}") or refused`, async () => {
      await expect(this.heading().or(this.alert.locator).first()).toBeVisible();
      return (await this.heading().isVisible()) && (await this.page.getByText(this.words.text(email)).isVisible());
    });
  }
}
