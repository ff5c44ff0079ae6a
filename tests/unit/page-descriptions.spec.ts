// What the no-false-pass check of tests/self/integration/own-page.spec.ts
// rests on: the page it serves is driven by a description none of whose words
// another UI shows, so a run that drove another page (the demo app, say)
// fails at its first control, heading or label, never passes.
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SUITE_UI_NAMES, descriptionOf, type PageDescription } from '../../pages';

const SAMPLE_EMAIL = 'someone@example.test';

/** Every name, label, heading and text a description looks for on the page, in the new format's every shape. */
function wordsOf(description: PageDescription): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (['path', 'role', 'screens'].includes(key)) return;
    if (typeof value === 'string') found.push(value);
    else if (typeof value === 'function') found.push(String(value.length === 1 ? (value as (email: string) => string)(SAMPLE_EMAIL) : ''));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(description);
  return found.filter(Boolean);
}

// The pages the self-tests serve themselves, each of which a run must not pass by driving another.
for (const [name, sample] of [
  ['minimal-form', ['Register', 'Mail me a new code', 'Enter the code', `Verified ${SAMPLE_EMAIL}.`]],
  ['portal', ['Open my account', 'Send the code again', 'Have an account? Log in', 'Finish sign-in', `Ready for ${SAMPLE_EMAIL}.`]],
] as const) {
  test(`no word the ${name} page's description looks for is another UI's`, () => {
    const own = wordsOf(descriptionOf(name));
    expect(own, 'its controls by role and name, labels, headings and texts').toEqual(expect.arrayContaining([...sample]));
    // The scaffold's self-test (tests/self/integration/new-page.spec.ts) writes, for a minute, a description of the minimal page: its words.
    for (const other of SUITE_UI_NAMES.filter((candidate) => candidate !== name)) {
      const theirs = new Set(wordsOf(descriptionOf(other)).map((word) => word.toLowerCase()));
      expect(own.filter((word) => theirs.has(word.toLowerCase())), `words shared with ${other}`).toEqual([]);
    }
  });
}

test("the stories expect Cognito's words for its errors, never one UI's own: a page's own words live in its description's `errors`", () => {
  const stories = readdirSync('tests/e2e').map((file) => [file, readFileSync(`tests/e2e/${file}`, 'utf8')] as const);
  const uiWords = SUITE_UI_NAMES.flatMap((name) => Object.values(descriptionOf(name).errors ?? {}).map((words) => ({ name, words })));
  expect(uiWords.map(({ words }) => words), "the Authenticator's own words for a wrong sign-in code").toContain('The verification code you entered is incorrect. Please try again.');
  const found = stories.flatMap(([file, text]) => uiWords.filter(({ words }) => text.includes(words)).map(({ name, words }) => `${file}: "${words}" (${name}'s)`));
  expect(found, 'expect COGNITO_ERRORS.<key>.message instead; the page\'s description says how it words it').toEqual([]);
});
