import { htmlToText } from '../../common/html-text.js';
import { CODE_PLACEHOLDER } from '../../common/cognito-texts.js';
import { ActionableError } from '../errors.js';
import { VerificationCodeError, extractVerificationCode, mailText, type MailBody } from './verification-code.js';
import { clip, escapeRegExp } from '../text.js';
import { MAIL_KINDS, type MailKind } from '../../common/cognito-operations.js';

/*
 * Where the code stands in a mail whose words are not the pool's template:
 * teams with a CustomMessage Lambda trigger send branded HTML of their own, so
 * each kind of mail (MAIL_KINDS) may say, by its CODE_IN_* setting, how its
 * code is found.
 */

/** The rule for every kind of mail whose own variable is not set. */
export const DEFAULT_CODE_RULE_VARIABLE = 'CODE_IN_MAIL';

/**
 * A setting's value, checked: a regular expression written `/…/flags` whose one
 * capture group is the code, or the words around the code written like a
 * template, with `{####}` where the code stands.
 */
export type CodeRule =
  | { readonly form: 'pattern'; readonly variable: string; readonly value: string; readonly pattern: RegExp }
  | { readonly form: 'words'; readonly variable: string; readonly value: string; readonly template: string };

/** Every wrong code-rule setting, each saying what is wrong and what would be right. */
export class CodeRuleError extends ActionableError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const GENERIC_PATTERN = '/code: (\\d{6})/';
const GENERIC_WORDS = `Your code is ${CODE_PLACEHOLDER}`;
const REGEX_VALUE = /^\/([\s\S]+)\/([a-z]*)$/;
// A digit class with its count, the usual body of a code: \d{6}, \d+, [0-9]{6,8}.
const DIGITS = /(?:\\d|\[0-9\])(?:\{\d+(?:,\d*)?\}|[+*])?/;
// A capturing group's opening, skipping escapes, classes, (?:…) and look-arounds; named groups capture too.
const GROUP_OPENING = /\\.|\[(?:\\.|[^\]\\])*\]|\((?!\?)|\(\?<(?![=!])[^>]*>/g;
// Separators a layout puts between a code's digits ("123 456", "123-456", one digit per cell); never part of the code.
const SPREAD_DIGITS = /^\d+(?:[\s-]+\d+)+$/;
// Cognito fills {####} with a code of six to eight digits, or a temporary password the pool's policy allows (six characters at least).
const SHORTEST_FILL = 6;


/** How many capture groups a regular expression has: an empty alternative always matches, with every group unset. */
function captureGroups(source: string, flags: string): number {
  return (new RegExp(`${source}|`, flags).exec('') as RegExpExecArray).length - 1;
}

/** The value with the code in one capture group, when that can be guessed from a digit class; the generic example otherwise. */
function exampleWithOneGroup(source: string, flags: string): string {
  const nonCapturing = source.replace(GROUP_OPENING, (token) => (token.startsWith('(') ? '(?:' : token));
  const guess = nonCapturing.replace(DIGITS, '($&)').replace(/\(\?:\((.*?)\)\)/, '($1)');
  try {
    return captureGroups(guess, flags) === 1 ? `/${guess}/${flags}` : GENERIC_PATTERN;
  } catch {
    return GENERIC_PATTERN;
  }
}

function parsePattern(variable: string, value: string, source: string, flags: string): CodeRule {
  const shown = `${variable}="${value}"`;
  if (flags.includes('y')) {
    throw new CodeRuleError([`${shown} has the sticky flag y, which matches only at the very start of the mail: drop it, e.g. /${source}/${flags.replace(/y/g, '')}`]);
  }
  try {
    // Compiled alone first, so the engine's message quotes the team's own expression.
    new RegExp(source, flags);
  } catch (error) {
    throw new CodeRuleError([`${shown} is not a valid regular expression (${(error as Error).message}): fix it, e.g. ${GENERIC_PATTERN}`]);
  }
  const groups = captureGroups(source, flags);
  if (groups === 0) {
    throw new CodeRuleError([`${shown} has no capture group: wrap the code in one, e.g. ${exampleWithOneGroup(source, flags)}`]);
  }
  if (groups > 1) {
    throw new CodeRuleError([
      `${shown} has ${groups} capture groups, but the code must be the only one: make the others non-capturing with (?:…), e.g. ${exampleWithOneGroup(source, flags)}`,
    ]);
  }
  return { form: 'pattern', variable, value, pattern: new RegExp(source, flags.includes('g') ? flags : `${flags}g`) };
}

function parseWords(variable: string, value: string): CodeRule {
  const shown = `${variable}="${value}"`;
  if (!value.includes(CODE_PLACEHOLDER)) {
    const hint = value.startsWith('/')
      ? `it starts with "/" but does not end with "/" and flags, as a regular expression must: write /…/flags, e.g. ${GENERIC_PATTERN}`
      : `put ${CODE_PLACEHOLDER} where the code stands, e.g. ${variable}="${value.replace(/[\s:]*$/, '')}: ${CODE_PLACEHOLDER}"`;
    throw new CodeRuleError([`${shown} has no ${CODE_PLACEHOLDER}: ${hint}`]);
  }
  if (!htmlToText(value).split(CODE_PLACEHOLDER).join('').trim()) {
    throw new CodeRuleError([
      `${shown} has no words around ${CODE_PLACEHOLDER}, so any number in the mail would do: add the words just before the code, e.g. ${variable}="${GENERIC_WORDS}"`,
    ]);
  }
  return { form: 'words', variable, value, template: value };
}

/**
 * Reads one setting's value, at start-up: a mistake there must stop the run
 * with the fix, not surface as "no code in the mail" once a user has signed up.
 */
export function parseCodeRule(variable: string, raw: string): CodeRule {
  const value = raw.trim();
  const regex = REGEX_VALUE.exec(value);
  return regex ? parsePattern(variable, value, regex[1] as string, regex[2] as string) : parseWords(variable, value);
}

/**
 * The rule for each kind of mail: its own variable, else CODE_IN_MAIL, else
 * none (an empty value counts as unset, as in .env.example). Every wrong value
 * is reported at once, in one CodeRuleError.
 */
export function codeRulesFromEnv(env: Record<string, string | undefined>): Partial<Record<MailKind, CodeRule>> {
  const problems: string[] = [];
  const read = (variable: string): CodeRule | undefined => {
    const raw = env[variable]?.trim();
    if (!raw) return undefined;
    try {
      return parseCodeRule(variable, raw);
    } catch (error) {
      if (!(error instanceof CodeRuleError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const fallback = read(DEFAULT_CODE_RULE_VARIABLE);
  const rules: Partial<Record<MailKind, CodeRule>> = {};
  for (const [kind, { codeRule: variable }] of Object.entries(MAIL_KINDS) as [MailKind, (typeof MAIL_KINDS)[MailKind]][]) {
    // A kind whose own value is wrong is reported, never quietly given CODE_IN_MAIL's rule.
    const rule = env[variable]?.trim() ? read(variable) : fallback;
    if (rule) rules[kind] = rule;
  }
  if (problems.length) throw new CodeRuleError(problems);
  return rules;
}

/** What a rule captured, as Cognito sent it: the separators of a spread-out code removed. */
function asFilled(captured: string): string {
  const trimmed = captured.trim();
  return SPREAD_DIGITS.test(trimmed) ? trimmed.replace(/[\s-]+/g, '') : trimmed;
}

function codesByPattern(text: string, rule: Extract<CodeRule, { form: 'pattern' }>, shown: string): string[] {
  const found = [...new Set([...text.matchAll(rule.pattern)].map((m) => asFilled(m[1] ?? '')).filter(Boolean))];
  if (found.length === 0) {
    throw new VerificationCodeError(
      `No code in the mail by ${shown}: the regular expression does not match the mail's readable text (tags gone, white space single). ` +
        `The mail reads: ${JSON.stringify(clip(text, 300))}`,
    );
  }
  return found;
}

function codesByWords(mail: MailBody, rule: Extract<CodeRule, { form: 'words' }>, shown: string): string[] {
  try {
    return [extractVerificationCode(mail, rule.template)];
  } catch (error) {
    if (!(error instanceof VerificationCodeError)) throw error;
    throw new VerificationCodeError(`${shown}: ${error.message}`, { cause: error });
  }
}

/**
 * The code by a team's rule, in the mail's readable text (its text part, or its
 * HTML's words: a pattern sees what a reader sees, not markup). Exactly one
 * distinct code must be found, and it must be as long as anything Cognito
 * fills {####} with; otherwise the error names the setting, what it expected
 * and what the mail reads. A words rule reads digits (extractVerificationCode),
 * so an invitation whose temporary password has letters needs a pattern rule,
 * e.g. CODE_IN_INVITATION_MAIL="/password: (\S+)/".
 */
export function extractCodeByRule(mail: MailBody, rule: CodeRule, sourceVariable: string): string {
  const shown = `${sourceVariable}="${rule.value}"`;
  const text = mailText(mail);
  const found = rule.form === 'pattern' ? codesByPattern(text, rule, shown) : codesByWords(mail, rule, shown);
  if (found.length > 1) {
    throw new VerificationCodeError(
      `${shown} matches ${found.length} different codes in the mail (${found.join(', ')}): make it match only the code, e.g. by more of the words just before it. ` +
        `The mail reads: ${JSON.stringify(clip(text, 300))}`,
    );
  }
  const code = found[0] as string;
  if (code.length < SHORTEST_FILL) {
    throw new VerificationCodeError(
      `${shown} found "${code}", but Cognito's codes have 6 to 8 digits (a temporary password, at least 6 characters): the rule matched something else. ` +
        `If the mail spreads the code over cells or spaces, a regular expression can take them all, e.g. ${sourceVariable}="/code:? ((?:\\d\\s*){6})/". ` +
        `The mail reads: ${JSON.stringify(clip(text, 300))}`,
    );
  }
  return code;
}

// ---------------------------------------------------------------------------
// The fallback: no rule set, and the template's words not in the mail.

interface Word {
  text: string;
  line: number;
}

interface Candidate {
  code: string;
  /** Where it stands in the word list, for its context and the example setting. */
  first: number;
  last: number;
  /** One digit per cell or span: only a regular expression can read it. */
  spread: boolean;
}

// Characters a mail uses to fill a preheader or to stop links being made; they separate nothing a reader sees.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]|\u034f|&(?:zwnj|zwj|shy);/g;
// A number around the code that a reader sees as one with it: a phone number's groups, a date's, an amount's.
const NUMERIC = /^[+(]?\d[\d()./:,-]*$/;
const CURRENCY = /^(?:[€$£¥₹]|&(?:euro|pound|yen|dollar);|EUR|USD|GBP|CHF|JPY|INR|AUD|CAD|SEK|NOK|DKK|PLN|CNY)$/;
// Words a reference or phone number follows ("Order 304918", "Tel. 445566", "Order no. 304918"); English only, as the suite's own texts are.
const REFERENCE_LABELS = new Set(['account', 'booking', 'call', 'case', 'customer', 'fax', 'hotline', 'id', 'invoice', 'member', 'mobile', 'order', 'phone', 'ref', 'reference', 'tel', 'ticket']);
// Words between a label and its number; on their own ("Your PIN number: 482913") they say nothing.
const NUMBER_WORDS = new Set(['#', 'no', 'nr', 'number']);
const bare = (word: string) => word.replace(/^[^\p{L}\p{N}#]+|[^\p{L}\p{N}#]+$/gu, '');

/**
 * The words of the mail a reader sees, line by line: its text part, or its
 * HTML without styles, scripts, comments, tags and their attributes (links,
 * image names, inline colours). Hidden text (a preheader in a display:none
 * div, the dark-mode copy of the code block) is kept: telling it apart needs a
 * CSS engine, and it repeats the code or carries no code-length number.
 */
function visibleWords(mail: MailBody): Word[] {
  // A line break in HTML source is a space to a reader; only block ends (which htmlToText keeps) end a line.
  const text = mail.text?.trim() ? mail.text : htmlToText((mail.html ?? '').replace(/\s+/g, ' '));
  return text
    .replace(INVISIBLE, '')
    .split('\n')
    .flatMap((line, index) => line.split(/\s+/).filter(Boolean).map((word) => ({ text: word, line: index })));
}

/** The word beside position `at` on the same line, or nothing: a line break ends a number. */
function besideOnLine(words: Word[], at: number, step: 1 | -1): string | undefined {
  const beside = words[at + step];
  return beside && beside.line === (words[at] as Word).line ? beside.text : undefined;
}

/** Why a code-length number is not the code, or nothing when it may be. */
function reasonToSetAside(words: Word[], first: number, last: number): string | undefined {
  const before = besideOnLine(words, first, -1);
  const after = besideOnLine(words, last, 1);
  if ([before, after].some((w) => w !== undefined && NUMERIC.test(w))) return 'part of a longer number, a phone number or a date';
  if ([before, after].some((w) => w !== undefined && (CURRENCY.test(w) || CURRENCY.test(bare(w))))) return 'an amount';
  const label = (at: number) => bare(besideOnLine(words, at, -1) ?? '').toLowerCase();
  const labelled = REFERENCE_LABELS.has(label(first)) || (NUMBER_WORDS.has(label(first)) && REFERENCE_LABELS.has(label(first - 1)));
  if (labelled) return `a reference or phone number (after "${before}")`;
  return undefined;
}

interface Scan {
  candidates: Candidate[];
  setAside: string[];
}

/** Every number of `codeLength` digits a reader sees standing on its own, and those set aside with why. */
function scan(words: Word[], codeLength: number): Scan {
  const alone = new RegExp(`^[("'“‘«\\[*]*(\\d{${codeLength}})[)"'”’»\\].,;:!?*]*$`);
  const inside = new RegExp(`(?<!\\d)\\d{${codeLength}}(?!\\d)`);
  const candidates: Candidate[] = [];
  const setAside: string[] = [];
  const consider = (code: string, first: number, last: number, spread: boolean) => {
    const reason = reasonToSetAside(words, first, last);
    if (reason) setAside.push(`${code}: ${reason}, in "${context(words, first, last)}"`);
    else candidates.push({ code, first, last, spread });
  };
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as Word).text;
    const code = alone.exec(word)?.[1];
    if (code) consider(code, i, i, false);
    else if (inside.test(word)) setAside.push(`${inside.exec(word)?.[0]}: inside "${clip(word, 40)}"`);
  }
  // One digit per table cell or span: exactly codeLength single digits in a row, with no more digits either side.
  for (let i = 0; i < words.length; ) {
    let end = i;
    while (end < words.length && /^\d$/.test((words[end] as Word).text)) end++;
    if (end - i === codeLength) consider(words.slice(i, end).map((w) => w.text).join(''), i, end - 1, true);
    i = Math.max(end, i + 1);
  }
  return { candidates, setAside };
}

function context(words: Word[], first: number, last: number): string {
  const shown = (from: number, to: number) => words.slice(Math.max(from, 0), to).map((w) => clip(w.text, 30));
  const before = shown(first - 4, first);
  const after = shown(last + 1, last + 4);
  return [first > 4 ? '…' : '', ...before, ...shown(first, last + 1), ...after, last + 4 < words.length ? '…' : ''].filter(Boolean).join(' ');
}

const wordsBefore = (words: Word[], candidate: Candidate) => words.slice(Math.max(candidate.first - 3, 0), candidate.first).map((w) => w.text);

/**
 * How to say where the code stands, with values made from the words before a
 * candidate: the one "code" or "PIN" leads to, else the first. A guess for the
 * example only; the result is never guessed.
 */
function settingAdvice(settingHint: string, words: Word[], codeLength: number, candidates: Candidate[] = []): string {
  const how = `the words just before the code with ${CODE_PLACEHOLDER} in its place, or a regular expression whose one capture group is the code`;
  const example = candidates.find((c) => /code|pin|otp|passcode/i.test(wordsBefore(words, c).join(' '))) ?? candidates[0];
  const before = example ? wordsBefore(words, example) : [];
  const lead = before.length ? before.join(' ') : 'Your code is';
  const pattern = (digits: string) => `${settingHint}="/${lead.split(' ').map(escapeRegExp).join('\\s+')}\\s*${digits}/"`;
  if (!example) return `Say where the code stands with ${settingHint}: ${how}, e.g. ${settingHint}="${lead} ${CODE_PLACEHOLDER}" or ${pattern(`(\\d{${codeLength}})`)}.`;
  const values = example.spread
    ? `${pattern(`((?:\\d\\s*){${codeLength}})`)} (a regular expression: the words cannot read one digit per cell; the spaces it captures are dropped)`
    : `${settingHint}="${lead} ${CODE_PLACEHOLDER}" or ${pattern(`(\\d{${codeLength}})`)}`;
  return `Say which one is the code with ${settingHint}: ${how}; if ${example.code} is the code, ${values}.`;
}

/**
 * The code of a branded mail with no rule set: the one number of exactly
 * `codeLength` digits standing on its own in the mail's text. Not one inside
 * CSS, an attribute or a link (only the mail's words are read), nor part of a
 * date, a time, a phone number, a longer number or an amount, nor one after a
 * reference's label ("Order", "Ticket #", "Tel."). One digit per table cell or
 * span, exactly `codeLength` in a row, is read as one code. Hidden text counts
 * (see visibleWords). Copies of the same code (a preheader, a dark-mode block)
 * are one candidate; none, or two different ones, fail with the candidates,
 * the numbers set aside and the setting that decides.
 *
 * Not guessed, so the setting is the way: a code in groups ("482 913",
 * "482-913"), glued to a word ("Code:482913", "#482913"), or beside a number of
 * the same length that is not labelled (a six-digit postcode) which makes two.
 */
export function extractBrandedCode(mail: MailBody, codeLength = 6, settingHint: string): string {
  const words = visibleWords(mail);
  const { candidates, setAside } = scan(words, codeLength);
  // In the mail's order, each code once where it first stands.
  const ordered = [...candidates].sort((a, b) => a.first - b.first);
  const distinct = ordered.filter((c, i) => ordered.findIndex((o) => o.code === c.code) === i);
  if (distinct.length === 1) return (distinct[0] as Candidate).code;

  if (distinct.length === 0) {
    const asideNote = setAside.length ? ` Set aside: ${setAside.slice(0, 6).join('; ')}.` : '';
    throw new VerificationCodeError(
      `No code in the mail: no number of exactly ${codeLength} digits stands on its own in the mail's text (styles, tags and links left out).${asideNote} ` +
        `${settingAdvice(settingHint, words, codeLength)} The mail reads: ${JSON.stringify(clip(words.map((w) => w.text).join(' '), 300))}`,
    );
  }
  const shown = distinct.map((c) => `${c.code} ("${context(words, c.first, c.last)}")`).join(', ');
  throw new VerificationCodeError(
    `More than one candidate for the code in the mail: ${shown}. Cannot tell which one Cognito sent. ` +
      settingAdvice(settingHint, words, codeLength, distinct),
  );
}
