import { policyViolation } from '../common/password-policy.js';
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

/** Amplify's Authenticator refuses a password shorter than this itself, before Cognito sees it (@aws-amplify/ui's default minLength). */
const CLIENT_SIDE_MINIMUM = 8;

/**
 * A password that breaks exactly one rule of the pool's policy, and the rule
 * in Cognito's words: too short by one when the policy asks for more than a
 * sign-up form checks by itself, else one required class left out. Undefined
 * when the policy asks for nothing a form would not refuse first.
 */
export function weakPassword(policy: PasswordPolicy = {}): { password: string; rule: string } | undefined {
  const strong = generatePassword(policy);
  const minimum = policy.MinimumLength ?? 8;
  const candidates = [
    ...(minimum > CLIENT_SIDE_MINIMUM ? [strong.slice(0, minimum - 1)] : []),
    ...(policy.RequireSymbols !== false ? [strong.replace(/[^A-Za-z0-9]/g, 'x')] : []),
    ...(policy.RequireNumbers !== false ? [strong.replace(/[0-9]/g, 'y')] : []),
    ...(policy.RequireUppercase !== false ? [strong.toLowerCase()] : []),
    ...(policy.RequireLowercase !== false ? [strong.toUpperCase()] : []),
  ];
  for (const password of candidates) {
    const rule = policyViolation(password, policy);
    if (rule && password.length >= CLIENT_SIDE_MINIMUM) return { password, rule };
  }
  return undefined;
}
