import { createRequire } from 'node:module';

/*
 * Domains where anyone can get an address: a pattern for "our own test
 * users" must never name one (TEST_EMAIL_PATTERN, helpers/cognito/deletion-guard.ts),
 * because on such a domain an address with our marker in it can still be a
 * stranger's. The list is a maintained one, email-providers (about 8,700 free
 * and shared mail domains, pinned in package.json), matched for the domain or
 * any domain it is part of (eu.mailinator.com is mailinator's). It is a
 * second line of defence: a pattern must also hold the suite's marker as a
 * literal, and a provider missing from the list is still refused by that.
 */

// The package's own entry reads this file the same way; its JSON has no types.
const PROVIDERS = new Set(createRequire(import.meta.url)('email-providers/all.json') as string[]);
// Shared inbox services the list lacks: every customer's inboxes on one domain, so a domain of theirs proves nothing.
const SHARED_INBOX_SERVICES = new Set(['mail.tm']);
// MailSlurp hands out addresses on several domains of its own name (mailslurp.com, .info, .xyz …), shared by all its customers; the list has none of them.
const MAILSLURP = /(?:^|\.)mailslurp\.[a-z]+$/;

// The list holds the documentation domains (RFC 2606) as it holds any address seen in the wild; their subdomains are a team's own test domains.
const RESERVED = new Set(['example.com', 'example.net', 'example.org']);

/** Whether anyone can get an address at this domain, or at the provider it is a subdomain of. */
export function isPublicMailDomain(domain: string): boolean {
  const name = domain.toLowerCase();
  if (PROVIDERS.has(name) || SHARED_INBOX_SERVICES.has(name) || MAILSLURP.test(name)) return true;
  const labels = name.split('.');
  for (let i = 1; i < labels.length - 1; i++) {
    const parent = labels.slice(i).join('.');
    if (!RESERVED.has(parent) && (PROVIDERS.has(parent) || SHARED_INBOX_SERVICES.has(parent))) return true;
  }
  return false;
}
