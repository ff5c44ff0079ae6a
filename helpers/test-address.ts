/**
 * Which addresses the suite may delete users for: its own inboxes' domains, or
 * a pattern the user named explicitly (TEST_EMAIL_PATTERN). Everything else is
 * somebody's real account.
 */
export interface TestAddressRule {
  /** Domains the inbox backend hands out addresses on, exactly. */
  domains: readonly string[];
  /** A whole-address pattern, already anchored. */
  pattern?: RegExp;
}

// Lower case only, no plus-tags, no quoting, no trailing dot: the shape our inboxes
// make. A look-alike (upper case, "+test", "example.com.") is refused, not normalised.
const PLAIN_ADDRESS = /^[a-z0-9][a-z0-9._-]{0,63}@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/;

export function isTestAddress(email: string, rule: TestAddressRule): boolean {
  if (rule.pattern?.test(email)) return true;
  const domain = PLAIN_ADDRESS.exec(email)?.[1];
  return !!domain && rule.domains.includes(domain);
}

/** Addresses a pattern must never match: if it does, it is too broad to guard deletions. */
const REAL_LOOKING = ['jane.doe@gmail.com', 'ceo@example.com', 'support@amazon.com', 'a@b.co'];

/**
 * Compiles TEST_EMAIL_PATTERN as a whole-address match, or explains why not.
 * A pattern that matches ordinary addresses (".*", ".*@.*") is refused.
 */
export function compileTestEmailPattern(source: string): RegExp | string {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${source})$`);
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  const caught = REAL_LOOKING.find((address) => pattern.test(address));
  if (caught || pattern.test('')) {
    return `is too broad: it matches ${caught ? `"${caught}"` : 'an empty address'}, so it could delete a real user`;
  }
  return pattern;
}
