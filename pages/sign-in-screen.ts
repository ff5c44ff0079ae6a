import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { describeControl, locate, needed } from './control.js';
import { expectControl, fill, press } from './missing-control.js';
import { openScreen } from './screen-place.js';
import type { Credentials } from './sign-up-screen.js';
import type { UiWords } from './words.js';

/** The sign-in form, and what the app shows once signed in. */
export class SignInScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: NonNullable<UiWords['signIn']>,
    protected readonly signedIn: NonNullable<UiWords['signedIn']>,
    readonly alert = new Alert(page),
  ) {}

  /** Opens the form where the description says it is (`query`, `?pool=…`, for another pool). */
  async open(query = ''): Promise<void> {
    await test.step(`open the sign-in form${query ? ` (${query})` : ''}`, async () => {
      await openScreen(this.page, this.words, { query });
      await expectControl(this.page, this.words.submit);
    });
  }

  /** Fills the form and presses the button; what the page says then is for the caller to check. */
  async signIn(user: Credentials): Promise<void> {
    await test.step(`sign in as ${user.email}`, async () => {
      await fill(this.page, this.words.email, user.email);
      await fill(this.page, this.words.password, user.password);
      await press(this.page, this.words.submit);
    });
  }

  /** The way to the reset form (a story that needs it is skipped on a page whose description has none). */
  async forgotPassword(): Promise<void> {
    const control = needed(this.words.forgotPassword, 'signIn.forgotPassword');

    await test.step(`press ${describeControl(control)}`, () => press(this.page, control));
  }

  /**
   * Comes back to the app, in the same browser, and reports what it shows: a
   * way to sign in (the form, or the control that leads to it), or the
   * signed-in page. That page shows only once the app has decided the kept
   * session is good, so waiting for either cannot report too early.
   */
  async comeBack(): Promise<'signed in' | 'signed out'> {
    return test.step('come back to the app in the same browser', async () => {
      await openScreen(this.page, this.words, { reach: false });
      const signedIn = this.page.getByRole('heading', { name: this.signedIn.heading });
      const submit = locate(this.page, this.words.submit);
      const offer = this.words.reachedBy ? submit.or(locate(this.page, this.words.reachedBy)) : submit;
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
