import { OPTIONAL_CONTROLS, type PageDescription, type Screens } from '../pages/index.js';
import { SCREEN_NAMES, type StoryRecord } from './stories.js';
import type { Support } from './story-support.js';

/**
 * Whether the page under test can tell a story: every screen and control the
 * story's record needs is in the page's description. When one is not, the
 * story is skipped before it opens a page (never left to wait out a timeout
 * for a control the description never named), and the reason says which screen
 * or control the page lacks and which field of which file adds it.
 */
export function pageSupport(page: { name: string; file: string; description: PageDescription; screens: Screens }, record: StoryRecord): Support {
  const where = `page '${page.name}'`;
  const screen = record.screens?.find((name) => !page.screens[name]);
  if (screen) {
    const { name, add } = SCREEN_NAMES[screen];
    return { runs: false, why: `${where} has no ${name}: add ${add} to ${page.file}` };
  }
  const control = record.controls?.find((name) => !OPTIONAL_CONTROLS[name].has(page.description));
  if (control) {
    return { runs: false, why: `${where} has no control that ${OPTIONAL_CONTROLS[control].does}: add \`${control}\` to ${page.file}` };
  }
  return { runs: true, why: `${where} has every screen and control the story needs` };
}
