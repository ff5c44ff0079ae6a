import { test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { describeControl } from './control.js';
import { expectControl, fill, press } from './missing-control.js';
import { openScreen } from './screen-place.js';
import type { UiWords } from './words.js';

/** Sign-up with the address alone, no password ("Create account with Email OTP" in the Authenticator offering passwordless sign-in). */
export class PasswordlessSignUpScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: NonNullable<UiWords['passwordlessSignUp']>,
    readonly alert = new Alert(page),
  ) {}

  /** Opens the app where the description says it offers sign-up without a password. */
  async open(): Promise<void> {
    await test.step(`open sign-up without a password${this.words.path ? ` at ${this.words.path}` : ''}`, async () => {
      await openScreen(this.page, this.words);
      await expectControl(this.page, this.words.submit);
    });
  }

  async fill(email: string): Promise<void> {
    await test.step(`enter ${email}, and no password`, () => fill(this.page, this.words.email, email));
  }

  /** The click that makes Cognito mail the sign-up code. */
  async submit(): Promise<void> {
    await test.step(`press ${describeControl(this.words.submit)}`, () => press(this.page, this.words.submit));
  }
}
