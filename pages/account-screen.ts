import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import type { UiWords } from './words.js';

/**
 * The signed-in user's account page: a new email address, the code Cognito
 * mails to it, and what the page says once it is verified.
 */
export class AccountScreen {
  constructor(
    private readonly page: Page,
    private readonly words: NonNullable<UiWords['account']>,
    readonly alert = new Alert(page),
  ) {}

  private readonly field = (label: string) => this.page.getByLabel(label, { exact: true });
  private readonly button = (name: string) => this.page.getByRole('button', { name, exact: true });

  async expectShown(): Promise<void> {
    await test.step(`see the "${this.words.heading}" section`, () =>
      this.alert.explain(() => expect(this.page.getByRole('heading', { name: this.words.heading, exact: true })).toBeVisible()),
    );
  }

  /** Fills in the new address and presses the button: the click that makes Cognito mail the code. */
  async requestEmailChange(newEmail: string): Promise<void> {
    await test.step(`ask to change the email to ${newEmail}`, async () => {
      await this.field(this.words.newEmail).fill(newEmail);
      await this.button(this.words.change).click();
    });
  }

  async expectCodeForm(): Promise<void> {
    await test.step(`see the "${this.words.code}" form`, () => this.alert.explain(() => expect(this.field(this.words.code)).toBeVisible()));
  }

  /** Enters the mailed code and sends it; what the page says then is for the caller to check. */
  async verify(code: string): Promise<void> {
    await test.step(`enter the code ${code} and press "${this.words.verify}"`, async () => {
      await this.field(this.words.code).fill(code);
      await this.button(this.words.verify).click();
    });
  }

  async expectChanged(newEmail: string): Promise<void> {
    await test.step(`see "${this.words.changed(newEmail)}"`, () =>
      this.alert.explain(() => expect(this.page.getByText(this.words.changed(newEmail), { exact: true })).toBeVisible()),
    );
  }

  /** Signs out, and waits until the account page is gone (the app has dropped the session). */
  async signOut(): Promise<void> {
    await test.step(`press "${this.words.signOut}"`, async () => {
      await this.button(this.words.signOut).click();
      await expect(this.page.getByRole('heading', { name: this.words.heading, exact: true })).toBeHidden();
    });
  }
}
