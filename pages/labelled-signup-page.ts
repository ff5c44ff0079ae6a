import { expect, test, type Page } from '@playwright/test';
import type { NewUser } from '../fixtures/accounts.js';
import { explainWithAlert, openOrExplain, unlessErrorShown } from './page-errors.js';
import type { SignupPage } from './signup-page.js';

/**
 * The words a sign-up UI shows, screen by screen: field labels, button names,
 * headings. Every locator is built from them by role or label, exactly matched.
 */
export interface SignupScreens {
  signUp: {
    email: string;
    password: string;
    /** Only if the form asks for the password twice. */
    confirmPassword?: string;
    submit: string;
  };
  confirm: { heading: string; code: string; submit: string; resend: string };
  confirmed: { heading: string; text: (email: string) => string };
}

/**
 * A sign-up page object driven by a form's words alone. A new form needs a new
 * set of words (see AmplifySignupPage, CustomFormSignupPage), not new code.
 */
export class LabelledSignupPage implements SignupPage {
  constructor(
    protected readonly page: Page,
    private readonly screens: SignupScreens,
  ) {}

  private readonly field = (label: string) => this.page.getByLabel(label, { exact: true });
  private readonly button = (name: string) => this.page.getByRole('button', { name, exact: true });
  private readonly alert = () => this.page.getByRole('alert');

  async open() {
    await test.step('open the sign-up form', async () => {
      // The empty URL is baseURL itself: BASE_URL may be a page deep inside the app.
      await openOrExplain(this.page, '');
      await expect(this.button(this.screens.signUp.submit)).toBeVisible();
    });
  }

  async fillSignUpForm(user: NewUser) {
    const { email, password, confirmPassword } = this.screens.signUp;

    await test.step(`fill in the sign-up form for ${user.email}`, async () => {
      await this.field(email).fill(user.email);
      await this.field(password).fill(user.password);
      if (confirmPassword) await this.field(confirmPassword).fill(user.password);
    });
  }

  async createAccount() {
    await test.step(`press "${this.screens.signUp.submit}"`, () => this.button(this.screens.signUp.submit).click());
  }

  async expectCodeRequested() {
    const { heading, code } = this.screens.confirm;

    await test.step(`see the "${heading}" screen`, () =>
      explainWithAlert(this.alert(), async () => {
        await expect(this.page.getByRole('heading', { name: heading })).toBeVisible();
        await expect(this.field(code)).toBeVisible();
      }),
    );
  }

  unlessErrorShown<T>(work: Promise<T>, timeout: number): Promise<T> {
    return unlessErrorShown(this.alert(), work, timeout);
  }

  async enterCode(code: string) {
    await test.step(`enter the code ${code}`, async () => {
      await this.field(this.screens.confirm.code).fill(code);
      await this.button(this.screens.confirm.submit).click();
    });
  }

  async resendCode() {
    await test.step(`press "${this.screens.confirm.resend}"`, () => this.button(this.screens.confirm.resend).click());
  }

  async expectError(message: string | RegExp) {
    await test.step(`see the error "${message}"`, () => expect(this.alert()).toContainText(message));
  }

  async codeAccepted(email: string): Promise<boolean> {
    const { heading } = this.screens.confirmed;
    return test.step(`see whether the code was accepted ("${heading}") or refused`, async () => {
      const confirmed = this.page.getByRole('heading', { name: heading });
      await expect(confirmed.or(this.alert()).first()).toBeVisible();
      return (await confirmed.isVisible()) && (await this.page.getByText(this.screens.confirmed.text(email)).isVisible());
    });
  }

  async expectAccountConfirmed(email: string) {
    const { heading, text } = this.screens.confirmed;

    await test.step(`see "${heading}" for ${email}`, () =>
      explainWithAlert(this.alert(), async () => {
        await expect(this.page.getByRole('heading', { name: heading })).toBeVisible();
        await expect(this.page.getByText(text(email))).toBeVisible();
      }),
    );
  }
}
