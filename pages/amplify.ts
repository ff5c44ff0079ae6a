import type { UiWords } from './words.js';

/**
 * AWS Amplify's `<Authenticator>`. Labels match exactly: "Password" is also
 * part of "Confirm Password" and of the "Show password" switch.
 */
export const AMPLIFY: UiWords = {
  signUp: { email: 'Email', password: 'Password', confirmPassword: 'Confirm Password', submit: 'Create Account' },
  confirmCode: { heading: 'We Emailed You', code: 'Confirmation Code', submit: 'Confirm', resend: 'Resend Code' },
  // The demo app's signed-in page; for your own app, name what it shows after sign-up.
  confirmed: { heading: 'Welcome aboard', text: (email) => `You are signed in as ${email}.` },
};
