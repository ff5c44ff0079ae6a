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
}
