import type { PageDescription } from '../description.js';

/**
 * The worked example of your own UI: the description of the hand-written form
 * in local/app/custom-signup/. Copy this file to pages/ui/<name>.ts, put in
 * your form's labels, control names and headings, and name it with
 * SIGNUP_PAGE=<name>: the file is found by its name, with nothing to register.
 */
export const CUSTOM_FORM: PageDescription = {
  signUp: { email: 'Work email', password: 'Choose a password', submit: 'Sign up' },
  confirmCode: { heading: 'Check your inbox', code: 'Verification code', submit: 'Verify email', resend: 'Send a new code' },
  // Signed in once the code is accepted (with ConfirmSignUp's Session): its signed-in page. Without a Session
  // (a client without ALLOW_USER_AUTH) it shows "You're in", "Account confirmed for …" instead.
  confirmed: { heading: 'Welcome back', text: (email) => `Logged in as ${email}.` },
  // Its sign-in form shares the page with the sign-up form, behind a button.
  signIn: { reachedBy: { role: 'button', name: 'I already have an account' }, email: 'Your email', password: 'Your password', submit: 'Log in', forgotPassword: 'I forgot my password' },
  signedIn: { heading: 'Welcome back', text: (email) => `Logged in as ${email}.` },
  signsInAfterSignUp: true,
  resetPassword: {
    requestHeading: 'Forgot your password',
    email: 'Account email',
    send: 'Email me a code',
    heading: 'Choose a new password',
    code: 'Reset code',
    newPassword: 'New password',
    submit: 'Save password',
    resend: 'Email me another code',
  },
  // The demo app (both its UIs) uses the stack's other pools when opened with ?pool= (local/app/src/configure-amplify.ts).
  pools: { linkVerification: '?pool=link-verification', keepOriginalEmail: '?pool=keep-original-email' },
};
