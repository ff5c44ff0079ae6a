import type { PasswordPolicy } from './random-password.js';

/** The characters Cognito counts as symbols (its developer guide, "password policies"); a space counts, but not at either end. */
const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

/** Cognito's rules, in the order the emulator reports them: AWS reports one at a time, in an order it does not document. */
const RULES: [string, (password: string, policy: PasswordPolicy) => boolean][] = [
  // A pool made without a policy has Cognito's default: 8 characters, every class.
  ['Password not long enough', (p, policy) => p.length >= (policy.MinimumLength ?? 8)],
  ['Password must have uppercase characters', (p, policy) => policy.RequireUppercase === false || /[A-Z]/.test(p)],
  ['Password must have lowercase characters', (p, policy) => policy.RequireLowercase === false || /[a-z]/.test(p)],
  ['Password must have numeric characters', (p, policy) => policy.RequireNumbers === false || /[0-9]/.test(p)],
  ['Password must have symbol characters', (p, policy) => policy.RequireSymbols === false || [...p.trim()].some((c) => SYMBOLS.includes(c))],
];

/** The first rule of the policy the password breaks, in Cognito's words, or undefined. */
export const policyViolation = (password: string, policy: PasswordPolicy = {}): string | undefined => RULES.find(([, holds]) => !holds(password, policy))?.[0];

