import type { PageDescription } from '../description.js';
import { AMPLIFY } from './amplify.js';
import { CUSTOM_FORM } from './custom-form.js';
import { MINIMAL_FORM } from './minimal-form.js';

/**
 * Every UI the suite can drive, by the name SIGNUP_PAGE (or a project's
 * `uiName`) selects: a page's description lives in pages/ui/<name>.ts, and
 * its one line here registers it. The names SIGNUP_PAGE accepts, and their
 * type, come from this map.
 */
export const UIS = {
  amplify: AMPLIFY,
  'custom-form': CUSTOM_FORM,
  'minimal-form': MINIMAL_FORM,
} satisfies Record<string, PageDescription>;

export type UiName = keyof typeof UIS;
export const UI_NAMES = Object.keys(UIS) as UiName[];

/** Where a UI's description is, for the messages that say what to add to it. */
export const descriptionFile = (name: string): string => `pages/ui/${name}.ts`;
