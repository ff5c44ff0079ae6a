import { randomInt } from 'node:crypto';

/** The part of a Cognito pool's password policy a generated password must meet. */
export interface PasswordPolicy {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
}

const CLASSES = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnopqrstuvwxyz',
  digit: '23456789',
  // A subset of the symbols Cognito accepts, none of which need escaping in a shell or a URL form.
  symbol: '!@#%^*-_=+.,?',
};

const pick = (chars: string) => chars[randomInt(chars.length)] as string;

/**
 * A fresh, throwaway password for one test. It always holds every character
 * class, so it meets any policy a pool can set, and is never reused: Playwright
 * records `fill` values in traces, so a password must be worth nothing after the test.
 */
export function generatePassword(policy: PasswordPolicy = {}): string {
  const length = Math.max(policy.MinimumLength ?? 0, 20);
  const all = Object.values(CLASSES).join('');
  const chars = [...Object.values(CLASSES).map(pick)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
