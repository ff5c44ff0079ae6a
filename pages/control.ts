import type { Locator, Page } from '@playwright/test';
import { ActionableError } from '../helpers/errors.js';

/** An ARIA role, as Playwright's getByRole takes it. */
export type AriaRole = Parameters<Page['getByRole']>[0];

/**
 * A control a user presses or follows: its accessible name alone (the slot's
 * usual role, a button nearly always), a role and a name (`{ role: 'link',
 * name: 'Log in' }`: any ARIA role), or, for the rare control with no
 * accessible name worth the word, a function that finds it.
 */
export type Control = string | { role: AriaRole; name: string } | ((page: Page) => Locator);

/** A form field: its label, or a function that finds it (a field with no label). */
export type Field = string | ((page: Page) => Locator);

/** The role and name a control is looked for by; undefined for a locator function. */
export function roleAndName(control: Control, role: AriaRole = 'button'): { role: AriaRole; name: string } | undefined {
  if (typeof control === 'function') return undefined;
  return typeof control === 'string' ? { role, name: control } : control;
}

/** The control on the page, by role and exact name (or the description's own function). */
export function locate(page: Page, control: Control, role: AriaRole = 'button'): Locator {
  const wanted = roleAndName(control, role);
  return wanted ? page.getByRole(wanted.role, { name: wanted.name, exact: true }) : (control as (page: Page) => Locator)(page);
}

/** The field on the page, by exact label (or the description's own function). */
export function locateField(page: Page, field: Field): Locator {
  return typeof field === 'function' ? field(page) : page.getByLabel(field, { exact: true });
}

/** The control in words, for step titles and errors: `button "Sign in"`, `link "Log in"`. */
export function describeControl(control: Control, role: AriaRole = 'button'): string {
  const wanted = roleAndName(control, role);
  return wanted ? `${wanted.role} "${wanted.name}"` : `the control ${(control as (page: Page) => Locator).name || 'its locator function'} finds`;
}

/** A field in words, for step titles: its label. */
export function describeField(field: Field): string {
  return typeof field === 'function' ? `the field ${field.name || 'its locator function'} finds` : `"${field}"`;
}

/**
 * An optional control a step needs: a story that presses it names it in its
 * record's `controls` (plan/stories.ts), and is skipped on a page without it;
 * one that forgot to is told so here, instead of pressing nothing.
 */
export function needed(control: Control | undefined, field: string): Control {
  if (control === undefined) {
    throw new ActionableError(
      `This step presses \`${field}\`, which the page's description leaves out, and the story was not skipped: add '${field}' to its record's controls in plan/stories.ts.`,
    );
  }
  return control;
}
