import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { describeControl, locateField, needed } from './control.js';
import { expectControl, fill, press } from './missing-control.js';
import { openScreen } from './screen-place.js';
import type { UiWords } from './words.js';

/** Sign-in with a mailed code instead of a password: the address and the control that mails the code, then the form that takes it ("Confirm Email Code" in the Authenticator). */
export class SignInCodeScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: NonNullable<UiWords['signInByCode']>,
    readonly alert = new Alert(page),
  ) {}

  protected readonly field = (label: UiWords['signUp']['email']) => locateField(this.page, label);

  /** Opens the app where the description says it offers sign-in by code, and shows that form. */
  async open(): Promise<void> {
    await test.step(`open sign-in by code${this.words.path ? ` at ${this.words.path}` : ''}`, async () => {
      await openScreen(this.page, this.words);
      await expectControl(this.page, this.words.request);
    });
  }

  /** Enters the address, without asking for the code. */
  async fillEmail(email: string): Promise<void> {
    await test.step(`enter ${email}`, () => fill(this.page, this.words.email, email));
  }

  /** The click that makes Cognito mail a sign-in code. */
  async requestCode(): Promise<void> {
    await test.step(`press ${describeControl(this.words.request)}`, () => press(this.page, this.words.request));
  }

  async expectCodeForm(): Promise<void> {
    await test.step(`see the "${this.words.heading}" form`, () =>
      this.alert.explain(async () => {
        await expect(this.page.getByRole('heading', { name: this.words.heading })).toBeVisible();
        await expect(this.field(this.words.code)).toBeVisible();
      }),
    );
  }

  async enterCode(code: string): Promise<void> {
    await test.step(`enter the code ${code}`, async () => {
      await fill(this.page, this.words.code, code);
      await press(this.page, this.words.submit);
    });
  }

  /** The click that makes Cognito mail another code (a story that needs it is skipped on a page whose description has none). */
  async resend(): Promise<void> {
    const resend = needed(this.words.resend, 'signInByCode.resend');

    await test.step(`press ${describeControl(resend)}`, () => press(this.page, resend));
  }
}
