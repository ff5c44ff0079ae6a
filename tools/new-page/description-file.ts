import { linkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScreenGuess, Slot, Suggestion, Word } from './guess.js';

/** What the file says, screen by screen: the three of sign-up guessed, the others suggested. */
export interface DescriptionContents {
  name: string;
  url: string;
  signUp: ScreenGuess;
  confirmCode: ScreenGuess;
  confirmed: ScreenGuess;
  suggestions: Suggestion[];
}

/** The exported constant's name: the file's name in capitals, as pages/ui/custom-form.ts exports CUSTOM_FORM. */
export function constantName(name: string): string {
  const upper = name.toUpperCase().replace(/-/g, '_');
  // A name may begin with a digit (`3m-form`); an identifier may not.
  return /^[0-9]/.test(upper) ? `PAGE_${upper}` : upper;
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
const templateOf = (text: string) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

function wordCode(word: Word, email?: string): string {
  if ('label' in word) return quote(word.label);
  if ('control' in word) return word.control.role === 'button' ? quote(word.control.name) : `{ role: '${word.control.role}', name: ${quote(word.control.name)} }`;
  const text = word.textWithEmail;
  const at = email ? text.indexOf(email) : -1;
  return at < 0 ? `() => ${quote(text)}` : `(email) => \`${templateOf(text.slice(0, at))}\${email}${templateOf(text.slice(at + (email?.length ?? 0)))}\``;
}

/** A placeholder the compiler accepts where a required word was not guessed; the TODO line above it says what to write. */
const placeholder = (key: string) => (key === 'text' || key === 'changed' ? "(email) => `TODO ${email}`" : "'TODO'");

/** A screen the page has: one line when every word was guessed, else one entry a line, each guess missing under a `// TODO:` line. */
function screenCode(key: string, guess: ScreenGuess, email: string): string[] {
  const note = guess.note ? [`  // ${guess.note}`] : [];
  const todos = guess.slots.filter((s) => s.todo !== undefined);
  if (!todos.length) return [...note, `  ${key}: { ${guess.slots.map((s) => `${s.key}: ${wordCode(s.word!, email)}`).join(', ')} },`];
  return [
    ...note,
    `  ${key}: {`,
    ...guess.slots.flatMap((s: Slot) => (s.word ? [`    ${s.key}: ${wordCode(s.word, email)},`] : [`    // TODO: ${s.todo}.`, `    ${s.key}: ${placeholder(s.key)},`])),
    '  },',
  ];
}

/** A screen the page may have, commented out: its words where they were seen, '…' where not. */
function suggestionCode(suggestion: Suggestion, email: string): string[] {
  const { key, guess } = suggestion;
  if ('code' in guess) return [`  // ${guess.note}`, `  // ${key}: ${guess.code},`];
  const entries = guess.slots.map((s) => `${s.key}: ${s.word ? wordCode(s.word, email) : s.key === 'text' || s.key === 'changed' ? '(email) => `… ${email}`' : "'…'"}`);
  return [...(guess.note ? [`  // ${guess.note}`] : []), `  // ${key}: { ${entries.join(', ')} },`];
}

/** The file's text: one PageDescription, as pages/ui/custom-form.ts writes one. */
export function renderDescription(contents: DescriptionContents, email: string): string {
  const { name, url } = contents;
  return [
    "import type { PageDescription } from '../description.js';",
    '',
    '/**',
    ` * The sign-up page at ${url.replace(/\*\//g, '*\\/')}, as \`npm run new-page\` saw it on`,
    ` * ${new Date().toISOString().slice(0, 10)}: its sign-up, the mailed code and what follows, from a real sign-up`,
    ' * through the page. The other screens are suggestions from what the page',
    ' * showed: check one, uncomment it, and its stories run (docs/adopting.md).',
    ` * Selected with SIGNUP_PAGE=${name} and BASE_URL=<the page's URL>.`,
    ' */',
    `export const ${constantName(name)}: PageDescription = {`,
    ...screenCode('signUp', contents.signUp, email),
    ...screenCode('confirmCode', contents.confirmCode, email),
    ...screenCode('confirmed', contents.confirmed, email),
    '',
    '  // The screens the page may have beside sign-up: each left out skips the stories that need it, saying so.',
    ...contents.suggestions.flatMap((s) => suggestionCode(s, email)),
    '};',
    '',
  ].join('\n');
}

/** Every entry the file leaves to write, as `screen.entry: why`, for stdout. */
export const todosOf = (contents: DescriptionContents): string[] =>
  (['signUp', 'confirmCode', 'confirmed'] as const).flatMap((key) => contents[key].slots.filter((s) => s.todo !== undefined).map((s) => `${key}.${s.key}: ${s.todo}`));

export class DescriptionExistsError extends Error {
  override name = 'DescriptionExistsError';
}

/**
 * Writes the file whole or not at all: the text goes to a file beside
 * pages/ui/ first (the suite imports every file in pages/ui/, and would read
 * one half-written), then is linked to its name, which fails rather than
 * replace a file written there in the meantime.
 */
export function writeDescription(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), '..', `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DescriptionExistsError(`${file} appeared while the page was being looked at: left as it is.`);
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}
