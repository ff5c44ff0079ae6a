import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { describeControl, locateField, needed } from './control.js';
import { fill, press } from './missing-control.js';
import type { UiWords } from './words.js';

/** The screen that asks for the code Cognito mailed ("We Emailed You" in the Authenticator). */
export class ConfirmCodeScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: UiWords['confirmCode'],
    readonly alert = new Alert(page),
  ) {}

  protected readonly codeField = () => locateField(this.page, this.words.code);

  async expectShown(): Promise<void> {
    await test.step(`see the "${this.words.heading}" screen`, () =>
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

  /**
   * Enters the code, and returns the Session Cognito's ConfirmSignUp answered
   * the page with (undefined: none, or a refusal): what an app spends to sign
   * the new user in. Never shown in a step's title: it signs someone in.
   */
  async enterCodeKeepingSession(code: string): Promise<string | undefined> {
    const answer = this.page.waitForResponse((response) => response.request().headers()['x-amz-target']?.endsWith('.ConfirmSignUp') ?? false);
    await this.enterCode(code);
    const body = (await (await answer).json().catch(() => undefined)) as { Session?: string } | undefined;
    return body?.Session;
  }

  /** The click that makes Cognito mail a new code (a story that needs it is skipped on a page whose description has none). */
  async resend(): Promise<void> {
    const resend = needed(this.words.resend, 'confirmCode.resend');

    await test.step(`press ${describeControl(resend)}`, () => press(this.page, resend));
  }

  expectError(message: string | RegExp): Promise<void> {
    return this.alert.expectError(message);
  }
}
