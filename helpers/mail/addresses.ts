import { randomBytes } from 'node:crypto';

/*
 * The suite's addresses: made here, with the marker every one carries, and
 * the proof that the suite made one (its inboxes), which the deletion guard
 * (helpers/cognito/deletion-guard.ts) asks for before any user is deleted.
 */

/** Every address the suite makes starts with this, on any inbox service. */
export const ADDRESS_MARKER = 'cse2e';

// Lower case ASCII only, no plus-tags, no quoting, no trailing dot: the shape our inboxes
// make. A look-alike (upper case, "+test", "example.com.", Cyrillic "а") is refused, not normalised.
const PLAIN_ADDRESS = /^[a-z0-9][a-z0-9._-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
// The longest address SMTP carries (RFC 5321); a longer one is nobody's inbox, only work for a pattern.
const ADDRESS_MAX = 254;

export const isPlainAddress = (email: string) => email.length <= ADDRESS_MAX && PLAIN_ADDRESS.test(email);
export const carriesMarker = (email: string) => isPlainAddress(email) && email.startsWith(ADDRESS_MARKER);

/**
 * A fresh address for one test: the suite's marker, a readable label (which
 * test made it), the time and random bytes, so workers, shards and machines
 * never share one.
 */
export function uniqueAddress(label: string, domain: string): string {
  const readable = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24) || 'inbox';
  return `${ADDRESS_MARKER}-${readable}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@${domain}`;
}

/** Where the proof of ownership comes from, for messages: "inboxes this worker created", say. */
export interface OwnedAddresses {
  has(address: string): boolean;
  readonly description: string;
}

/** A set of addresses, described for messages. */
export function ownedAddresses(addresses: Iterable<string>, description: string): OwnedAddresses & { add(address: string): void } {
  const set = new Set(addresses);
  return { has: (address) => set.has(address), add: (address) => void set.add(address), description };
}
