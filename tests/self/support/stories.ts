import { STORIES, STORY_FILES, STORY_KEYS } from '../../../plan/stories';

/**
 * How many browser stories the catalogue holds (or the spec files named, e.g.
 * 'link-verification'): the tests of the suite itself count on it, not on a number typed in.
 */
export function storyCount(...specs: string[]): number {
  const unknown = specs.filter((spec) => !STORY_FILES.includes(`${spec}.spec.ts`));
  if (unknown.length) throw new Error(`No story in tests/e2e/${unknown[0]}.spec.ts: the count would be 0 (specs: ${STORY_FILES.join(', ')})`);
  return STORY_KEYS.filter((key) => !specs.length || specs.includes(STORIES[key].file.replace(/\.spec\.ts$/, ''))).length;
}
