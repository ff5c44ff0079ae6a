import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { fill, press } from './missing-control.js';
import type { UiWords } from './words.js';

/**
 * The form a user with a temporary password must fill in at first sign-in
 * (Cognito's NEW_PASSWORD_REQUIRED challenge): the Authenticator's
 * "Change Password".
 */
export class ChangePasswordScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: NonNullable<UiWords['changePassword']>,
    readonly alert = new Alert(page),
  ) {}

  async expectShown(): Promise<void> {
    await test.step(`see the "${this.words.heading}" form`, () =>
      this.alert.explain(() => expect(this.page.getByRole('heading', { name: this.words.heading })).toBeVisible()),
    );
  }

  /** Chooses the new password and sends it: the answer to Cognito's challenge. */
  async choose(password: string): Promise<void> {
    await test.step('choose a new password', async () => {
      await fill(this.page, this.words.newPassword, password);
      if (this.words.confirmPassword) await fill(this.page, this.words.confirmPassword, password);
      await press(this.page, this.words.submit);
    });
  }
}
