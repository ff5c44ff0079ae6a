/**
 * How long Cognito's mailed codes stay valid, as its developer guide gives
 * them: a sign-up (or resent) code and an attribute-verification code 24
 * hours, a password-reset code 1 hour. Sign-in codes live as long as their
 * challenge's session. Pure: the emulator enforces them
 * (local/cognito/code-expiry.ts), the unit tests check them.
 */
export const CODE_VALIDITY_MS = { signUp: 24 * 3_600_000, attribute: 24 * 3_600_000, passwordReset: 3_600_000 } as const;
export type CodeKind = keyof typeof CODE_VALIDITY_MS;

/** Cognito's answer to an expired code. */
export const EXPIRED_CODE = { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' } as const;

/** The operations that mail a code of a kind (a new one starts a new time). */
export const ISSUES_CODE: Readonly<Record<string, CodeKind>> = {
  SignUp: 'signUp',
  ResendConfirmationCode: 'signUp',
  ForgotPassword: 'passwordReset',
  AdminResetUserPassword: 'passwordReset',
  UpdateUserAttributes: 'attribute',
  GetUserAttributeVerificationCode: 'attribute',
};

/** The operations that take a code of a kind. */
export const TAKES_CODE: Readonly<Record<string, CodeKind>> = {
  ConfirmSignUp: 'signUp',
  ConfirmForgotPassword: 'passwordReset',
  VerifyUserAttribute: 'attribute',
};

/** Whether a code of this kind, issued at `issuedAt`, has expired at `now` (both in the user's time): valid up to and including its last millisecond. */
export const hasExpired = (kind: CodeKind, issuedAt: number, now: number): boolean => now > issuedAt + CODE_VALIDITY_MS[kind];
