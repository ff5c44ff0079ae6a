import { randomBytes } from 'node:crypto';
import { ADDRESS_MARKER } from '../cognito/deletion-guard.js';

/**
 * A fresh address for one test: the suite's marker, a readable label (which
 * test made it), the time and random bytes, so workers, shards and machines
 * never share one.
 */
export function uniqueAddress(label: string, domain: string): string {
  const readable = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24) || 'inbox';
  return `${ADDRESS_MARKER}-${readable}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@${domain}`;
}
