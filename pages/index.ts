import type { Page } from '@playwright/test';
import { AccountScreen } from './account-screen.js';
import { Alert } from './alert.js';
import { AppStorage } from './app-storage.js';
import { ChangePasswordScreen } from './change-password-screen.js';
import { ConfirmCodeScreen } from './confirm-code-screen.js';
import { ConfirmationLinkPage } from './confirmation-link-page.js';
import { ConfirmedScreen } from './confirmed-screen.js';
import type { PageDescription, Screens } from './description.js';
import { MfaCodeScreen } from './mfa-code-screen.js';
import { PasskeyScreen } from './passkey-screen.js';
import { PasswordlessSignUpScreen } from './passwordless-sign-up-screen.js';
import { ResetPasswordScreen } from './reset-password-screen.js';
import { SignInCodeScreen } from './sign-in-code-screen.js';
import { SignInScreen } from './sign-in-screen.js';
import { SignUpScreen } from './sign-up-screen.js';
import { placeScreensAt } from './screen-place.js';

export { SUITE_UI_NAMES, UIS, UI_NAMES, descriptionFile, descriptionOf, type UiName } from './ui/index.js';

/**
 * The screens of one UI on a page: each built from the description's words by
 * the usual class, or by the description's own (`screens`); a screen whose
 * words the description leaves out is not there, and the stories that need it skip.
 * `base` is the URL the description's places are relative to (the test's baseURL).
 */
export function screensOf(page: Page, description: PageDescription, base?: string): Screens {
  placeScreensAt(page, base);
  const alert = new Alert(page, description.errors);
  const own = description.screens ?? {};
  const { signIn, signedIn } = description;
  const signInScreen = own.signIn?.(page, alert) ?? (signIn && signedIn ? new SignInScreen(page, signIn, signedIn, alert) : undefined);
  const optional = {
    signIn: signInScreen,
    sessionSignIn: description.signsInAfterSignUp ? signInScreen : undefined,
    signInByCode: own.signInByCode?.(page, alert) ?? (description.signInByCode && new SignInCodeScreen(page, description.signInByCode, alert)),
    mfaCode: own.mfaCode?.(page, alert) ?? (description.mfaCode && new MfaCodeScreen(page, description.mfaCode, alert)),
    resetPassword: own.resetPassword?.(page, alert) ?? (description.resetPassword && new ResetPasswordScreen(page, description.resetPassword, alert)),
    changePassword: own.changePassword?.(page, alert) ?? (description.changePassword && new ChangePasswordScreen(page, description.changePassword, alert)),
    account: own.account?.(page, alert) ?? (description.account && new AccountScreen(page, description.account, alert)),
    passwordlessSignUp: own.passwordlessSignUp?.(page, alert) ?? (description.passwordlessSignUp && new PasswordlessSignUpScreen(page, description.passwordlessSignUp, alert)),
    passkeys: own.passkeys?.(page, alert) ?? (description.passkeys && signedIn && new PasskeyScreen(page, description.passkeys, signedIn, alert)),
  };
  return {
    signUp: own.signUp?.(page, alert) ?? new SignUpScreen(page, description.signUp, alert),
    confirmCode: own.confirmCode?.(page, alert) ?? new ConfirmCodeScreen(page, description.confirmCode, alert),
    confirmed: own.confirmed?.(page, alert) ?? new ConfirmedScreen(page, description.confirmed, alert),
    // A screen the description lacks is absent, not undefined: the stories ask `screens.signIn` whether there is one.
    ...(Object.fromEntries(Object.entries(optional).filter(([, screen]) => screen)) as Partial<Screens>),
    alert,
    storage: new AppStorage(page),
    confirmationLink: new ConfirmationLinkPage(page),
  };
}

export type { Screens, PageDescription, OptionalControl } from './description.js';
export { OPTIONAL_CONTROLS, hasControl, hasScreen } from './description.js';
export { placeScreensAt } from './screen-place.js';
export type { UiWords, Where } from './words.js';
export type { Control, Field } from './control.js';
export type { Credentials } from './sign-up-screen.js';
