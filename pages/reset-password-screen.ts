import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { describeControl, locateField, needed } from './control.js';
import { fill, press } from './missing-control.js';
import type { UiWords } from './words.js';

/** The two forms of a password reset: the address to mail a code to, then the code and the new password. */
export class ResetPasswordScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: NonNullable<UiWords['resetPassword']>,
    readonly alert = new Alert(page),
  ) {}

  protected readonly field = (label: UiWords['signUp']['email']) => locateField(this.page, label);

  /** Enters the address, without sending it. */
  async fillEmail(email: string): Promise<void> {
    await test.step(`ask for a password reset for ${email}`, async () => {
      await expect(this.page.getByRole('heading', { name: this.words.requestHeading })).toBeVisible();
      await fill(this.page, this.words.email, email);
    });
  }

  /** The click that makes Cognito mail a reset code. */
  async sendCode(): Promise<void> {
    await test.step(`press ${describeControl(this.words.send)}`, () => press(this.page, this.words.send));
  }

  async expectCodeForm(): Promise<void> {
    await test.step(`see the "${this.words.heading}" form for the code`, () =>
      this.alert.explain(async () => {
        await expect(this.page.getByRole('heading', { name: this.words.heading })).toBeVisible();
        await expect(this.field(this.words.code)).toBeVisible();
      }),
    );
  }

  /** The click that makes Cognito mail another code (a story that needs it is skipped on a page whose description has none). */
  async resend(): Promise<void> {
    const resend = needed(this.words.resend, 'resetPassword.resend');

    await test.step(`press ${describeControl(resend)}`, () => press(this.page, resend));
  }

  async setNewPassword(code: string, password: string): Promise<void> {
    const { code: codeLabel, newPassword, confirmPassword, submit } = this.words;

    await test.step(`enter the code ${code} and a new password`, async () => {
      await fill(this.page, codeLabel, code);
      await fill(this.page, newPassword, password);
      if (confirmPassword) await fill(this.page, confirmPassword, password);
      await press(this.page, submit);
    });
  }
}
