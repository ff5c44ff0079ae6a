import { expect, test, type Page } from '@playwright/test';
import type { NewUser } from '../fixtures/accounts.js';
import { explainWithAlert, openOrExplain, unlessErrorShown } from './page-errors.js';
import type { SignupPage } from './signup-page.js';

/**
 * The worked example of a page object for your own sign-up form: the
 * hand-written form in local/app/custom-signup/. Copy this file, change the
 * labels and texts to your form's, and register it in pages/index.ts.
 */
export class CustomFormSignupPage implements SignupPage {
  constructor(private readonly page: Page) {}

  private readonly code = () => this.page.getByLabel('Verification code');
  private readonly alert = () => this.page.getByRole('alert');

  async open() {
    await test.step('open the sign-up form', async () => {
      await openOrExplain(this.page, '');
      await expect(this.page.getByRole('heading', { name: 'Create your Acme account' })).toBeVisible();
    });
  }

  async fillSignUpForm(user: NewUser) {
    await test.step(`fill in the sign-up form for ${user.email}`, async () => {
      await this.page.getByLabel('Work email').fill(user.email);
      await this.page.getByLabel('Choose a password').fill(user.password);
    });
  }

  async createAccount() {
    await test.step('press "Sign up"', () => this.page.getByRole('button', { name: 'Sign up' }).click());
  }

  async expectCodeRequested() {
    await test.step('see the "Check your inbox" screen', () =>
      explainWithAlert(this.alert(), async () => {
        await expect(this.page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
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
      await this.page.getByRole('button', { name: 'Verify email' }).click();
    });
  }

  async resendCode() {
    await test.step('press "Send a new code"', () => this.page.getByRole('button', { name: 'Send a new code' }).click());
  }

  async expectError(message: string | RegExp) {
    await test.step(`see the error "${message}"`, () => expect(this.alert()).toContainText(message));
  }

  async expectAccountConfirmed(email: string) {
    await test.step(`see the confirmation for ${email}`, () =>
      explainWithAlert(this.alert(), async () => {
        await expect(this.page.getByRole('heading', { name: "You're in" })).toBeVisible();
        await expect(this.page.getByText(`Account confirmed for ${email}.`)).toBeVisible();
      }),
    );
  }
}
