import { expect, test, type Page } from '@playwright/test';
import { Alert, openOrExplain } from './alert.js';
import type { UiWords } from './words.js';

/** Sign-in with a mailed code: the address and the button that mails the code, then the form that takes it ("Confirm Email Code" in the Authenticator). */
export class SignInCodeScreen {
  constructor(
    private readonly page: Page,
    private readonly words: NonNullable<UiWords['signInByCode']>,
    /** The tab or button that shows the sign-in form, when it shares the page with sign-up. */
    private readonly reachedBy: NonNullable<UiWords['signIn']>['reachedBy'],
    readonly alert = new Alert(page),
  ) {}

  private readonly field = (label: string) => this.page.getByLabel(label, { exact: true });
  private readonly button = (name: string) => this.page.getByRole('button', { name, exact: true });

  /** Opens the app where it offers sign-in by code, and shows that form. */
  async open(): Promise<void> {
    await test.step(`open sign-in by code at ${this.words.path}`, async () => {
      await openOrExplain(this.page, this.words.path);
      if (this.reachedBy) await this.page.getByRole(this.reachedBy.role, { name: this.reachedBy.name, exact: true }).click();
      await expect(this.button(this.words.request)).toBeVisible();
    });
  }

  /** Enters the address, without asking for the code. */
  async fillEmail(email: string): Promise<void> {
    await test.step(`enter ${email}`, () => this.field(this.words.email).fill(email));
  }

  /** The click that makes Cognito mail a sign-in code. */
  async requestCode(): Promise<void> {
    await test.step(`press "${this.words.request}"`, () => this.button(this.words.request).click());
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
      await this.field(this.words.code).fill(code);
      await this.button(this.words.submit).click();
    });
  }

  /** The click that makes Cognito mail another code. */
  async resend(): Promise<void> {
    await test.step(`press "${this.words.resend}"`, () => this.button(this.words.resend).click());
  }
}
