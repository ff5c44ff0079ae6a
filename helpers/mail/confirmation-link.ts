import { VerificationCodeError, mailText, type MailBody } from './verification-code.js';
import { clip } from '../text.js';

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** `{##Verify Email##}` in a link template: the words a mail shows as the link. */
export function linkWords(template: string): string {
  const words = /\{##([\s\S]*?)##\}/.exec(template)?.[1];
  if (words === undefined) {
    throw new VerificationCodeError(`The link template has no {##…##} placeholder, so no link can be found by it: ${JSON.stringify(clip(template))}.`);
  }
  return squeeze(words);
}

/**
 * The confirmation link of a CONFIRM_WITH_LINK mail: the `<a>` whose words
 * are the template's `{##…##}` words, so a logo's link, an unsubscribe link
 * or a tracking pixel cannot be taken for it. Exactly one distinct link.
 */
export function extractConfirmationLink(mail: MailBody, template: string): string {
  const words = linkWords(template);
  const anchors = [...(mail.html ?? '').matchAll(/<a\b[^>]*\bhref\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi)];
  const links = [...new Set(anchors.filter((a) => squeeze(decode((a[3] ?? '').replace(/<[^>]*>/g, ''))) === words).map((a) => decode(a[2] ?? '')))];
  if (links.length === 1) return links[0] as string;
  throw new VerificationCodeError(
    links.length === 0
      ? `No link "${words}" in the mail${mail.html ? '' : ' (it has no HTML part)'}: the mail reads ${JSON.stringify(clip(mailText(mail)))}`
      : `More than one link "${words}" in the mail (${links.join(', ')}): cannot tell which one Cognito means.`,
  );
}
