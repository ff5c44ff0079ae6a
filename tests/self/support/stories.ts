import { readdirSync, readFileSync } from 'node:fs';

/** How many browser stories tests/e2e holds: the tests of the suite itself count on them, not on a number typed in. */
export function storyCount(): number {
  return readdirSync('tests/e2e')
    .filter((file) => file.endsWith('.spec.ts'))
    .reduce((sum, file) => sum + (readFileSync(`tests/e2e/${file}`, 'utf8').match(/^\s*test\(/gm)?.length ?? 0), 0);
}
