/**
 * The Cognito operations that make Cognito send an email, and what the email
 * is for. A new email flow adds its operation here, once: the evidence and the
 * diagnosis of a missing email read this table.
 */
export const MAIL_SENDING_OPERATIONS: Record<string, string> = {
  SignUp: 'a sign-up verification code',
  ResendConfirmationCode: 'a new sign-up verification code',
  ForgotPassword: 'a password reset code',
  AdminCreateUser: 'an invitation with a temporary password',
  UpdateUserAttributes: 'a code to verify a changed email address',
  GetUserAttributeVerificationCode: 'a new code to verify an email address',
};

/** Operations that mail, but whose answer names no destination (no CodeDeliveryDetails). */
export const MAILS_WITHOUT_DELIVERY_DETAILS = ['AdminCreateUser'];

export const sendsMail = (operation: string) => operation in MAIL_SENDING_OPERATIONS;
