import { OPTIONAL_CONTROLS, hasControl, hasScreen, type PageDescription } from '../pages/index.js';
import { SCREEN_NAMES, STORY_KEYS, storyRecord, type StoryKey, type StoryRecord } from './stories.js';
import type { Support } from './story-support.js';

/**
 * Whether the page under test can tell a story: every screen and control the
 * story's record needs is in the page's description. When one is not, the
 * story is skipped before it opens a page (never left to wait out a timeout
 * for a control the description never named), and the reason says which screen
 * or control the page lacks and which field of which file adds it.
 */
export function pageSupport(page: { name: string; file: string; description: PageDescription }, record: StoryRecord): Support {
  const where = `page '${page.name}'`;
  const screen = record.screens?.find((name) => !hasScreen(page.description, name));
  if (screen) {
    const { name, add } = SCREEN_NAMES[screen];
    return { runs: false, why: `${where} has no ${name}: add ${add} to ${page.file}`, of: 'page' };
  }
  const control = record.controls?.find((name) => !hasControl(page.description, name));
  if (control) {
    return { runs: false, why: `${where} has no control that ${OPTIONAL_CONTROLS[control].does}: add \`${control}\` to ${page.file}`, of: 'page' };
  }
  return { runs: true, why: `${where} has every screen and control the story needs` };
}

/** The pool's verdict on each story, with the page's on top: a story runs only when both let it (the doctor's lines, and the mails it plans). */
export function withPageSupport(pool: Record<StoryKey, Support>, page: Parameters<typeof pageSupport>[0]): Record<StoryKey, Support> {
  return Object.fromEntries(
    STORY_KEYS.map((key) => {
      const onPage = pageSupport(page, storyRecord(key));
      return [key, pool[key].runs && !onPage.runs ? onPage : pool[key]];
    }),
  ) as Record<StoryKey, Support>;
}
