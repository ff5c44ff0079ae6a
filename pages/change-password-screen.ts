import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { locateField } from './control.js';
import { press } from './missing-control.js';
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

  protected readonly field = (label: UiWords['signUp']['email']) => locateField(this.page, label);

  async expectShown(): Promise<void> {
    await test.step(`see the "${this.words.heading}" form`, () =>
      this.alert.explain(() => expect(this.page.getByRole('heading', { name: this.words.heading })).toBeVisible()),
    );
  }

  /** Chooses the new password and sends it: the answer to Cognito's challenge. */
  async choose(password: string): Promise<void> {
    await test.step('choose a new password', async () => {
      await this.field(this.words.newPassword).fill(password);
      if (this.words.confirmPassword) await this.field(this.words.confirmPassword).fill(password);
      await press(this.page, this.words.submit);
    });
  }
}
