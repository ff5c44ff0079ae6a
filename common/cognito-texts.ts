import type { TriggerSource } from './cognito-operations.js';
import { looksLikeHtml } from './html-text.js';

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
  VerificationMessageTemplate?: {
    EmailMessage?: string;
    EmailSubject?: string;
    DefaultEmailOption?: string;
    EmailMessageByLink?: string;
    EmailSubjectByLink?: string;
  };
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

/** The placeholder Cognito replaces with the user name in an invitation. */
export const USERNAME_PLACEHOLDER = '{username}';

/** `{##Verify Email##}`: the words between the marks become the link's text. */
// Words required, and no braces: `{####}` (the code) is not a link, nor is anything from it to the next `##}`.
const LINK_PLACEHOLDER = /\{##([^{}]+?)##\}/g;

/**
 * What a pool whose DefaultEmailOption is CONFIRM_WITH_LINK sends without a
 * template of its own: the console's default EmailMessageByLink and
 * EmailSubjectByLink, trailing space included, as pools created with them keep them.
 */
export const COGNITO_DEFAULT_LINK_EMAIL = {
  subject: 'Your verification link',
  message: 'Please click the link below to verify your email address. {##Verify Email##} ',
} as const;

/** What AdminCreateUser mails without an InviteMessageTemplate: {####} is the temporary password. */
export const COGNITO_DEFAULT_INVITATION_EMAIL = {
  subject: 'Your temporary password',
  message: `Your username is ${USERNAME_PLACEHOLDER} and temporary password is ${CODE_PLACEHOLDER}.`,
} as const;

/**
 * What the embedded stack mails with a sign-in code (passwordless EMAIL_OTP, or
 * email MFA) when the pool sets no EmailMfaConfiguration. AWS does not document
 * its own default's words: against AWS, a pool without a template has its code
 * read as the mail's one run of six to eight digits.
 */
export const EMULATOR_DEFAULT_SIGN_IN_CODE_EMAIL = {
  subject: 'Your sign-in code',
  message: `Your sign-in code is ${CODE_PLACEHOLDER}.`,
} as const;

/** The fields of a user pool (SDK v2 or v3 shape) that decide every email it sends. */
export interface PoolMessageSettings extends PoolVerificationSettings {
  AdminCreateUserConfig?: { InviteMessageTemplate?: { EmailMessage?: string; EmailSubject?: string } };
  /** The sign-in code's template: GetUserPoolMfaConfig's EmailMfaConfiguration (DescribeUserPool does not show it). */
  EmailMfaConfiguration?: { Message?: string; Subject?: string };
}

/** The template of a sign-in code's mail: the pool's EmailMfaConfiguration, or the emulator's default (see above). */
export function signInCodeTemplate(pool: Pick<PoolMessageSettings, 'EmailMfaConfiguration'>): VerificationTemplate & { own: boolean } {
  const own = pool.EmailMfaConfiguration?.Message;
  return {
    own: !!own,
    subject: pool.EmailMfaConfiguration?.Subject || EMULATOR_DEFAULT_SIGN_IN_CODE_EMAIL.subject,
    message: own || EMULATOR_DEFAULT_SIGN_IN_CODE_EMAIL.message,
  };
}

export interface MessageTemplate extends VerificationTemplate {
  /** `code`: {####} is a code; `link`: {##text##} is a link; `invitation`: {username} and a temporary password in {####}. */
  style: 'code' | 'link' | 'invitation';
}

/**
 * The template a pool uses for one kind of mail. Links go only into sign-up
 * and resent confirmation mails; password resets and attribute changes always
 * carry a code, even on a pool set to confirm with a link (AWS: "Emails from
 * attribute-update and password-reset operations use the code template").
 */
export function messageTemplate(source: TriggerSource, pool: PoolMessageSettings): MessageTemplate {
  if (source === 'AdminCreateUser') {
    const invite = pool.AdminCreateUserConfig?.InviteMessageTemplate;
    return {
      style: 'invitation',
      subject: invite?.EmailSubject || COGNITO_DEFAULT_INVITATION_EMAIL.subject,
      message: invite?.EmailMessage || COGNITO_DEFAULT_INVITATION_EMAIL.message,
    };
  }
  if (source === 'Authentication') return { style: 'code', ...signInCodeTemplate(pool) };
  const template = pool.VerificationMessageTemplate;
  if ((source === 'SignUp' || source === 'ResendCode') && template?.DefaultEmailOption === 'CONFIRM_WITH_LINK') {
    return {
      style: 'link',
      subject: template.EmailSubjectByLink || COGNITO_DEFAULT_LINK_EMAIL.subject,
      message: template.EmailMessageByLink || COGNITO_DEFAULT_LINK_EMAIL.message,
    };
  }
  return { style: 'code', ...verificationTemplate(pool) };
}

export interface RenderedMessage {
  subject: string;
  body: string;
  /** Link mails are HTML: the link is an `<a>`. Others are whatever the template is. */
  html: boolean;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A mail as Cognito renders it: `code` fills {####} (the code, or the
 * temporary password of an invitation), `username` fills {username}, and
 * `link` becomes the href of each {##text##}.
 */
export function messageFor(
  source: TriggerSource,
  pool: PoolMessageSettings,
  values: { code: string; username?: string; link?: string },
): RenderedMessage {
  const template = messageTemplate(source, pool);
  if (template.style === 'link') {
    if (!values.link) throw new Error(`A ${source} mail of a pool that confirms with a link needs the link`);
    const href = escapeHtml(values.link);
    return { subject: template.subject, body: template.message.replace(LINK_PLACEHOLDER, (_, text: string) => `<a href="${href}">${text}</a>`), html: true };
  }
  // Replaced by functions: a string replacement reads "$$", "$&" and "$'" as patterns, and a temporary password may hold them.
  let body = template.message.replaceAll(CODE_PLACEHOLDER, () => values.code);
  if (template.style === 'invitation') body = body.replaceAll(USERNAME_PLACEHOLDER, () => values.username ?? '');
  return { subject: template.subject, body, html: looksLikeHtml(body) };
}
