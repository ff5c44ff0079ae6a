import { randomInt } from 'node:crypto';

/** The part of a Cognito pool's password policy a generated password must meet. */
export interface PasswordPolicy {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
}

/** Letters and digits no reader confuses (no I, l, O, 0, 1). */
export const PASSWORD_CHARACTERS = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnopqrstuvwxyz',
  digit: '23456789',
} as const;

const pick = (chars: string) => chars[randomInt(chars.length)] as string;

/**
 * A random password of `length` characters with at least one of each class,
 * the rest drawn from all of them, shuffled (crypto randomness throughout):
 * shared by the suite's test passwords and the emulator's temporary ones.
 */
export function randomPassword(classes: readonly string[], length: number): string {
  const all = classes.join('');
  const chars = classes.map(pick);
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
