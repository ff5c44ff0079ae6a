import { PASSWORD_CHARACTERS, randomPassword, type PasswordPolicy } from '../common/random-password.js';

export type { PasswordPolicy } from '../common/random-password.js';

// A subset of the symbols Cognito accepts, none of which need escaping in a shell or a URL form.
const SYMBOLS = '!@#%^*-_=+.,?';

/**
 * A fresh, throwaway password for one test. It always holds every character
 * class, so it meets any policy a pool can set, and is never reused: Playwright
 * records `fill` values in traces, so a password must be worth nothing after the test.
 */
export function generatePassword(policy: PasswordPolicy = {}): string {
  return randomPassword([...Object.values(PASSWORD_CHARACTERS), SYMBOLS], Math.max(policy.MinimumLength ?? 0, 20));
}
