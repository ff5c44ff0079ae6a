import { expect, test, type Page } from '@playwright/test';
import type { NewUser } from '../fixtures/accounts.js';
import { explainWithAlert, openOrExplain, unlessErrorShown } from './page-errors.js';
import type { SignupPage } from './signup-page.js';

/** AWS Amplify's `<Authenticator>`: its sign-up, confirm and signed-in screens. */
export class AmplifySignupPage implements SignupPage {
  constructor(private readonly page: Page) {}

  // The Authenticator labels both password fields and a "Show password" switch
  // with "Password" in them, hence the exact match.
  private readonly email = () => this.page.getByLabel('Email');
  private readonly password = () => this.page.getByLabel('Password', { exact: true });
  private readonly confirmPassword = () => this.page.getByLabel('Confirm Password');
  private readonly code = () => this.page.getByRole('textbox', { name: 'Confirmation Code' });
  private readonly alert = () => this.page.getByRole('alert');

  async open() {
    await test.step('open the sign-up form', async () => {
      // The empty URL is baseURL itself: BASE_URL may be a page deep inside the app.
      await openOrExplain(this.page, '');
      await expect(this.page.getByRole('button', { name: 'Create Account' })).toBeVisible();
    });
  }

  async fillSignUpForm(user: NewUser) {
    await test.step(`fill in the sign-up form for ${user.email}`, async () => {
      await this.email().fill(user.email);
      await this.password().fill(user.password);
      await this.confirmPassword().fill(user.password);
    });
  }

  async createAccount() {
    await test.step('press "Create Account"', () => this.page.getByRole('button', { name: 'Create Account' }).click());
  }

  async expectCodeRequested() {
    await test.step('see the "We Emailed You" screen', () =>
      explainWithAlert(this.alert(), async () => {
        await expect(this.page.getByRole('heading', { name: 'We Emailed You' })).toBeVisible();
        await expect(this.code()).toBeVisible();
      }),
    );
  }

  unlessErrorShown<T>(work: Promise<T>, timeout: number): Promise<T> {
    return unlessErrorShown(this.alert(), work, timeout);
  }

  async enterCode(code: string) {
    await test.step(`enter the code ${code}`, async () => {
      await this.code().fill(code);
      await this.page.getByRole('button', { name: 'Confirm', exact: true }).click();
    });
  }

  async resendCode() {
    await test.step('press "Resend Code"', () => this.page.getByRole('button', { name: 'Resend Code' }).click());
  }

  async expectError(message: string | RegExp) {
    await test.step(`see the error "${message}"`, () => expect(this.alert()).toContainText(message));
  }

  async expectAccountConfirmed(email: string) {
    await test.step(`see the signed-in page for ${email}`, () =>
      explainWithAlert(this.alert(), async () => {
        await expect(this.page.getByRole('heading', { name: 'Welcome aboard' })).toBeVisible();
        await expect(this.page.getByText(`You are signed in as ${email}.`)).toBeVisible();
      }),
    );
  }
}
