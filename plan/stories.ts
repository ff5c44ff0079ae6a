import type { AttemptLimitName } from '../common/attempt-limits.js';
import type { MailKind } from '../common/cognito-operations.js';
import type { OptionalControl, Screens } from '../pages/index.js';

/**
 * The story catalogue: every browser story in tests/e2e, one record each. The
 * fixtures find a story's record by its file and title, and skip it, with the
 * reason, when the pool, the UI or the target cannot tell it; the doctor
 * lists what will run and plans the run's mails from it; the bench and the
 * suite's self-tests count stories from it. tests/unit/stories.spec.ts fails
 * when a story has no record, or a record no story.
 */

/** What a story needs of the pool and its app client, each judged from DescribeUserPool and DescribeUserPoolClient (plan/story-support.ts). */
export type PoolNeed =
  /** The pool verifies email at sign-up with a mailed code. */
  | 'signUpCode'
  /** The app client allows ALLOW_USER_AUTH: ConfirmSignUp then answers a Session that signs the new user in. */
  | 'signInAfterSignUp'
  /** The app client allows a password sign-in (SRP or USER_PASSWORD_AUTH). */
  | 'passwordSignIn'
  /** The pool recovers accounts by email. */
  | 'emailRecovery'
  /** The app client allows ALLOW_REFRESH_TOKEN_AUTH. */
  | 'refreshTokens'
  /** The app client may write the email attribute. */
  | 'emailWritable'
  /** AdminCreateUser mails an invitation: every pool does. */
  | 'adminInvitation'
  /** The pool allows EMAIL_OTP as a first factor, on Essentials or Plus, and the client ALLOW_USER_AUTH. */
  | 'emailCodeSignIn'
  /** The pool offers email as a second factor, and the client lets the suite turn it on with a password sign-in. */
  | 'emailMfa'
  /** A user may sign up with the address alone: EMAIL_OTP a first factor (Essentials or Plus), email auto-verified, the client ALLOW_USER_AUTH. */
  | 'passwordlessSignUp'
  /** Users may sign in with passkeys: WEB_AUTHN a first factor (Essentials or Plus), a relying party ID, the client ALLOW_USER_AUTH. */
  | 'passkeys';

import type { VariantName } from '../common/pool-settings.js';

export type { VariantName };

/** The screens a UI may lack: every UI has sign-up, confirm code and confirmed. */
export type OptionalScreen = { [K in keyof Screens]-?: undefined extends Screens[K] ? K : never }[keyof Screens];

/**
 * Each of those screens in words, and the fields of a page's description that
 * add it: the reason a story is skipped says both (plan/page-support.ts).
 */
export const SCREEN_NAMES: Record<OptionalScreen, { name: string; add: string }> = {
  signIn: { name: 'sign-in screen', add: '`signIn` and `signedIn`' },
  sessionSignIn: { name: "sign-in with the sign-up's session", add: '`signsInAfterSignUp: true`, with `signIn` and `signedIn`,' },
  resetPassword: { name: 'password-reset screen', add: '`resetPassword`' },
  signInByCode: { name: 'sign-in code screen (passwordless)', add: '`signInByCode`' },
  mfaCode: { name: 'MFA code screen (a second factor after the password)', add: '`mfaCode`' },
  changePassword: { name: 'new-password screen', add: '`changePassword`' },
  account: { name: 'account screen (change email)', add: '`account`' },
  passwordlessSignUp: { name: 'sign-up without a password (the address alone)', add: '`passwordlessSignUp`' },
  passkeys: { name: 'passkey screens (sign-in with a passkey; the signed-in user\'s passkeys)', add: '`passkeys`, with `signedIn`,' },
};

export interface StoryRecord {
  /** The spec file in tests/e2e, and the test's own title in it. */
  file: string;
  title: string;
  /** The story in a few words, for lists (the doctor's lines, the plan of a run). */
  name: string;
  /** The mails one run of the story causes on one UI, by kind. */
  mails: Partial<Record<MailKind, number>>;
  /** What the pool and app client must offer. */
  needs: readonly PoolNeed[];
  /** A pool of its own kind, instead of the main one. */
  pool?: VariantName;
  /** The screens it needs beyond sign-up and confirmation. */
  screens?: readonly OptionalScreen[];
  /** The controls it needs that a page may lack on a screen it has (pages/description.ts). */
  controls?: readonly OptionalControl[];
  /** Runs only where the emulator's clock can be moved forward: why not elsewhere. */
  embeddedOnly?: string;
  /**
   * What one run asks of Cognito's limits on one user's attempts, counted per
   * address (a user deleted and signed up again counts with the first), the
   * most in any one hour: each budgeted operation's requests, wrong or right;
   * the sign-in codes mailed (SignInCodeMails); the failed sign-ins, a refused
   * name included (PasswordFailures). tests/unit/stories.spec.ts weighs them
   * against AWS's numbers (common/attempt-limits.ts).
   */
  attempts: Partial<Record<AttemptLimitName, number>>;
  /** The limit the story goes over on purpose, to show it: embedded only. */
  overLimit?: AttemptLimitName;
}

