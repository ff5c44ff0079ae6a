import { expect, test, type Page } from '@playwright/test';
import { Alert, openOrExplain } from './alert.js';
import type { UiWords } from './words.js';

export interface Credentials {
  email: string;
  password: string;
}

/** The form where a new user enters an address and a password. */
export class SignUpScreen {
  constructor(
    private readonly page: Page,
    private readonly words: UiWords['signUp'],
    readonly alert = new Alert(page),
  ) {}

  private readonly field = (label: string) => this.page.getByLabel(label, { exact: true });
  private readonly submitButton = () => this.page.getByRole('button', { name: this.words.submit, exact: true });

  /** Opens the app at its URL; `path` (relative to it, `?pool=…`) when the story needs the app on another pool. */
  async open(path = ''): Promise<void> {
    await test.step(`open the sign-up form${path ? ` (${path})` : ''}`, async () => {
      // The empty URL is baseURL itself: BASE_URL may be a page deep inside the app.
      await openOrExplain(this.page, path);
      await expect(this.submitButton()).toBeVisible();
      await expect(this.field(this.words.email)).toBeVisible();
    });
  }

  /** Fills the form without sending it, so a flow can note the time just before it does. */
  async fill(user: Credentials): Promise<void> {
    const { email, password, confirmPassword } = this.words;

    await test.step(`fill in the sign-up form for ${user.email}`, async () => {
      await this.field(email).fill(user.email);
      await this.field(password).fill(user.password);
      if (confirmPassword) await this.field(confirmPassword).fill(user.password);
    });
  }

  /** Sends the form: the click that makes Cognito mail a code. */
  async submit(): Promise<void> {
    await test.step(`press "${this.words.submit}"`, () => this.submitButton().click());
  }
}
