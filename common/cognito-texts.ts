/** The placeholder Cognito replaces with the code in a verification message. */
export const CODE_PLACEHOLDER = '{####}';

/** What Cognito sends when a pool sets no template of its own. */
export const COGNITO_DEFAULT_VERIFICATION_EMAIL = {
  from: 'no-reply@verificationemail.com',
  subject: 'Your verification code',
  message: `Your verification code is ${CODE_PLACEHOLDER}. `,
} as const;

/** The fields of a user pool (SDK v2 or v3 shape) that decide the verification email. */
export interface PoolVerificationSettings {
  VerificationMessageTemplate?: { EmailMessage?: string; EmailSubject?: string };
  EmailVerificationMessage?: string;
  EmailVerificationSubject?: string;
}

export interface VerificationTemplate {
  subject: string;
  /** Contains {@link CODE_PLACEHOLDER} where the code goes. */
  message: string;
}

/**
 * The subject and message a pool sends with a sign-up code. The newer
 * `VerificationMessageTemplate` wins over the legacy `EmailVerification*` fields,
 * and either falls back to Cognito's default.
 */
export function verificationTemplate(pool: PoolVerificationSettings): VerificationTemplate {
  return {
    subject:
      pool.VerificationMessageTemplate?.EmailSubject ||
      pool.EmailVerificationSubject ||
      COGNITO_DEFAULT_VERIFICATION_EMAIL.subject,
    message:
      pool.VerificationMessageTemplate?.EmailMessage ||
      pool.EmailVerificationMessage ||
      COGNITO_DEFAULT_VERIFICATION_EMAIL.message,
  };
}