const CLOCK = "only the embedded emulator's time can be moved forward";

export const STORIES = {
  signUp: {
    file: 'signup-verification.spec.ts',
    title: 'a new user gets a verification email with a code, and the code confirms the account',
    name: 'sign-up',
    mails: { signUp: 1 },
    needs: ['signUpCode'],
    attempts: { ConfirmSignUp: 1 },
  },
  signInAfterSignUp: {
    file: 'sign-in-after-sign-up.spec.ts',
    title: 'a new user is signed in as soon as the code is accepted, with the session Cognito answers: one mail, no password, no second code, and the session works once',
    name: 'sign-in straight after sign-up',
    mails: { signUp: 1 },
    needs: ['signUpCode', 'signInAfterSignUp'],
    screens: ['sessionSignIn'],
    // The spent session's second use is refused as a session, not as a password: no failed sign-in.
    attempts: { ConfirmSignUp: 1 },
  },
  resendCode: {
    file: 'resend-code.spec.ts',
    title: '"Resend Code" sends another email with a new code, and only the new code confirms',
    name: 'resend',
    mails: { signUp: 1, resend: 1 },
    needs: ['signUpCode'],
    attempts: { ConfirmSignUp: 2, ResendConfirmationCode: 1 },
    controls: ['confirmCode.resend'],
  },
  wrongCode: {
    file: 'wrong-code.spec.ts',
    title: "a wrong code shows Cognito's error and leaves the user unconfirmed",
    name: 'wrong code',
    mails: { signUp: 1 },
    needs: ['signUpCode'],
    attempts: { ConfirmSignUp: 1 },
  },
  existingUnconfirmedUser: {
    file: 'existing-unconfirmed-user.spec.ts',
    title: 'signing up with an address that is registered but unconfirmed shows an error',
    name: 'existing user',
    mails: { signUp: 1 },
    needs: ['signUpCode'],
    attempts: {},
  },
  reSignUpAfterDelete: {
    file: 're-signup-after-delete.spec.ts',
    title: 'signing up again after the user was deleted sends a new email with a new code',
    name: 're-signup',
    mails: { signUp: 2 },
    needs: ['signUpCode'],
    attempts: { ConfirmSignUp: 2 },
  },
  reSignUpAfterConfirmedDelete: {
    file: 're-signup-after-delete.spec.ts',
    title: 'signing up again after a confirmed user was deleted sends a new email, and the new account confirms with it only',
    name: 're-signup of a confirmed user',
    mails: { signUp: 2 },
    needs: ['signUpCode'],
    attempts: { ConfirmSignUp: 3 },
  },
  resendLimit: {
    file: 'resend-limit.spec.ts',
    title: "a sixth resend within the hour is refused with Cognito's limit message and the user stays unconfirmed; an hour later a fresh code confirms",
    name: 'resend limit',
    mails: { signUp: 1, resend: 6 },
    needs: ['signUpCode'],
    attempts: { ConfirmSignUp: 1, ResendConfirmationCode: 6 },
    overLimit: 'ResendConfirmationCode',
    embeddedOnly: `${CLOCK}; against AWS the story would spend the hourly budget of its address and wait an hour for it to lift`,
    controls: ['confirmCode.resend'],
  },
  expiredCode: {
    file: 'expired-code.spec.ts',
    title: "a sign-up code entered after its 24 hours is refused in Cognito's words, and Resend Code recovers",
    name: 'expired code',
    mails: { signUp: 1, resend: 1 },
    needs: ['signUpCode'],
    attempts: { ConfirmSignUp: 2, ResendConfirmationCode: 1 },
    embeddedOnly: `${CLOCK}; against AWS the code would take 24 hours to expire`,
    controls: ['confirmCode.resend'],
  },
  weakPassword: {
    file: 'weak-password.spec.ts',
    title: "a password that breaks the pool's policy is refused with Cognito's words: no user is created and no mail is sent",
    name: 'weak password',
    mails: {},
    needs: [],
    attempts: {},
  },
  forgotPassword: {
    file: 'forgot-password.spec.ts',
    title: 'a confirmed user resets a forgotten password with the mailed code; only the latest code works, and only the new password signs in',
    name: 'forgot password',
    mails: { signUp: 1, passwordReset: 2 },
    needs: ['signUpCode', 'passwordSignIn', 'emailRecovery'],
    attempts: { ConfirmSignUp: 1, ForgotPassword: 2, ConfirmForgotPassword: 3, PasswordFailures: 1 },
    screens: ['signIn', 'resetPassword'],
    controls: ['signIn.forgotPassword', 'resetPassword.resend'],
  },
  passwordResetByAdmin: {
    file: 'admin-password-reset.spec.ts',
    title: "an admin resets a confirmed user's password: the mail with a code arrives, signing in leads to the reset form, and only the new password signs in",
    name: 'admin password reset',
    // The admin's mail, then the one the reset form asks for (both UIs call ForgotPassword on Amplify's RESET_PASSWORD step).
    mails: { signUp: 1, passwordReset: 2 },
    needs: ['signUpCode', 'passwordSignIn', 'emailRecovery'],
    screens: ['signIn', 'resetPassword'],
    // The sign-in refused for the reset (counted as a failure, to be safe), the reset form's own code request, and the old password refused.
    attempts: { ConfirmSignUp: 1, ForgotPassword: 1, ConfirmForgotPassword: 1, PasswordFailures: 2 },
  },
  staleSession: {
    file: 'stale-session.spec.ts',
    title: 'after a signed-in user is deleted, the same browser is signed out, the old refresh token is refused, and signing up again mails a new code',
    name: 'stale session after deletion',
    mails: { signUp: 2 },
    needs: ['signUpCode', 'passwordSignIn', 'refreshTokens'],
    attempts: { ConfirmSignUp: 2 },
    screens: ['signIn'],
  },
  invitation: {
    file: 'admin-invitation.spec.ts',
    title: 'an invited user signs in with the mailed temporary password, must choose a new one, and is CONFIRMED; a resent invitation replaces the password',
    name: 'admin invitation',
    mails: { invitation: 2 },
    needs: ['passwordSignIn', 'adminInvitation'],
    attempts: { PasswordFailures: 1 },
    screens: ['signIn', 'changePassword'],
  },
  emailChange: {
    file: 'email-change.spec.ts',
    title: 'a signed-in user changes their email: the code goes to the new address, not the old; once verified, the new address signs in',
    name: 'email change',
    mails: { signUp: 1, attributeVerification: 1 },
    needs: ['signUpCode', 'passwordSignIn', 'emailWritable'],
    attempts: { ConfirmSignUp: 1, VerifyUserAttribute: 1, PasswordFailures: 1 },
    screens: ['signIn', 'account'],
  },
  keepOriginalEmail: {
    file: 'email-change.spec.ts',
    title: 'with a pool that keeps the original email until the new one is verified, the old address signs in until then, and the new one only after',
    name: 'email change, original kept until verified',
    mails: { signUp: 1, attributeVerification: 1 },
    needs: ['signUpCode', 'passwordSignIn', 'emailWritable'],
    attempts: { ConfirmSignUp: 1, VerifyUserAttribute: 1, PasswordFailures: 2 },
    pool: 'keepOriginalEmail',
    screens: ['signIn', 'account'],
  },
  linkVerification: {
    file: 'link-verification.spec.ts',
    title: 'on a pool that confirms by link, the mail carries a link to Cognito for this client and user; a tampered link is refused, the link confirms the account, once',
    name: 'verification by link',
    mails: { signUp: 1 },
    needs: [],
    attempts: { ConfirmSignUp: 3 },
    pool: 'linkVerification',
  },
  emailCodeSignIn: {
    file: 'email-code-sign-in.spec.ts',
    title: 'a confirmed user signs in with a mailed code instead of a password; a wrong code and the code of an earlier mail are refused',
    name: 'sign-in with a mailed code (passwordless)',
    mails: { signUp: 1, signInCode: 2 },
    needs: ['signUpCode', 'emailCodeSignIn'],
    attempts: { ConfirmSignUp: 1, SignInCodeMails: 2 },
    screens: ['signIn', 'signInByCode'],
    controls: ['signInByCode.resend'],
  },
  expiredSignInCode: {
    file: 'email-code-sign-in.spec.ts',
    title: "a code entered after its session expired is refused in Cognito's words, and asking again recovers",
    name: 'expired sign-in code',
    mails: { signUp: 1, signInCode: 2 },
    needs: ['signUpCode', 'emailCodeSignIn'],
    attempts: { ConfirmSignUp: 1, SignInCodeMails: 2 },
    screens: ['signIn', 'signInByCode'],
    embeddedOnly: `${CLOCK}; against AWS the code would take its 3 minutes to expire`,
    controls: ['signInByCode.resend'],
  },
  emailMfa: {
    file: 'email-mfa.spec.ts',
    title: 'a user with email as a second factor signs in with the password and then the mailed code; a wrong code is refused',
    name: 'email as a second factor (MFA)',
    mails: { signUp: 1, signInCode: 1 },
    needs: ['signUpCode', 'passwordSignIn', 'emailMfa'],
    attempts: { ConfirmSignUp: 1, SignInCodeMails: 1 },
    screens: ['signIn', 'mfaCode'],
  },
  passwordlessSignUp: {
    file: 'passwordless-sign-up.spec.ts',
    title: 'a new user signs up with the address alone: one verification email with a code, the code confirms and signs the user in, and no other mail arrives',
    name: 'sign-up without a password',
    mails: { signUp: 1 },
    needs: ['signUpCode', 'passwordlessSignUp'],
    screens: ['passwordlessSignUp', 'sessionSignIn'],
    attempts: { ConfirmSignUp: 1 },
  },
  passkeys: {
    file: 'passkeys.spec.ts',
    title: 'a user registers a passkey and signs in with it, with no mail; once it is removed, the passkey signs in no more and a mailed code still does',
    name: 'passkeys',
    mails: { signUp: 1, signInCode: 1 },
    needs: ['signUpCode', 'passwordlessSignUp', 'passkeys', 'emailCodeSignIn'],
    screens: ['passwordlessSignUp', 'sessionSignIn', 'passkeys', 'signIn', 'signInByCode'],
    attempts: { ConfirmSignUp: 1, SignInCodeMails: 1 },
  },
  passkeyAfterDelete: {
    file: 'passkeys.spec.ts',
    title: 'after an admin deletes a user with a passkey and the address signs up again, a new verification email arrives, and the old passkey does not sign in the new account',
    name: 'passkeys after the account was deleted',
    mails: { signUp: 2 },
    needs: ['signUpCode', 'passwordlessSignUp', 'passkeys'],
    screens: ['passwordlessSignUp', 'sessionSignIn', 'passkeys'],
    // Two accounts of one address, counted together.
    attempts: { ConfirmSignUp: 2 },
  },
} as const satisfies Record<string, StoryRecord>;

