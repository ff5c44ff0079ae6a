/**
 * The Cognito operations that make Cognito send an email, and what the email
 * is for. A new email flow adds its operation here, once: the evidence and the
 * diagnosis of a missing email read this table.
 */
export const MAIL_SENDING_OPERATIONS: Record<string, string> = {
  SignUp: 'a sign-up verification code',
  ResendConfirmationCode: 'a new sign-up verification code',
  ForgotPassword: 'a password reset code',
};

export const sendsMail = (operation: string) => operation in MAIL_SENDING_OPERATIONS;
