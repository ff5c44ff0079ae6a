import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { locateField } from './control.js';
import { fill, press } from './missing-control.js';
import type { UiWords } from './words.js';

/**
 * The code a second factor asks for after the password (email MFA): its own
 * slot, apart from passwordless sign-in's, as a page may have either alone.
 */
export class MfaCodeScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: NonNullable<UiWords['mfaCode']>,
    readonly alert = new Alert(page),
  ) {}

  protected readonly codeField = () => locateField(this.page, this.words.code);

  async expectCodeForm(): Promise<void> {
    await test.step(`see the "${this.words.heading}" form`, () =>
      this.alert.explain(async () => {
        await expect(this.page.getByRole('heading', { name: this.words.heading })).toBeVisible();
        await expect(this.codeField()).toBeVisible();
      }),
    );
  }

  async enterCode(code: string): Promise<void> {
    await test.step(`enter the code ${code}`, async () => {
      await fill(this.page, this.words.code, code);
      await press(this.page, this.words.submit);
    });
  }
}
