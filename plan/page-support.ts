import { OPTIONAL_CONTROLS, hasControl, hasScreen, type PageDescription } from '../pages/index.js';
import { SCREEN_NAMES, STORY_KEYS, storyRecord, type StoryKey, type StoryRecord, type VariantName } from './stories.js';
import { VARIANTS, type Support } from './story-support.js';

/** How the stack prints a pool's settings: LINK_VERIFICATION_USER_POOL_ID for linkVerification. */
const printedAs = (name: VariantName) => `${name.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}_USER_POOL_ID`;

/**
 * Whether the page under test can tell a story: every screen and control the
 * story's record needs is in the page's description. When one is not, the
 * story is skipped before it opens a page (never left to wait out a timeout
 * for a control the description never named), and the reason says which screen
 * or control the page lacks and which field of which file adds it. A story
 * on a pool of its own kind that the target has beside its main pool (the
 * embedded stack's, in `separatePools`) needs the page to say where it uses
 * that pool.
 */
export function pageSupport(page: { name: string; file: string; description: PageDescription }, record: StoryRecord, separatePools: readonly VariantName[] = []): Support {
  const where = `page '${page.name}'`;
  if (record.pool && separatePools.includes(record.pool) && page.description.pools?.[record.pool] === undefined) {
    return {
      runs: false,
      why:
        `${where} cannot be pointed at another pool: the story needs ${VARIANTS[record.pool].ownPool}, which the stack has beside its main pool ` +
        `(npm run stack prints it as ${printedAs(record.pool)}). Add \`pools.${record.pool}\`, the path, query or URL at which your page uses that pool, to ${page.file}`,
      of: 'page',
    };
  }
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
export function withPageSupport(pool: Record<StoryKey, Support>, page: Parameters<typeof pageSupport>[0], separatePools: readonly VariantName[] = []): Record<StoryKey, Support> {
  return Object.fromEntries(
    STORY_KEYS.map((key) => {
      const onPage = pageSupport(page, storyRecord(key), separatePools);
      return [key, pool[key].runs && !onPage.runs ? onPage : pool[key]];
    }),
  ) as Record<StoryKey, Support>;
}
