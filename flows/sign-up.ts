import { test } from '@playwright/test';
import { withAdvice } from '../helpers/cognito/advice.js';
import type { CognitoCallRecorder } from '../helpers/diagnosis/cognito-calls.js';
import { ActionableError } from '../helpers/errors.js';
import type { DisposableInbox } from '../helpers/mail/disposable-inbox.js';
import type { VerificationEmail } from '../helpers/mail/types.js';
import type { Credentials, Screens } from '../pages/index.js';

/** An email a flow waited for, the instant of the click that asked for it, and when the test had it. */
export interface RequestedEmail extends VerificationEmail {
  requestedAt: Date;
  seenAt: Date;
}

export interface FlowOptions {
  /** How long the email may take, from the click that causes it (EMAIL_TIMEOUT_MS). */
  emailTimeout: number;
  /** The page's Cognito calls, so a refusal on screen is explained with the exception Cognito named. */
  cognitoCalls?: CognitoCallRecorder;
}

/**
 * Sign-up with email verification, composed once from the screens of any
 * UI: the stories, the benchmark and the tools all sign up through this.
 * Every wait for mail counts only what arrived after the click that causes
 * it, and stops at once when the page shows an error instead.
 */
export class SignUpFlow {
  constructor(
    private readonly screens: Screens,
    private readonly inbox: DisposableInbox,
    private readonly options: FlowOptions,
  ) {}

  /** Signs up through the UI, and returns the verification email that caused, once the code screen shows. */
  async signUp(user: Credentials): Promise<RequestedEmail> {
    return test.step(`sign up as ${user.email} and receive the verification email`, async () => {
      await this.screens.signUp.open();
      await this.screens.signUp.fill(user);
      const email = await this.mailCausedBy(() => this.screens.signUp.submit(), 'the code screen');
      await this.screens.confirmCode.expectShown();
      return email;
    });
  }

  /** Asks for a new code on the code screen, and returns the email that caused. */
  async resendCode(): Promise<RequestedEmail> {
    return test.step('resend the code and receive another verification email', () =>
      this.mailCausedBy(() => this.screens.confirmCode.resend(), 'a new code'),
    );
  }

  /** Enters a code, and sees the app confirm the account. */
  async confirm(user: Credentials, code: string): Promise<void> {
    await this.screens.confirmCode.enterCode(code);
    await this.screens.confirmed.expectShown(user.email);
  }

  /**
   * The email an action causes: the wait counts from just before the action,
   * and ends early, naming Cognito's exception when it named one, if the page
   * shows an error instead.
   */
  private async mailCausedBy(action: () => Promise<void>, instead: string): Promise<RequestedEmail> {
    const requestedAt = new Date();
    await action();
    const email = await this.screens.alert
      .unlessShown(this.inbox.waitForVerificationEmail({ since: requestedAt }), this.options.emailTimeout, instead)
      .catch((error: unknown) => {
        const refused = this.options.cognitoCalls?.lastError();
        throw refused && error instanceof ActionableError ? new ActionableError(withAdvice(refused, error.message)) : error;
      });
    return { ...email, requestedAt, seenAt: new Date() };
  }
}
