import { htmlToText } from '../../common/html-text.js';
import { CODE_PLACEHOLDER, USERNAME_PLACEHOLDER } from '../../common/cognito-texts.js';
import { VerificationCodeError, mailText, type MailBody } from './verification-code.js';
import { clip, escapeRegExp } from '../text.js';

const PLACEHOLDERS = [USERNAME_PLACEHOLDER, CODE_PLACEHOLDER];

/** A template word as a pattern: literal, except where it holds the other placeholder. */
const wordPattern = (word: string) =>
  PLACEHOLDERS.reduce((pattern, p) => pattern.split(escapeRegExp(p)).join('\\S+'), escapeRegExp(word));

/**
 * What fills one placeholder, found by the template's words either side of it
 * (a few are enough, and survive line wrapping). Greedy to the last match of
 * the words after it, on the same run of non-space characters: a temporary
 * password may itself contain the full stop that ends the sentence.
 */
function filled(text: string, templateText: string, placeholder: string, what: string): string {
  const at = templateText.indexOf(placeholder);
  if (at < 0) {
    throw new VerificationCodeError(`The invitation template has no ${placeholder} placeholder, so no ${what} can be found by it: ${JSON.stringify(clip(templateText))}.`);
  }
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const before = words(templateText.slice(0, at)).slice(-4);
  const after = words(templateText.slice(at + placeholder.length)).slice(0, 2);
  const join = (ws: string[]) => ws.map(wordPattern).join('\\s+');
  const found = [...new Set([...text.matchAll(new RegExp(`${join(before)}\\s*(\\S+)\\s*${join(after)}`, 'g'))].map((m) => m[1] as string))];
  const expected = `${before.join(' ')} ${placeholder} ${after.join(' ')}`.trim();
  if (found.length !== 1) {
    throw new VerificationCodeError(
      found.length === 0
        ? `No ${what} in the invitation: expected text like "${expected}", but the mail reads: ${JSON.stringify(clip(text))}`
        : `More than one ${what} in the invitation (${found.join(', ')}) where "${expected}" should appear once. The mail reads: ${JSON.stringify(clip(text))}`,
    );
  }
  return found[0] as string;
}

/** The user name and temporary password of an AdminCreateUser invitation, by the pool's invitation template. */
export function extractInvitation(mail: MailBody, template: string): { username: string; temporaryPassword: string } {
  const templateText = htmlToText(template);
  const text = mailText(mail);
  return {
    username: filled(text, templateText, USERNAME_PLACEHOLDER, 'user name'),
    temporaryPassword: filled(text, templateText, CODE_PLACEHOLDER, 'temporary password'),
  };
}