export type StoryKey = keyof typeof STORIES;
export const STORY_KEYS = Object.keys(STORIES) as readonly StoryKey[];

const records = STORIES as Readonly<Record<StoryKey, StoryRecord>>;

/** A story's record. */
export const storyRecord = (key: StoryKey): StoryRecord => records[key];

/** The record of the test in `file` (a path ending in tests/e2e/<file>) titled `title`; undefined for one with none. */
export function storyOf(file: string, title: string): StoryKey | undefined {
  const name = file.replace(/\\/g, '/').split('/').at(-1);
  return STORY_KEYS.find((key) => records[key].file === name && records[key].title === title);
}

/** How many mails one run of a story causes on one UI. */
export const mailsOf = (key: StoryKey): number => Object.values(records[key].mails).reduce((sum, n) => sum + n, 0);

/**
 * The stories that wait for the mail Cognito sends at sign-up (the code, or
 * the link): their own sign-up, or the confirmed user they start from. A pool
 * that confirms its users at once (a PreSignUp trigger's autoConfirmUser)
 * sends none, and these fail waiting for it.
 */
export const SIGN_UP_MAIL_STORIES: readonly StoryKey[] = STORY_KEYS.filter((key) => (records[key].mails.signUp ?? 0) > 0);

/** The spec files of the stories, each once. */
export const STORY_FILES: readonly string[] = [...new Set(STORY_KEYS.map((key) => records[key].file))];
