/**
 * Which users the suite may delete. Only two kinds, never a whole domain:
 *
 * 1. an address the suite can prove it made: one of its own inboxes (this
 *    run's, or, for the janitor, an earlier run's inbox record), and which
 *    carries the suite's marker at the start of its local part;
 * 2. for the janitor only, an address matching TEST_EMAIL_PATTERN: the team's
 *    own catch-all addresses whose inbox record is gone. The pattern must hold
 *    the suite's marker as a literal and name a fixed domain that is not a
 *    public one (see compileTestEmailPattern), and its word alone never
 *    deletes a CONFIRMED user.
 *
 * Everything else is somebody's account: on a shared MailSlurp domain, another
 * customer's; on the team's own domain, a colleague's.
 */
import { ADDRESS_MARKER, isPlainAddress, type OwnedAddresses } from '../mail/addresses.js';
import { isPublicMailDomain } from '../mail/public-mail-domains.js';

export type Verdict = { deletable: true; because: string } | { deletable: false; because: string };

export class DeletionGuard {
  constructor(
    private readonly owned: OwnedAddresses,
    /** TEST_EMAIL_PATTERN, compiled and vetted: the janitor's, never a test's. */
    private readonly pattern?: RegExp,
  ) {}

  /**
   * Whether the user at this address may be deleted. `status`, when the
   * user's record has been read, lets the guard spare a CONFIRMED user that
   * only the pattern vouches for: a confirmed account may be a person's.
   */
  verdict(email: string, status?: string): Verdict {
    if (!isPlainAddress(email)) {
      return { deletable: false, because: 'it is not a plain lower-case address (upper case, plus-tag, quotes, non-ASCII, a trailing dot or over 254 characters)' };
    }
    if (email.startsWith(ADDRESS_MARKER) && this.owned.has(email)) return { deletable: true, because: `it is one of ${this.owned.description}` };
    if (this.pattern?.test(email)) {
      return status === 'CONFIRMED'
        ? {
            deletable: false,
            because:
              'it matches TEST_EMAIL_PATTERN, but the user is CONFIRMED and no inbox record of the suite names the address: ' +
              'the pattern alone never deletes a confirmed user (--i-know does not change that); delete it by hand if it is a test user',
          }
        : { deletable: true, because: 'it matches TEST_EMAIL_PATTERN' };
    }
    if (!email.startsWith(ADDRESS_MARKER)) {
      return { deletable: false, because: `it does not start with the suite's marker "${ADDRESS_MARKER}", so the suite did not make it` };
    }
    return { deletable: false, because: `it carries the marker, but is not among ${this.owned.description}` };
  }
}

/** Quantifiers in a pattern whose count may vary with more than one repetition (`*`, `+`, `{2,}`, `{1,9}`): each more multiplies the work on a long address. */
export const PATTERN_REPEATS_MAX = 2;

export interface PatternShape {
  /** Literal runs before the top-level "@", outside any wildcard, group or class. */
  localLiterals: string[];
  /** The text after the top-level "@", when it is entirely literal. */
  domain?: string;
  hasAt: boolean;
  domainIsLiteral: boolean;
  topLevelAlternation: boolean;
  /** The quantifiers whose count may vary, `*`, `+`, `{n,}` and `{n,m}` with m > 1, wherever they stand. */
  repeats: number;
  /** The first repeated group that holds a quantifier or a "|", like "(a+)+": its text. */
  nestedRepeat?: string;
}

// After a backslash, these letters mean a class or an assertion, not the letter itself.
const ESCAPE_CLASSES = /[dDwWsSbBpPkcux0-9]/;
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})/;

/**
 * Reads a regular expression's source for what every match must contain: the
 * literal characters at the top level (not inside a group, a character class,
 * or under a quantifier), split at the top-level "@"; and for how it repeats:
 * how many quantifiers may vary, and whether a repeated group holds another
 * quantifier or a choice, which makes the engine's work grow exponentially with
 * the address (`(a+)+b` takes seconds on 26 letters).
 */
