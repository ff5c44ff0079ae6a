import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { describeControl, locateField } from './control.js';
import { fill, press } from './missing-control.js';
import type { UiWords } from './words.js';

/**
 * The signed-in user's account page: a new email address, the code Cognito
 * mails to it, and what the page says once it is verified.
 */
export class AccountScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: NonNullable<UiWords['account']>,
    readonly alert = new Alert(page),
  ) {}

  protected readonly field = (label: UiWords['signUp']['email']) => locateField(this.page, label);

  async expectShown(): Promise<void> {
    await test.step(`see the "${this.words.heading}" section`, () =>
      this.alert.explain(() => expect(this.page.getByRole('heading', { name: this.words.heading, exact: true })).toBeVisible()),
    );
  }

  /** Fills in the new address and presses the button: the click that makes Cognito mail the code. */
  async requestEmailChange(newEmail: string): Promise<void> {
    await test.step(`ask to change the email to ${newEmail}`, async () => {
      await fill(this.page, this.words.newEmail, newEmail);
      await press(this.page, this.words.change);
    });
  }

  async expectCodeForm(): Promise<void> {
    await test.step(`see the form for the code`, () => this.alert.explain(() => expect(this.field(this.words.code)).toBeVisible()));
  }

  /** Enters the mailed code and sends it; what the page says then is for the caller to check. */
  async verify(code: string): Promise<void> {
    await test.step(`enter the code ${code} and press ${describeControl(this.words.verify)}`, async () => {
      await fill(this.page, this.words.code, code);
      await press(this.page, this.words.verify);
    });
  }

  async expectChanged(newEmail: string): Promise<void> {
    await test.step(`see "${this.words.changed(newEmail)}"`, () =>
      this.alert.explain(() => expect(this.page.getByText(this.words.changed(newEmail), { exact: true })).toBeVisible()),
    );
  }

  /** Signs out, and waits until the account page is gone (the app has dropped the session). */
  async signOut(): Promise<void> {
    await test.step(`press ${describeControl(this.words.signOut)}`, async () => {
      await press(this.page, this.words.signOut);
      await expect(this.page.getByRole('heading', { name: this.words.heading, exact: true })).toBeHidden();
    });
  }
}
