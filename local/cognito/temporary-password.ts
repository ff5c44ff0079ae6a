import { randomInt } from 'node:crypto';

interface PasswordPolicy {
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
  // Cognito's symbols, less < > & and quotes: the password is mailed, and "<a" would make the mail read as HTML.
  symbol: '!@#$%^*-_=+?',
};

/**
 * A temporary password as Cognito makes one: it satisfies the pool's policy
 * (cognito-local's six random characters would not), so the user's first
 * sign-in is refused only for the reasons AWS refuses it.
 */
export function temporaryPassword(policy: PasswordPolicy = {}): string {
  const required = [
    CLASSES.upper,
    CLASSES.lower,
    CLASSES.digit,
    ...(policy.RequireSymbols === false ? [] : [CLASSES.symbol]),
  ];
  const all = required.join('');
  const length = Math.max(policy.MinimumLength ?? 8, 12);
  const chars = [...required.map((set) => set[randomInt(set.length)]), ...Array.from({ length: length - required.length }, () => all[randomInt(all.length)])];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
