import type { Page } from '@playwright/test';
import type { AccountScreen } from './account-screen.js';
import type { Alert } from './alert.js';
import type { AppStorage } from './app-storage.js';
import type { ChangePasswordScreen } from './change-password-screen.js';
import type { ConfirmCodeScreen } from './confirm-code-screen.js';
import type { ConfirmationLinkPage } from './confirmation-link-page.js';
import type { ConfirmedScreen } from './confirmed-screen.js';
import type { MfaCodeScreen } from './mfa-code-screen.js';
import type { PasskeyScreen } from './passkey-screen.js';
import type { PasswordlessSignUpScreen } from './passwordless-sign-up-screen.js';
import type { ResetPasswordScreen } from './reset-password-screen.js';
import type { SignInCodeScreen } from './sign-in-code-screen.js';
import type { SignInScreen } from './sign-in-screen.js';
import type { SignUpScreen } from './sign-up-screen.js';
import type { UiWords } from './words.js';

/** The screens of one UI, each built from that UI's description. */
export interface Screens {
  signUp: SignUpScreen;
  confirmCode: ConfirmCodeScreen;
  confirmed: ConfirmedScreen;
  /** Sign-in and password reset, for UIs that have them (a UI's description says). */
  signIn?: SignInScreen;
  resetPassword?: ResetPasswordScreen;
  /** The signed-in screen reached with ConfirmSignUp's Session, for UIs that sign the new user in that way (`signsInAfterSignUp`). */
  sessionSignIn?: SignInScreen;
  /** Sign-in with a mailed code instead of a password, for UIs that offer it. */
  signInByCode?: SignInCodeScreen;
  /** The code a second factor asks for after the password (email MFA). */
  mfaCode?: MfaCodeScreen;
  /** The new password a user invited with a temporary one must choose. */
  changePassword?: ChangePasswordScreen;
  /** The page's error message, on whichever screen. */
  alert: Alert;
  /** What the app keeps in the browser: its tokens. */
  storage: AppStorage;
  /** Cognito's page behind a confirmation link: the same for every UI. */
  confirmationLink: ConfirmationLinkPage;
  /** The signed-in user's account page, where the email address changes. */
  account?: AccountScreen;
  /** Sign-up with the address alone, no password. */
  passwordlessSignUp?: PasswordlessSignUpScreen;
  /** Passkeys: signing in with one, and the signed-in user's list, where one is created and removed. */
  passkeys?: PasskeyScreen;
}

/** The screens a description may build itself. */
export type OwnScreen = Exclude<keyof Screens, 'alert' | 'storage' | 'confirmationLink' | 'sessionSignIn'>;

/**
 * A page's description: its words (pages/words.ts), and, for a screen that
 * differs in more than words, its own screen class, built here from the page
 * and its alert (a subclass of the usual one: `(page, alert) => new
 * AcmeSignIn(page, ACME.signIn!, ACME.signedIn!, alert)`). Nothing else to edit.
 */
export interface PageDescription extends UiWords {
  screens?: { [K in OwnScreen]?: (page: Page, alert: Alert) => NonNullable<Screens[K]> };
}

/**
 * The controls a page may lack on a screen it has, each with what it does:
 * a story that needs one is skipped on a page whose description has none,
 * saying which field adds it (plan/page-support.ts). A screen of the
 * description's own class, without words, is trusted to have them.
 */
export const OPTIONAL_CONTROLS = {
  'confirmCode.resend': { screen: 'confirmCode', control: 'resend', does: 'mails another sign-up code' },
  'signIn.forgotPassword': { screen: 'signIn', control: 'forgotPassword', does: 'leads from the sign-in form to the password reset' },
  'resetPassword.resend': { screen: 'resetPassword', control: 'resend', does: 'mails another reset code' },
  'signInByCode.resend': { screen: 'signInByCode', control: 'resend', does: 'mails another sign-in code' },
} as const satisfies Record<string, { screen: OwnScreen & keyof UiWords; control: string; does: string }>;

export type OptionalControl = keyof typeof OPTIONAL_CONTROLS;

/** Whether the page has the screen, by its description: its words (with what it needs beside them), or its own class. */
export function hasScreen(description: PageDescription, screen: keyof Screens): boolean {
  const own = description.screens as Partial<Record<keyof Screens, unknown>> | undefined;
  const signIn = !!own?.signIn || (!!description.signIn && !!description.signedIn);
  if (screen === 'signIn') return signIn;
  if (screen === 'sessionSignIn') return signIn && !!description.signsInAfterSignUp;
  if (screen === 'passkeys') return !!own?.passkeys || (!!description.passkeys && !!description.signedIn);
  // Every page has these: they are the page's, not a screen it may lack.
  if (screen === 'alert' || screen === 'storage' || screen === 'confirmationLink') return true;
  return !!own?.[screen] || description[screen] !== undefined;
}

/** Whether the page has the control, by its description. */
export function hasControl(description: PageDescription, name: OptionalControl): boolean {
  const { screen, control } = OPTIONAL_CONTROLS[name];
  const words = description[screen] as Record<string, unknown> | undefined;
  return words ? words[control] !== undefined : !!description.screens?.[screen];
}
