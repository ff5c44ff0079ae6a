import type { VariantName } from '../common/pool-settings.js';
import type { ErrorWords } from './alert.js';
import type { Control, Field } from './control.js';

/**
 * Where a screen is, relative to the page's URL (BASE_URL, or the demo app's):
 * `path` a path, a query or a hash (`'#login'`, `'?signin=email-code'`; none:
 * the page's URL itself, hash and all), and `reachedBy` the control to press
 * there first, when the screen shares the page with another (a tab, a button, a
 * link: `{ role: 'link', name: 'Log in' }`). The doctor opens the sign-up
 * screen exactly as the stories do (pages/screen-place.ts).
 */
export interface Where {
  path?: string;
  reachedBy?: Control;
}

/**
 * The words a UI shows, screen by screen: field labels, the names of the
 * controls (buttons unless a role says otherwise: see Control), headings.
 * Every locator of every screen is built from them, so a new UI is a new set
 * of words, not new code. Only sign-up, its code and what follows are
 * required; a screen or a control left out skips the stories that need it,
 * saying which field adds it (plan/page-support.ts).
 */
export interface UiWords {
  signUp: Where & {
    email: Field;
    password: Field;
    /** Only if the form asks for the password twice. */
    confirmPassword?: Field;
    submit: Control;
  };
  /** The code Cognito mails at sign-up; `resend` the control that mails another, if the page has one. */
  confirmCode: { heading: string; code: Field; submit: Control; resend?: Control };
  /** What the app shows once the code was accepted (a signed-in page, a "you're in" message …). */
  confirmed: { heading: string; text: (email: string) => string };
  /** The sign-in form, for UIs that have one; `forgotPassword` the control that leads to the reset, if it offers one. */
  signIn?: Where & { email: Field; password: Field; submit: Control; forgotPassword?: Control };
  /** What the app shows a signed-in user. */
  signedIn?: { heading: string; text: (email: string) => string };
  /**
   * The app signs the new user in with ConfirmSignUp's Session once the code is
   * accepted (Amplify: signUp with autoSignIn USER_AUTH, then autoSignIn()), and
   * then shows `signedIn`. Leave it out for an app that does not: the story of
   * that sign-in is then skipped, saying so, rather than failed.
   */
  signsInAfterSignUp?: true;
  /**
   * Resetting a forgotten password: the form that asks for the address, then
   * the one that takes the mailed code and the new password (and `resend`, if
   * it offers to mail another code).
   */
  resetPassword?: {
    requestHeading: string;
    email: Field;
    send: Control;
    heading: string;
    code: Field;
    newPassword: Field;
    confirmPassword?: Field;
    submit: Control;
    resend?: Control;
  };
  /**
   * Sign-in with a mailed code instead of a password (passwordless): where the
   * app offers it, the address and the control that mails the code, then the
   * form that takes it.
   */
  signInByCode?: Where & { email: Field; request: Control; heading: string; code: Field; submit: Control; resend?: Control };
  /**
   * Sign-up with the address alone, no password (passwordless: Amplify's
   * signUp without a password, then autoSignIn with USER_AUTH): where the
   * app offers it, the address and the control that signs up. The mailed
   * code is then entered on `confirmCode`, and the app shows `signedIn`.
   */
  passwordlessSignUp?: Where & { email: Field; submit: Control };
  /**
   * Passkeys, where the app offers them (`path`): signed out, the address and
   * the control that signs in with a passkey (`reachedBy` leads to that form);
   * signed in, the user's passkeys under `heading`, what the page says of
   * their number, the control that creates one, the one that removes one
   * (within the passkey's list item), and how to sign out.
   */
  passkeys?: Where & {
    email: Field;
    signIn: Control;
    heading: string;
    count: (n: number) => string;
    create: Control;
    remove: Control;
    signOut: Control;
  };
  /** The code a second factor (email MFA) asks for after the password, on the way from the sign-in form. */
  mfaCode?: { heading: string; code: Field; submit: Control };
  /** The new password a user with a temporary one must choose at first sign-in. */
  changePassword?: { heading: string; newPassword: Field; confirmPassword?: Field; submit: Control };
  /**
   * The signed-in user's account page, where the email address changes: the
   * form for the new address, the one for the mailed code, what it says once
   * the new address is verified, and how to sign out.
   */
  account?: {
    heading: string;
    newEmail: Field;
    change: Control;
    code: Field;
    verify: Control;
    changed: (email: string) => string;
    signOut: Control;
  };
  /**
   * Where the page uses each of the embedded stack's other pools, for the
   * stories that need one (`npm run stack` prints them: LINK_VERIFICATION_USER_POOL_*,
   * KEEP_ORIGINAL_EMAIL_USER_POOL_*): a path, query or hash relative to the
   * page's URL, or a whole URL. The demo app takes `?pool=link-verification`.
   * Without it those stories skip, saying that this page cannot be pointed at
   * another pool.
   */
  pools?: Partial<Record<VariantName, string>>;
  /**
   * The page's own words for a Cognito error that it shows in words other
   * than Cognito's (keys: COGNITO_ERRORS in common/cognito-operations.ts).
   * The stories expect Cognito's words unless the page says otherwise here,
   * as the Authenticator does for a wrong or expired sign-in code.
   */
  errors?: ErrorWords;
}
