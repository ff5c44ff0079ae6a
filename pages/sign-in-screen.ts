import { expect, test, type Page } from '@playwright/test';
import { Alert, openOrExplain } from './alert.js';
import type { Credentials } from './sign-up-screen.js';
import type { UiWords } from './words.js';

/** The sign-in form, and what the app shows once signed in. */
export class SignInScreen {
  constructor(
    private readonly page: Page,
    private readonly words: NonNullable<UiWords['signIn']>,
    private readonly signedIn: NonNullable<UiWords['signedIn']>,
    readonly alert = new Alert(page),
  ) {}

  private readonly field = (label: string) => this.page.getByLabel(label, { exact: true });
  private readonly button = (name: string) => this.page.getByRole('button', { name, exact: true });

  /** Opens the app (at `path`, relative to its URL: `?pool=…` for another pool) and shows the sign-in form. */
  async open(path = ''): Promise<void> {
    await test.step(`open the sign-in form${path ? ` at ${path}` : ''}`, async () => {
      await openOrExplain(this.page, path);
      const reachedBy = this.words.reachedBy;
      if (reachedBy) await this.page.getByRole(reachedBy.role, { name: reachedBy.name, exact: true }).click();
      await expect(this.button(this.words.submit)).toBeVisible();
    });
  }

  /** Fills the form and presses the button; what the page says then is for the caller to check. */
  async signIn(user: Credentials): Promise<void> {
    await test.step(`sign in as ${user.email}`, async () => {
      await this.field(this.words.email).fill(user.email);
      await this.field(this.words.password).fill(user.password);
      await this.button(this.words.submit).click();
    });
  }

  async forgotPassword(): Promise<void> {
    await test.step(`press "${this.words.forgotPassword}"`, () => this.button(this.words.forgotPassword).click());
  }

  /**
   * Comes back to the app, in the same browser, and reports what it shows: a
   * way to sign in (the form, or the tab or button that leads to it), or the
   * signed-in page. That page shows only once the app has decided the kept
   * session is good, so waiting for either cannot report too early.
   */
  async comeBack(): Promise<'signed in' | 'signed out'> {
    return test.step('come back to the app in the same browser', async () => {
      await openOrExplain(this.page, '');
      const signedIn = this.page.getByRole('heading', { name: this.signedIn.heading });
      const reachedBy = this.words.reachedBy;
      const offer = reachedBy
        ? this.button(this.words.submit).or(this.page.getByRole(reachedBy.role, { name: reachedBy.name, exact: true }))
        : this.button(this.words.submit);
      await expect(signedIn.or(offer).first()).toBeVisible();
      return (await signedIn.isVisible()) ? 'signed in' : 'signed out';
    });
  }

  async expectSignedIn(email: string): Promise<void> {
    await test.step(`see "${this.signedIn.heading}" for ${email}`, () =>
      this.alert.explain(async () => {
        await expect(this.page.getByRole('heading', { name: this.signedIn.heading })).toBeVisible();
        await expect(this.page.getByText(this.signedIn.text(email))).toBeVisible();
      }),
    );
  }
}