export function patternShape(source: string): PatternShape {
  const shape: PatternShape = { localLiterals: [], hasAt: false, domainIsLiteral: true, topLevelAlternation: false, repeats: 0 };
  let run = '';
  let domain = '';
  // The open groups, each with where it starts and whether it holds a quantifier or a "|".
  const groups: { start: number; holdsChoice: boolean }[] = [];
  // What a quantifier right here would repeat: a group (with what it holds), or a single character or class.
  let atom: { start: number; holdsChoice: boolean } | undefined;
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
    const topLevel = groups.length === 0;
    if (c === '\\') {
      const next = source[++i] ?? '';
      atom = { start: i - 1, holdsChoice: false };
      if (!topLevel) continue;
      if (ESCAPE_CLASSES.test(next)) notLiteral();
      else literal(next);
      continue;
    }
    if (c === '[') {
      // Skip the class, minding escapes; it is a wildcard for our purpose.
      const start = i;
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      atom = { start, holdsChoice: false };
      if (topLevel) notLiteral();
      continue;
    }
    if (c === '(') {
      if (topLevel) notLiteral();
      groups.push({ start: i, holdsChoice: false });
      // "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<name>": the "?" is part of the group's opening, not a quantifier.
      if (source[i + 1] === '?') {
        const opening = /^\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i + 1))?.[0] ?? '?';
        i += opening.length;
      }
      atom = undefined;
      continue;
    }
    if (c === ')') {
      const group = groups.pop();
      atom = group && { start: group.start, holdsChoice: group.holdsChoice };
      const parent = groups.at(-1);
      if (parent && group?.holdsChoice) parent.holdsChoice = true;
      continue;
    }
    const quantifier = atom ? QUANTIFIER.exec(source.slice(i)) : null;
    if (quantifier) {
      const [text, min, comma, max] = quantifier;
      const most = text === '*' || text === '+' ? Infinity : text === '?' ? 1 : comma ? (max ? Number(max) : Infinity) : Number(min);
      const varies = text === '*' || text === '+' || text === '?' || (comma !== undefined && (max === '' || Number(max) > Number(min)));
      let end = i + text.length;
      if (source[end] === '?') end++; // lazy: the same repetition, tried in the other order
      if (most > 1 && atom?.holdsChoice && shape.nestedRepeat === undefined) shape.nestedRepeat = source.slice(atom.start, end);
      if (varies && most > 1) shape.repeats++;
      const parent = groups.at(-1);
      if (parent) parent.holdsChoice = true;
      else {
        // The quantified character is optional or repeated: it is no longer part of a fixed run.
        if (shape.hasAt) {
          shape.domainIsLiteral = false;
          domain = domain.slice(0, -1);
        } else run = run.slice(0, -1);
        notLiteral();
      }
      atom = undefined;
      i = end - 1;
      continue;
    }
    if (c === '|') {
      const parent = groups.at(-1);
      if (parent) parent.holdsChoice = true;
      else {
        shape.topLevelAlternation = true;
        notLiteral();
      }
      atom = undefined;
      continue;
    }
    if (c === '^' || c === '$') {
      // Anchors match no character; the whole pattern is anchored anyway.
      if (topLevel) endRun();
      atom = undefined;
      continue;
    }
    atom = { start: i, holdsChoice: false };
    if (!topLevel) continue;
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

/** An accepted pattern, for messages: the suite's marker, a class, a domain of the team's own. */
export const PATTERN_EXAMPLE = `${ADDRESS_MARKER}-[a-z0-9-]+@qa\\.example\\.com`;
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/**
 * Compiles TEST_EMAIL_PATTERN as a whole-address match, or says why not and
 * how to fix it. Safe by construction, not by a list of bad examples:
 *
 * - it holds the suite's marker (ADDRESS_MARKER) as a literal before "@",
 *   outside any wildcard, group or class: `.+\.johnson@company\.com` would
 *   match every Johnson, `support@company\.com` a real mailbox;
 * - it names a fixed, lower-case domain after "@", and not a public one
 *   (gmail.com, MailSlurp's shared domains …): `.*\.smith@gmail\.com` matches
 *   john.smith@gmail.com;
 * - no "|" outside a group (one side could match anything);
 * - no repeated group that holds a quantifier or a "|" (`(a+)+`,
 *   `(a|aa)*`), and at most PATTERN_REPEATS_MAX varying repetitions in all:
 *   the janitor and the doctor run the pattern against every user in the
 *   pool, whose addresses anyone who can sign up chooses.
 */
export function compileTestEmailPattern(source: string): RegExp | string {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${source})$`);
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message}); write one like ${PATTERN_EXAMPLE}`;
  }
  const shape = patternShape(source);
  if (shape.topLevelAlternation) return `has a "|" outside any group, so one side may match anything; write one pattern like ${PATTERN_EXAMPLE}`;
  if (shape.nestedRepeat !== undefined) {
    return (
      `repeats a group that holds a quantifier or a "|" ("${shape.nestedRepeat}"): on a long address that takes the regular expression ` +
      `engine exponential time; repeat a class instead (like [a-z0-9-]+), as in ${PATTERN_EXAMPLE}`
    );
  }
  if (shape.repeats > PATTERN_REPEATS_MAX) {
    return (
      `has ${shape.repeats} repetitions that may vary (*, +, {n,}), more than ${PATTERN_REPEATS_MAX}: each more multiplies the work on a long address; ` +
      `join them into one class, as in ${PATTERN_EXAMPLE}`
    );
  }
  if (!shape.hasAt) return `names no domain: write the whole address, like ${PATTERN_EXAMPLE}`;
  if (shape.domain === undefined) return `must spell out its domain after "@", without wildcards or groups, like ${PATTERN_EXAMPLE}`;
  if (!DOMAIN.test(shape.domain)) return `names "${shape.domain}" after "@", not a lower-case domain like qa.example.com; write one like ${PATTERN_EXAMPLE}`;
  if (isPublicMailDomain(shape.domain)) {
    return (
      `names ${shape.domain}, a public mail domain where anyone can have an address, so a match may be a stranger's; ` +
      `use a domain of your own (a catch-all for test mail), like ${PATTERN_EXAMPLE}`
    );
  }
  if (!shape.localLiterals.some((literal) => literal.includes(ADDRESS_MARKER))) {
    return (
      `does not hold the suite's marker "${ADDRESS_MARKER}" as a literal before "@" (outside wildcards, groups and classes), ` +
      `so it may match ordinary addresses at ${shape.domain}; start it with the marker, like ${PATTERN_EXAMPLE}`
    );
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
