import type { NewUser } from '../fixtures/accounts.js';

/**
 * What a test does on a sign-up screen with email verification. The Amplify
 * Authenticator is one implementation; a custom form is another.
 */
export interface SignupPage {
  open(): Promise<void>;
  /** Fills the form without sending it, so the test can note the time just before it does. */
  fillSignUpForm(user: NewUser): Promise<void>;
  /** Sends the form: this is the click that makes Cognito mail a code. */
  createAccount(): Promise<void>;
  expectCodeRequested(): Promise<void>;
  /** `work` (waiting for the email), unless the form shows an error first: then that error, at once. */
  unlessErrorShown<T>(work: Promise<T>, timeout: number): Promise<T>;
  enterCode(code: string): Promise<void>;
  resendCode(): Promise<void>;
  expectError(message: string | RegExp): Promise<void>;
  /** Whichever the page shows first after a code was entered: the confirmed screen (true) or an error (false). */
  codeAccepted(email: string): Promise<boolean>;
  /** The screen an app shows once the code was accepted (a signed-in page, a "you're in" message …). */
  expectAccountConfirmed(email: string): Promise<void>;
}
