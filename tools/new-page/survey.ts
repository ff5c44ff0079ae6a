import type { Locator, Page } from '@playwright/test';
import { locate } from '../../pages/control.js';
import { waitUntil, WaitTimeoutError } from '../../helpers/wait-until.js';

/** A control as a description writes it: a button by its name, any other role with it. */
export interface SeenControl {
  role: 'button' | 'link' | 'tab';
  name: string;
  /** A button that submits its form: pressing it while exploring would send the form. */
  submits?: boolean;
}

/** What one screen of the page shows, by role and accessible name, as the accessibility tree has it. */
export interface ScreenSurvey {
  headings: string[];
  /** Form fields by their accessible name (their label, as getByLabel finds them). */
  fields: string[];
  controls: SeenControl[];
  /** The tree's text, line by line (paragraphs, plain text), for what a screen says. */
  texts: string[];
  /** The whole tree, to tell one screen from another. */
  tree: string;
}

const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);
const CONTROL_ROLES = new Set(['button', 'link', 'tab']);

/** `- role "name" [attributes]` or `- role "name":`, as Playwright's aria snapshot writes a node. */
const NODE = /^\s*- (\w+)(?: "((?:[^"\\]|\\.)*)")?/;
/** `- text: …` or `- paragraph: …`: a node whose text follows it on the line. */
const TEXT = /^\s*- (?:text|paragraph|status|alert|strong|emphasis|listitem|cell): (.+)$/;

const unquote = (name: string) => name.replace(/\\(.)/g, '$1');
/** A text the snapshot wrote as a YAML string ("…" when it holds a colon or a quote). */
const plainText = (text: string) => (/^".*"$/.test(text) ? unquote(text.slice(1, -1)) : text);

/** The screen's tree, '' while the page navigates (the snapshot of a page being replaced fails). */
export async function treeOf(page: Page): Promise<string> {
  return page
    .locator('body')
    .ariaSnapshot({ timeout: 2_000 })
    .catch(() => '');
}

/** What the screen shows now, read from its accessibility tree (hidden elements are not in it, as getByRole leaves them out). */
export async function surveyScreen(page: Page, tree?: string): Promise<ScreenSurvey> {
  const snapshot = tree ?? (await treeOf(page));
  const survey: ScreenSurvey = { headings: [], fields: [], controls: [], texts: [], tree: snapshot };
  for (const line of snapshot.split('\n')) {
    const text = TEXT.exec(line)?.[1];
    if (text) survey.texts.push(plainText(text.trim()));
    const node = NODE.exec(line);
    if (!node || node[2] === undefined) continue;
    const [role, name] = [node[1] as string, unquote(node[2])];
    if (role === 'heading') survey.headings.push(name);
    else if (FIELD_ROLES.has(role)) survey.fields.push(name);
    else if (CONTROL_ROLES.has(role)) survey.controls.push({ role: role as SeenControl['role'], name });
  }
  for (const control of survey.controls.filter((c) => c.role === 'button')) {
    control.submits = await submitsAForm(locate(page, control));
  }
  return survey;
}

async function submitsAForm(button: Locator): Promise<boolean> {
  // Read from the element: the accessibility tree does not say which button submits its form.
  return button
    .first()
    .evaluate((element) => element instanceof HTMLButtonElement && element.type === 'submit' && element.form !== null, undefined, { timeout: 2_000 })
    .catch(() => false);
}

/**
 * Waits for the screen to change from `before` and then hold still (two
 * looks alike in a row), for the screen a click or a submit leads to; the
 * tree as it then is. `until`, when given, is what the new screen must show.
 */
export async function nextScreen(page: Page, before: string, { timeout, until }: { timeout: number; until?: (tree: string) => boolean }): Promise<string> {
  let previous = '';
  const settled = await waitUntil(
    async () => {
      const tree = await treeOf(page);
      const still = tree === previous;
      previous = tree;
      return { tree, still };
    },
    ({ tree, still }) => still && tree !== '' && tree !== before && (until ? until(tree) : true),
    { timeout, what: 'the page to show another screen and hold still', describe: ({ tree }) => (tree === before ? 'the same screen as before' : tree.split('\n').slice(0, 12).join(' | ')) },
  );
  return settled.tree;
}

/** Whether the screen changed after a click, within `timeout`: the new tree, or undefined when it stayed as it was. */
export async function screenAfter(page: Page, before: string, timeout: number): Promise<string | undefined> {
  try {
    return await nextScreen(page, before, { timeout });
  } catch (error) {
    if (error instanceof WaitTimeoutError) return undefined;
    throw error;
  }
}

/** A control in the form a description writes: a bare name for a button, `{ role, name }` otherwise. */
export const controlText = (control: SeenControl): string => (control.role === 'button' ? JSON.stringify(control.name) : `${control.role} ${JSON.stringify(control.name)}`);

/** The screen in a few lines, for stdout. */
export function formatScreen(survey: ScreenSurvey, indent = '  '): string {
  const list = (items: string[]) => (items.length ? items.map((item) => JSON.stringify(item)).join(', ') : '(none)');
  const byRole = (role: SeenControl['role']) => survey.controls.filter((c) => c.role === role).map((c) => c.name);
  return [
    `${indent}headings: ${list(survey.headings)}`,
    `${indent}fields:   ${list(survey.fields)}`,
    `${indent}buttons:  ${list(byRole('button'))}`,
    `${indent}links:    ${list(byRole('link'))}`,
    `${indent}tabs:     ${list(byRole('tab'))}`,
  ].join('\n');
}
