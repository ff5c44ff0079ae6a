/*
 * Domains where anyone can get an address: a pattern for "our own test
 * users" must never name one (TEST_EMAIL_PATTERN, helpers/cognito/deletion-guard.ts),
 * because on such a domain an address with our marker in it can still be a
 * stranger's. A short list by hand: the largest free providers, which hold
 * most of the world's personal addresses, and the shared inbox services a
 * test team might point a pattern at. It is a second line of defence, not a
 * census: a pattern must also hold the suite's marker as a literal, and a
 * free provider missing here is still refused by that.
 */

const FREE_PROVIDERS = [
  // Google, Microsoft, Yahoo, Apple, AOL
  'gmail.com', 'googlemail.com',
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'outlook.de', 'live.co.uk',
  'yahoo.com', 'ymail.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.co.jp', 'yahoo.com.br', 'yahoo.co.in',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com',
  // Privacy-minded and paid personal mail
  'proton.me', 'protonmail.com', 'pm.me', 'tuta.com', 'tutanota.com', 'fastmail.com', 'hey.com', 'zoho.com', 'zohomail.com',
  // Large national providers
  'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de', 'orange.fr', 'free.fr', 'laposte.net', 'libero.it',
  'yandex.ru', 'yandex.com', 'mail.ru', 'qq.com', '163.com', '126.com', 'naver.com', 'hanmail.net',
  'comcast.net', 'att.net', 'sbcglobal.net', 'verizon.net',
];

// Shared inbox services: every customer's inboxes on one domain, so a domain of theirs proves nothing.
const SHARED_INBOX_SERVICES = ['mailinator.com', 'maildrop.cc', 'guerrillamail.com', 'yopmail.com', '10minutemail.com', 'temp-mail.org', 'mail.tm'];
// MailSlurp hands out addresses on several domains of its own name (mailslurp.com, .info, .xyz …), shared by all its customers.
const MAILSLURP = /(?:^|\.)mailslurp\.[a-z]+$/;

const PUBLIC = new Set([...FREE_PROVIDERS, ...SHARED_INBOX_SERVICES]);

/** Whether anyone can get an address at this domain (or at the provider it is a subdomain of). */
export function isPublicMailDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) if (PUBLIC.has(labels.slice(i).join('.'))) return true;
  return MAILSLURP.test(domain.toLowerCase());
}
