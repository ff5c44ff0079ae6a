import type { UiWords } from './words.js';

/**
 * The worked example of your own UI: the words of the hand-written form in
 * local/app/custom-signup/. Copy this file, put in your form's labels, button
 * names and headings, and register it in pages/index.ts.
 */
export const CUSTOM_FORM: UiWords = {
  signUp: { email: 'Work email', password: 'Choose a password', submit: 'Sign up' },
  confirmCode: { heading: 'Check your inbox', code: 'Verification code', submit: 'Verify email', resend: 'Send a new code' },
  confirmed: { heading: "You're in", text: (email) => `Account confirmed for ${email}.` },
};
