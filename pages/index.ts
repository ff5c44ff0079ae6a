import type { Page } from '@playwright/test';
import { AccountScreen } from './account-screen.js';
import { Alert } from './alert.js';
import { AppStorage } from './app-storage.js';
import { ChangePasswordScreen } from './change-password-screen.js';
import { AMPLIFY } from './amplify.js';
import { ConfirmCodeScreen } from './confirm-code-screen.js';
import { ConfirmationLinkPage } from './confirmation-link-page.js';
import { ConfirmedScreen } from './confirmed-screen.js';
import { CUSTOM_FORM } from './custom-form.js';
import { MINIMAL_FORM } from './minimal-form.js';
import { ResetPasswordScreen } from './reset-password-screen.js';
import { SignInCodeScreen } from './sign-in-code-screen.js';
import { SignInScreen } from './sign-in-screen.js';
import { SignUpScreen } from './sign-up-screen.js';
import type { UiWords } from './words.js';

/**
 * Every UI the suite can drive, by the name SIGNUP_PAGE (or a project's
 * `uiName`) selects. This map is the one place a UI is registered: the names
 * SIGNUP_PAGE accepts, and their type, come from it.
 */
export const UIS = {
  amplify: AMPLIFY,
  'custom-form': CUSTOM_FORM,
  'minimal-form': MINIMAL_FORM,
} satisfies Record<string, UiWords>;

export type UiName = keyof typeof UIS;
export const UI_NAMES = Object.keys(UIS) as UiName[];

/** The screens of one UI, each built from that UI's words. */
export interface Screens {
  signUp: SignUpScreen;
  confirmCode: ConfirmCodeScreen;
  confirmed: ConfirmedScreen;
  /** Sign-in and password reset, for UIs that have them (a UI's words say). */
  signIn?: SignInScreen;
  resetPassword?: ResetPasswordScreen;
  /** The signed-in screen reached with ConfirmSignUp's Session, for UIs that sign the new user in that way (`signsInAfterSignUp`). */
  sessionSignIn?: SignInScreen;
  /** Sign-in with a mailed code, for UIs that offer it. */
  signInByCode?: SignInCodeScreen;
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
}

export function screensOf(page: Page, words: UiWords): Screens {
  const alert = new Alert(page);
  return {
    signUp: new SignUpScreen(page, words.signUp, alert),
    confirmCode: new ConfirmCodeScreen(page, words.confirmCode, alert),
    confirmed: new ConfirmedScreen(page, words.confirmed, alert),
    ...(words.signIn && words.signedIn ? { signIn: new SignInScreen(page, words.signIn, words.signedIn, alert) } : {}),
    ...(words.signIn && words.signedIn && words.signsInAfterSignUp ? { sessionSignIn: new SignInScreen(page, words.signIn, words.signedIn, alert) } : {}),
    ...(words.signInByCode && words.signIn ? { signInByCode: new SignInCodeScreen(page, words.signInByCode, words.signIn.reachedBy, alert) } : {}),
    ...(words.resetPassword ? { resetPassword: new ResetPasswordScreen(page, words.resetPassword, alert) } : {}),
    ...(words.changePassword ? { changePassword: new ChangePasswordScreen(page, words.changePassword, alert) } : {}),
    alert,
    storage: new AppStorage(page),
    confirmationLink: new ConfirmationLinkPage(page),
    ...(words.account ? { account: new AccountScreen(page, words.account, alert) } : {}),
  };
}

export type { UiWords } from './words.js';
export type { Credentials } from './sign-up-screen.js';
