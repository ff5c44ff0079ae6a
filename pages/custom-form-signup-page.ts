import type { SignupScreens } from './labelled-signup-page.js';

/**
 * The worked example of a page object for your own sign-up form: the words of
 * the hand-written form in local/app/custom-signup/. Copy this file, put in
 * your form's labels, button names and headings, and register it in
 * pages/index.ts. A form that differs in more than words can subclass
 * LabelledSignupPage, or implement SignupPage from scratch.
 */
export const CUSTOM_FORM_SCREENS: SignupScreens = {
  signUp: { email: 'Work email', password: 'Choose a password', submit: 'Sign up' },
  confirm: { heading: 'Check your inbox', code: 'Verification code', submit: 'Verify email', resend: 'Send a new code' },
  confirmed: { heading: "You're in", text: (email) => `Account confirmed for ${email}.` },
};
