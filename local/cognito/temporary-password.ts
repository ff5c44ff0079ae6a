import { PASSWORD_CHARACTERS, randomPassword, type PasswordPolicy } from '../../common/random-password.js';

// Cognito's symbols, less < > & and quotes: the password is mailed, and "<a" would make the mail read as HTML.
const SYMBOLS = '!@#$%^*-_=+?';

/**
 * A temporary password as Cognito makes one: it satisfies the pool's policy
 * (cognito-local's six random characters would not), so the user's first
 * sign-in is refused only for the reasons AWS refuses it.
 */
export function temporaryPassword(policy: PasswordPolicy = {}): string {
  const { upper, lower, digit } = PASSWORD_CHARACTERS;
  return randomPassword([upper, lower, digit, ...(policy.RequireSymbols === false ? [] : [SYMBOLS])], Math.max(policy.MinimumLength ?? 8, 12));
}
