import { readdirSync } from 'node:fs';
import type { PageDescription } from '../description.js';
import { AMPLIFY } from './amplify.js';
import { CUSTOM_FORM } from './custom-form.js';
import { MINIMAL_FORM } from './minimal-form.js';
import { PORTAL } from './portal.js';

/**
 * The suite's own UIs, named here as well so that its code and tests may use
 * them by name, typed; the suite's tests of itself look at these only, so a
 * team's own file beside them changes none of those tests.
 */
const OWN = {
  amplify: AMPLIFY,
  'custom-form': CUSTOM_FORM,
  'minimal-form': MINIMAL_FORM,
  portal: PORTAL,
} satisfies Record<string, PageDescription>;

export const SUITE_UI_NAMES = Object.keys(OWN) as (keyof typeof OWN)[];

/** A file's export is a description when it has the one screen every page has. */
const isDescription = (value: unknown): value is PageDescription =>
  !!value && typeof value === 'object' && 'signUp' in value && 'confirmCode' in value && 'confirmed' in value;

/**
 * Every pages/ui/<name>.ts but this one, by its file name: a new UI is its
 * description file and nothing else. A file must export exactly one
 * description; one that exports none or two stops the run, saying which.
 */
async function discover(): Promise<Record<string, PageDescription>> {
  const folder = new URL('./', import.meta.url);
  const found: Record<string, PageDescription> = {};
  for (const file of readdirSync(folder).sort()) {
    const name = /^([a-z0-9][a-z0-9-]*)\.ts$/.exec(file)?.[1];
    if (!name || name === 'index') continue;
    // A file removed since the folder was read (a scaffold's self-test cleaning up) is not a page any more.
    const module = await import(new URL(file, folder).href).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!module) continue;
    const descriptions = Object.values(module as Record<string, unknown>).filter(isDescription);
    if (descriptions.length !== 1) {
      throw new Error(
        `pages/ui/${file} exports ${descriptions.length} page descriptions; a file there must export exactly one ` +
          "(an object with signUp, confirmCode and confirmed, typed PageDescription), named by the file: SIGNUP_PAGE=" + name,
      );
    }
    found[name] = descriptions[0]!;
  }
  return found;
}

/**
 * Every UI the suite can drive, by the name SIGNUP_PAGE (or a project's
 * `uiName`) selects: pages/ui/<name>.ts, found by its file name. Nothing to
 * register: the file is the UI.
 */
export const UIS: typeof OWN & Record<string, PageDescription> = { ...(await discover()), ...OWN };

/** A UI's name: one of the suite's own, or the file name of yours in pages/ui/. */
export type UiName = keyof typeof OWN | (string & {});
export const UI_NAMES = Object.keys(UIS);

/** A UI's description by its name; a name with no file stops the run, saying which names there are. */
export function descriptionOf(name: UiName): PageDescription {
  const description = UIS[name];
  if (!description) throw new Error(`There is no page description "${name}": no ${descriptionFile(name)}. The pages described are ${UI_NAMES.join(', ')}.`);
  return description;
}

/** Where a UI's description is, for the messages that say what to add to it. */
export const descriptionFile = (name: string): string => `pages/ui/${name}.ts`;
