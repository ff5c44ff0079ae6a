import { htmlToText } from '../../common/html-text.js';
import { CODE_PLACEHOLDER, COGNITO_DEFAULT_VERIFICATION_EMAIL } from '../../common/cognito-texts.js';
import { clip, escapeRegExp } from '../text.js';

export class VerificationCodeError extends Error {
  override name = 'VerificationCodeError';
}

export interface MailBody {
  text?: string | null;
  html?: string | null;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
/** Words of the template, matched with any run of white space between them. */
const anchor = (ws: string[]) => ws.map(escapeRegExp).join('\\s+');

/** The readable text of a mail: its text part, or its HTML turned into words when it has none. */
export function mailText(mail: MailBody): string {
  return mail.text?.trim() ? mail.text.replace(/\s+/g, ' ').trim() : htmlToText(mail.html ?? '').replace(/\s+/g, ' ');
}

/**
 * Finds the code in a verification mail by the template's own words around
 * `{####}` (e.g. "Your verification code is" … "."), so a CSS colour, a year, an
 * order number or a phone number elsewhere in the mail cannot be mistaken for
 * it. Exactly one distinct code must be found.
 */
export function extractVerificationCode(
  mail: MailBody,
  template: string = COGNITO_DEFAULT_VERIFICATION_EMAIL.message,
): string {
  const templateText = htmlToText(template);
  const at = templateText.indexOf(CODE_PLACEHOLDER);
  if (at < 0) {
    throw new VerificationCodeError(
      `The verification template has no ${CODE_PLACEHOLDER} placeholder, so no code can be found by it: ${JSON.stringify(clip(template))}. ` +
        "Cognito requires it in the pool's verification message.",
    );
  }
  // A few words either side are enough to pin the code and survive line wrapping.
  const before = words(templateText.slice(0, at)).slice(-4);
  const after = words(templateText.slice(at + CODE_PLACEHOLDER.length)).slice(0, 2);
  const text = mailText(mail);
  const pattern =
    before.length || after.length
      ? new RegExp(`${anchor(before)}\\s*(\\d+)\\s*${anchor(after)}`, 'g')
      : // A template that is only the code: take whole six-digit numbers, never part of "#202123" or "&#160;".
        /(?<![\w#&])(\d{6})(?!\w)/g;
  const found = [...new Set([...text.matchAll(pattern)].map((m) => m[1] as string))];
  const expected = `${before.join(' ')} ${CODE_PLACEHOLDER} ${after.join(' ')}`.trim();

  if (found.length === 0) {
    throw new VerificationCodeError(
      `No verification code in the mail: expected text like "${expected}", but the mail reads: ${JSON.stringify(clip(text))}`,
    );
  }
  if (found.length > 1) {
    throw new VerificationCodeError(
      `More than one verification code in the mail (${found.join(', ')}) where "${expected}" should appear once; ` +
        `cannot tell which one Cognito means. The mail reads: ${JSON.stringify(clip(text))}`,
    );
  }
  return found[0] as string;
}

/**
 * The code in a sign-in code's mail (passwordless EMAIL_OTP, or email MFA).
 * With the pool's own template (EmailMfaConfiguration), by its words, as any
 * code; without one, AWS's default words are not documented, so the code is
 * the mail's one whole run of six to eight digits.
 */
export function extractSignInCode(mail: MailBody, template?: string): string {
  if (template) return extractVerificationCode(mail, template);
  const text = mailText(mail);
  const found = [...new Set([...text.matchAll(/(?<![\w#&.,:/-])(\d{6,8})(?!\w|[.,:/-]\d)/g)].map((m) => m[1] as string))];
  if (found.length === 1) return found[0] as string;
  throw new VerificationCodeError(
    found.length === 0
      ? `No sign-in code in the mail: expected one run of six to eight digits, but the mail reads: ${JSON.stringify(clip(text))}`
      : `More than one candidate for the sign-in code in the mail (${found.join(', ')}): cannot tell which one Cognito means. ` +
          `Give the pool a template of its own (SetUserPoolMfaConfig EmailMfaConfiguration.Message), whose words find the code. The mail reads: ${JSON.stringify(clip(text))}`,
  );
}

/**
 * A code of the same length that is not this one (its number plus one, wrapping
 * round): what a typo, or a forger, would enter. Every digit of a code may
 * change, so it is the right length for any code Cognito sends.
 */
export function anotherCode(code: string): string {
  return String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');
}
