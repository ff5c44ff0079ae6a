import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import type { UiWords } from './words.js';

/** The screen that asks for the code Cognito mailed ("We Emailed You" in the Authenticator). */
export class ConfirmCodeScreen {
  constructor(
    private readonly page: Page,
    private readonly words: UiWords['confirmCode'],
    readonly alert = new Alert(page),
  ) {}

  private readonly codeField = () => this.page.getByLabel(this.words.code, { exact: true });
  private readonly button = (name: string) => this.page.getByRole('button', { name, exact: true });

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
      await this.codeField().fill(code);
      await this.button(this.words.submit).click();
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

  /** The click that makes Cognito mail a new code. */
  async resend(): Promise<void> {
    await test.step(`press "${this.words.resend}"`, () => this.button(this.words.resend).click());
  }

  expectError(message: string | RegExp): Promise<void> {
    return this.alert.expectError(message);
  }
}
