import { expect, type Page } from '@playwright/test';
import { ActionableError } from '../helpers/errors.js';
import { describeControl, describeField, locate, locateField, roleAndName, type AriaRole, type Control, type Field } from './control.js';

/**
 * A control the description names that the page does not have. Its message
 * says what the page has instead, so the fix is a word or a role in the
 * description, not a search through a trace. The diagnosis reads its name.
 */
export class ControlNotFoundError extends ActionableError {}

/** The roles and accessible names on the page, as its accessibility tree shows them (hidden elements left out, as getByRole leaves them). */
async function rolesAndNames(page: Page): Promise<{ role: string; name: string }[]> {
  const tree = await page
    .locator('body')
    .ariaSnapshot({ timeout: 2_000 })
    .catch(() => '');
  return [...tree.matchAll(/^\s*- (\w+) "((?:[^"\\]|\\.)*)"/gm)].map((m) => ({ role: m[1] as string, name: (m[2] as string).replace(/\\(.)/g, '$1') }));
}

/** How many single-character edits turn one name into the other, case aside. */
function distance(a: string, b: string): number {
  const [s, t] = [a.toLowerCase(), b.toLowerCase()];
  let row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const next = [i];
    for (let j = 1; j <= t.length; j++) next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1));
    row = next;
  }
  return row[t.length] as number;
}

const sameWords = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * What the page has where the description's control was looked for: the same
 * name under another role ("a link named … is on the page; the description
 * says button"), and the nearest names of the role it asked for.
 */
export async function whatIsThere(page: Page, control: Control, role: AriaRole = 'button'): Promise<string> {
  const wanted = roleAndName(control, role);
  if (!wanted) return 'The description finds it with a locator function, which matched nothing here.';
  const seen = await rolesAndNames(page);
  const otherRoles = [...new Set(seen.filter((s) => s.role !== wanted.role && sameWords(s.name, wanted.name)).map((s) => s.role))];
  const sameRole = [...new Set(seen.filter((s) => s.role === wanted.role).map((s) => s.name))].sort((a, b) => distance(a, wanted.name) - distance(b, wanted.name));
  const lines = otherRoles.map(
    (other) =>
      `A ${other} named "${wanted.name}" is on the page; the description says ${wanted.role}: write { role: '${other}', name: '${wanted.name}' } in the description.`,
  );
  lines.push(
    sameRole.length
      ? `The page's ${wanted.role}s, the nearest names first: ${sameRole
          .slice(0, 5)
          .map((name) => `"${name}"`)
          .join(', ')}.`
      : `The page has no ${wanted.role} at all.`,
  );
  return lines.join(' ');
}

/**
 * Waits, as a web-first assertion does, for the control to show; when nothing
 * on the page has its role and name, fails with what is there instead, rather
 * than leaving the click to wait out the test's whole timeout.
 */
export async function expectControl(page: Page, control: Control, role: AriaRole = 'button'): Promise<void> {
  const target = locate(page, control, role);
  try {
    await expect(target.first()).toBeVisible();
  } catch (error) {
    // Present but hidden or covered is another failure, with its own message: this one is for a name or role the page lacks.
    const wanted = roleAndName(control, role);
    const evenHidden = wanted ? page.getByRole(wanted.role, { name: wanted.name, exact: true, includeHidden: true }) : target;
    if ((await evenHidden.count().catch(() => 1)) > 0) throw error;
    throw new ControlNotFoundError(`The page has no ${describeControl(control, role)}, which the page's description names. ${await whatIsThere(page, control, role)}`, {
      cause: error,
    });
  }
}

/** Presses the control once it shows, or fails at once saying what the page has instead. */
export async function press(page: Page, control: Control, role: AriaRole = 'button'): Promise<void> {
  await expectControl(page, control, role);
  await locate(page, control, role).click();
}

/** The roles a form field has in the accessibility tree. */
const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/**
 * Fills the field once it shows; when no element has the description's label,
 * fails at once with the page's fields, the nearest labels first, rather than
 * leaving the fill to wait out the test's whole timeout.
 */
export async function fill(page: Page, field: Field, value: string): Promise<void> {
  const target = locateField(page, field);
  try {
    await expect(target.first()).toBeVisible();
  } catch (error) {
    // A label on the page (its field hidden, or covered) is another failure, with its own message.
    if (typeof field === 'function' || (await target.count().catch(() => 1)) > 0) throw error;
    const labels = [...new Set((await rolesAndNames(page)).filter((s) => FIELD_ROLES.has(s.role)).map((s) => s.name))].sort((a, b) => distance(a, field) - distance(b, field));
    const there = labels.length ? `The page's fields, the nearest labels first: ${labels.slice(0, 5).map((label) => `"${label}"`).join(', ')}.` : 'The page has no field at all.';
    throw new ControlNotFoundError(`The page has no field labelled ${describeField(field)}, which the page's description names. ${there}`, { cause: error });
  }
  await target.fill(value);
}
