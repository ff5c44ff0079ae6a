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

// A web link in an href or in the text part: up to a quote, white space or an angle bracket.
const WEB_LINK = /https?:\/\/[^\s"'<>]+/gi;
// What a sentence puts after a link in a text part; never the end of Cognito's link.
const TRAILING = /[.,;:!?)\]]+$/;

/**
 * The confirmation link of a mail a trigger wrote (CustomMessage): its words
 * are the team's, so the link is the one that carries Cognito's
 * `confirmation_code`, in the HTML or the text part. http as well as https:
 * the embedded stack's Cognito answers on http. Exactly one distinct link.
 */
export function extractLinkWithCode(mail: MailBody): string {
  const found = [...`${mail.html ?? ''}\n${mail.text ?? ''}`.matchAll(WEB_LINK)].map((m) => decode(m[0]).replace(TRAILING, ''));
  const links = [...new Set(found.filter((link) => URL.canParse(link) && new URL(link).searchParams.has('confirmation_code')))];
  if (links.length === 1) return links[0] as string;
  throw new VerificationCodeError(
    links.length === 0
      ? `No link carrying confirmation_code= in the mail${found.length ? ` (its links: ${[...new Set(found)].map((l) => clip(l, 80)).join(', ')})` : ''}: the mail reads ${JSON.stringify(clip(mailText(mail)))}`
      : `More than one link carrying confirmation_code= in the mail (${links.join(', ')}): cannot tell which one Cognito means.`,
  );
}
