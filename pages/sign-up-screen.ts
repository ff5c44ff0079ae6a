import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { describeControl, locateField } from './control.js';
import { expectControl, fill, press } from './missing-control.js';
import { openScreen } from './screen-place.js';
import type { UiWords } from './words.js';

export interface Credentials {
  email: string;
  password: string;
}

/** The form where a new user enters an address and a password. */
export class SignUpScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: UiWords['signUp'],
    readonly alert = new Alert(page),
  ) {}

  /** Opens the form where the description says it is; `query` (`?pool=…`) when the story needs the app on another pool. */
  async open(query = ''): Promise<void> {
    await test.step(`open the sign-up form${query ? ` (${query})` : ''}`, async () => {
      await openScreen(this.page, this.words, { query });
      await expectControl(this.page, this.words.submit);
      await expect(locateField(this.page, this.words.email)).toBeVisible();
    });
  }

  /** Fills the form without sending it, so a flow can note the time just before it does. */
  async fill(user: Credentials): Promise<void> {
    const { email, password, confirmPassword } = this.words;

    await test.step(`fill in the sign-up form for ${user.email}`, async () => {
      await fill(this.page, email, user.email);
      await fill(this.page, password, user.password);
      if (confirmPassword) await fill(this.page, confirmPassword, user.password);
    });
  }

  /** Sends the form: the click that makes Cognito mail a code. */
  async submit(): Promise<void> {
    await test.step(`press ${describeControl(this.words.submit)}`, () => press(this.page, this.words.submit));
  }
}
