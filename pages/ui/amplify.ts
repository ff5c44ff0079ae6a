import type { PageDescription } from '../description.js';

/**
 * AWS Amplify's `<Authenticator>`. Labels match exactly: "Password" is also
 * part of "Confirm Password" and of the "Show password" switch.
 */
export const AMPLIFY: PageDescription = {
  signUp: { email: 'Email', password: 'Password', confirmPassword: 'Confirm Password', submit: 'Create Account' },
  confirmCode: { heading: 'We Emailed You', code: 'Confirmation Code', submit: 'Confirm', resend: 'Resend Code' },
  // The demo app's signed-in page; for your own app, name what it shows after sign-up.
  confirmed: { heading: 'Welcome aboard', text: (email) => `You are signed in as ${email}.` },
  signIn: { reachedBy: { role: 'tab', name: 'Sign In' }, email: 'Email', password: 'Password', submit: 'Sign in', forgotPassword: 'Forgot your password?' },
  signedIn: { heading: 'Welcome aboard', text: (email) => `You are signed in as ${email}.` },
  signsInAfterSignUp: true,
  // Both reset forms are headed "Reset Password"; the code field's label carries its asterisk.
  resetPassword: {
    requestHeading: 'Reset Password',
    email: 'Enter your email',
    send: 'Send code',
    heading: 'Reset Password',
    code: 'Code *',
    newPassword: 'New Password',
    confirmPassword: 'Confirm Password',
    submit: 'Submit',
    resend: 'Resend Code',
  },
  // The demo app offers it at ?signin=email-code (local/app/src/configure-amplify.ts), email first, on the sign-in tab.
  signInByCode: {
    path: '?signin=email-code',
    reachedBy: { role: 'tab', name: 'Sign In' },
    email: 'Email',
    request: 'Sign In with Email',
    heading: 'Confirm Email Code',
    code: 'Code *',
    submit: 'Confirm',
    resend: 'Resend Code',
  },
  // Sign-up with the address alone, where the demo app offers sign-in by code: the Authenticator offers it first there.
  passwordlessSignUp: { path: '?signin=email-code', email: 'Email', submit: 'Create account with Email OTP' },
  // The demo app offers passkeys at ?signin=passkey: "Sign In with Passkey" first on the sign-in tab, and the
  // signed-in page's passkeys (local/app/src/passkeys.tsx).
  passkeys: {
    path: '?signin=passkey',
    reachedBy: { role: 'tab', name: 'Sign In' },
    email: 'Email',
    signIn: 'Sign In with Passkey',
    heading: 'Your passkeys',
    count: (n) => `You have ${n} passkey${n === 1 ? '' : 's'}.`,
    create: 'Create a passkey',
    remove: 'Remove',
    signOut: 'Sign out',
  },
  // Email MFA's code, after the password: the Authenticator shows it as it shows the passwordless one.
  mfaCode: { heading: 'Confirm Email Code', code: 'Code *', submit: 'Confirm' },
  // Heading and button share the words; "Password" matches exactly, not "Confirm Password".
  changePassword: { heading: 'Change Password', newPassword: 'Password', confirmPassword: 'Confirm Password', submit: 'Change Password' },
  // The demo app's account section on its signed-in page (local/app/src/account.tsx): the Authenticator has no such screen.
  account: {
    heading: 'Your account',
    newEmail: 'New email',
    change: 'Change email',
    code: 'Verification code',
    verify: 'Verify email',
    changed: (email) => `Your email is now ${email}.`,
    signOut: 'Sign out',
  },
  // The demo app (both its UIs) uses the stack's other pools when opened with ?pool= (local/app/src/configure-amplify.ts).
  pools: { linkVerification: '?pool=link-verification', keepOriginalEmail: '?pool=keep-original-email' },
  // Its own words for two of Cognito's (Amplify UI's VERIFICATION_CODE_INVALID and VERIFICATION_CODE_EXPIRED);
  // every other error it shows in Cognito's.
  errors: {
    signInCodeMismatch: 'The verification code you entered is incorrect. Please try again.',
    expiredSession: 'Your verification code has expired. Please request a new code.',
  },
};
