import type { PageDescription } from '../description.js';

/**
 * A third UI, adopted by the suite's self-test as a team adopts theirs
 * (tests/self/integration/third-ui.spec.ts serves tests/self/support/portal.html):
 * sign-in and recovery behind links, no resend on the reset form, an MFA code
 * screen after the password, Cognito's own words for errors. This file is all
 * the adoption took.
 */
export const PORTAL: PageDescription = {
  signUp: { email: 'Email address', password: 'New passphrase', submit: 'Open my account' },
  confirmCode: { heading: 'Confirm your address', code: 'Six-digit code', submit: 'Confirm address', resend: { role: 'link', name: 'Send the code again' } },
  confirmed: { heading: 'Account ready', text: (email) => `Ready for ${email}.` },
  signIn: {
    reachedBy: { role: 'link', name: 'Have an account? Log in' },
    email: 'Login email',
    password: 'Passphrase',
    submit: 'Enter',
    forgotPassword: { role: 'link', name: 'Lost your passphrase?' },
  },
  signedIn: { heading: 'Portal home', text: (email) => `Logged in: ${email}` },
  resetPassword: {
    requestHeading: 'Recover access',
    email: 'Recovery email',
    send: 'Mail me a reset code',
    heading: 'Set a new passphrase',
    code: 'Reset code from the mail',
    newPassword: 'Fresh passphrase',
    submit: 'Save passphrase',
  },
  mfaCode: { heading: 'Second step', code: 'Code we mailed you', submit: 'Finish sign-in' },
};
