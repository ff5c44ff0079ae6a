/**
 * Which users the suite may delete. Only two kinds, never a whole domain:
 *
 * 1. an address the suite can prove it made: one of its own inboxes (this
 *    run's, or, for the janitor, an earlier run's inbox record), and which
 *    carries the suite's marker at the start of its local part;
 * 2. for the janitor only, an address matching TEST_EMAIL_PATTERN: the team's
 *    own catch-all addresses whose inbox record is gone. The pattern must name
 *    a fixed domain and a literal marker of its own (see compileTestEmailPattern).
 *
 * Everything else is somebody's account: on a shared MailSlurp domain, another
 * customer's; on the team's own domain, a colleague's.
 */
import { ADDRESS_MARKER, isPlainAddress, type OwnedAddresses } from '../mail/addresses.js';

export type Verdict = { deletable: true; because: string } | { deletable: false; because: string };

export class DeletionGuard {
  constructor(
    private readonly owned: OwnedAddresses,
    /** TEST_EMAIL_PATTERN, compiled and vetted: the janitor's, never a test's. */
    private readonly pattern?: RegExp,
  ) {}

  verdict(email: string): Verdict {
    if (!isPlainAddress(email)) {
      return { deletable: false, because: 'it is not a plain lower-case address (upper case, plus-tag, quotes, non-ASCII or a trailing dot)' };
    }
    if (this.pattern?.test(email)) return { deletable: true, because: 'it matches TEST_EMAIL_PATTERN' };
    if (!email.startsWith(ADDRESS_MARKER)) {
      return { deletable: false, because: `it does not start with the suite's marker "${ADDRESS_MARKER}", so the suite did not make it` };
    }
    if (!this.owned.has(email)) {
      return { deletable: false, because: `it carries the marker, but is not among ${this.owned.description}` };
    }
    return { deletable: true, because: `it is one of ${this.owned.description}` };
  }
}

/** The shortest literal marker TEST_EMAIL_PATTERN must hold before its "@". */
export const PATTERN_MARKER_MIN = 6;

interface PatternShape {
  /** Literal runs before the top-level "@", outside any wildcard, group or class. */
  localLiterals: string[];
  /** The text after the top-level "@", when it is entirely literal. */
  domain?: string;
  hasAt: boolean;
  domainIsLiteral: boolean;
  topLevelAlternation: boolean;
}

// After a backslash, these letters mean a class or an assertion, not the letter itself.
const ESCAPE_CLASSES = /[dDwWsSbBpPkcux0-9]/;

/**
 * Reads a regular expression's source for what every match must contain: the
 * literal characters at the top level (not inside a group, a character class,
 * or under a quantifier), split at the top-level "@".
 */
export function patternShape(source: string): PatternShape {
  const shape: PatternShape = { localLiterals: [], hasAt: false, domainIsLiteral: true, topLevelAlternation: false };
  let run = '';
  let domain = '';
  let depth = 0;
  const endRun = () => {
    if (!shape.hasAt && run) shape.localLiterals.push(run);
    run = '';
  };
  const notLiteral = () => {
    endRun();
    if (shape.hasAt) shape.domainIsLiteral = false;
  };
  const literal = (c: string) => {
    if (c === '@' && !shape.hasAt) {
      endRun();
      shape.hasAt = true;
    } else if (shape.hasAt) domain += c;
    else run += c;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[++i] ?? '';
      if (depth > 0) continue;
      if (ESCAPE_CLASSES.test(next)) notLiteral();
      else literal(next);
      continue;
    }
    if (c === '[') {
      // Skip the class, minding escapes; it is a wildcard for our purpose.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      if (depth === 0) notLiteral();
      continue;
    }
    if (c === '(') {
      if (depth === 0) notLiteral();
      depth++;
      continue;
    }
    if (c === ')') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(source.slice(i))?.[0];
    if (quantifier) {
      // The quantified character is optional or repeated: it is no longer part of a fixed run.
      if (shape.hasAt) {
        shape.domainIsLiteral = false;
        domain = domain.slice(0, -1);
      } else run = run.slice(0, -1);
      notLiteral();
      i += quantifier.length - 1;
      continue;
    }
    if (c === '|') {
      shape.topLevelAlternation = true;
      notLiteral();
      continue;
    }
    if (c === '^' || c === '$') {
      // Anchors match no character; the whole pattern is anchored anyway.
      endRun();
      continue;
    }
    if (c === '.') {
      notLiteral();
      continue;
    }
    literal(c);
  }
  endRun();
  if (shape.hasAt && shape.domainIsLiteral) shape.domain = domain;
  return shape;
}

/** Addresses a pattern must never match: if it does, it is too broad to guard deletions. */
const REAL_LOOKING = ['jane.doe@gmail.com', 'ceo@example.com', 'support@amazon.com', 'a@b.co'];

/**
 * Compiles TEST_EMAIL_PATTERN as a whole-address match, or says why not. It
 * must name a fixed domain after "@", and hold a literal marker of at least
 * six characters before it, outside any wildcard: `.+@company\.com` would
 * match every colleague, `(a|.*)` anything at all.
 */
export function compileTestEmailPattern(source: string): RegExp | string {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${source})$`);
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  const shape = patternShape(source);
  const example = 'e2e-signup-[a-z0-9]+@qa\\.example\\.com';
  if (shape.topLevelAlternation) return `has a "|" outside any group, so one side may match anything; write one pattern like ${example}`;
  if (!shape.hasAt) return `names no domain: write the whole address, like ${example}`;
  if (!shape.domain) return `must spell out its domain after "@", without wildcards or groups, like ${example}`;
  const marker = shape.localLiterals.find((literal) => literal.length >= PATTERN_MARKER_MIN);
  if (!marker) {
    return (
      `has no literal marker of at least ${PATTERN_MARKER_MIN} characters before "@" (outside wildcards, groups and classes), ` +
      `so it matches ordinary addresses at ${shape.domain}; use one like ${example}`
    );
  }
  const caught = REAL_LOOKING.find((address) => pattern.test(address));
  if (caught || pattern.test('')) {
    return `is too broad: it matches ${caught ? `"${caught}"` : 'an empty address'}, so it could delete a real user`;
  }
  return pattern;
}

/** What TEST_EMAIL_PATTERN would delete, checked against the pool before the janitor may use it. */
export interface PatternVetting {
  matched: { email: string; status?: string; created?: Date }[];
  /** Why the janitor refuses the pattern without --i-know; empty when it does not. */
  refusals: string[];
}

export const PATTERN_MATCH_LIMIT = 500;
const DAY_MS = 86_400_000;

/**
 * The pattern's dry run against the pool's users: how many it matches, and
 * whether that looks like real people (a CONFIRMED user older than a day) or
 * like a mistake (more than 500 users).
 */
export function vetTestEmailPattern(
  pattern: RegExp,
  users: { email: string; status?: string; created?: Date }[],
  now = Date.now(),
): PatternVetting {
  const matched = users.filter((user) => isPlainAddress(user.email) && pattern.test(user.email));
  const refusals: string[] = [];
  if (matched.length > PATTERN_MATCH_LIMIT) {
    refusals.push(`it matches ${matched.length} users, more than ${PATTERN_MATCH_LIMIT}: that is not a handful of test leftovers`);
  }
  const settled = matched.find((user) => user.status === 'CONFIRMED' && user.created && now - user.created.getTime() > DAY_MS);
  if (settled) {
    refusals.push(
      `it matches ${settled.email}, a CONFIRMED user created ${settled.created?.toISOString()}: more than a day old, ` +
        'which looks like a real account, not a test leftover',
    );
  }
  return { matched, refusals };
}
