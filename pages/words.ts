/**
 * The words a UI shows, screen by screen: field labels, button names,
 * headings. Every locator of every screen is built from them, by role or
 * exact label, so a new UI is a new set of words, not new code.
 */
export interface UiWords {
  signUp: {
    email: string;
    password: string;
    /** Only if the form asks for the password twice. */
    confirmPassword?: string;
    submit: string;
  };
  confirmCode: { heading: string; code: string; submit: string; resend: string };
  /** What the app shows once the code was accepted (a signed-in page, a "you're in" message …). */
  confirmed: { heading: string; text: (email: string) => string };
  /**
   * The sign-in form, for UIs that have one; `reachedBy` the tab or button that
   * shows it, when it shares the page with the sign-up form.
   */
  signIn?: { reachedBy?: { role: 'tab' | 'button'; name: string }; email: string; password: string; submit: string; forgotPassword: string };
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
   * the one that takes the mailed code and the new password.
   */
  resetPassword?: {
    requestHeading: string;
    email: string;
    send: string;
    heading: string;
    code: string;
    newPassword: string;
    confirmPassword?: string;
    submit: string;
    resend: string;
  };
  /**
   * Sign-in with a mailed code (passwordless): where the app offers it
   * (`path`, relative to its URL), the address and the button that mails the
   * code, then the form that takes it. Reached as the sign-in form is.
   */
  signInByCode?: { path: string; email: string; request: string; heading: string; code: string; submit: string; resend: string };
  /** The new password a user with a temporary one must choose at first sign-in. */
  changePassword?: { heading: string; newPassword: string; confirmPassword?: string; submit: string };
  /**
   * The signed-in user's account page, where the email address changes: the
   * form for the new address, the one for the mailed code, what it says once
   * the new address is verified, and how to sign out.
   */
  account?: {
    heading: string;
    newEmail: string;
    change: string;
    code: string;
    verify: string;
    changed: (email: string) => string;
    signOut: string;
  };
}
