import { readdirSync, readFileSync } from 'node:fs';

/**
 * How many browser stories tests/e2e holds (or the spec files named, e.g.
 * 'link-verification'): the tests of the suite itself count on them, not on a number typed in.
 */
export function storyCount(...specs: string[]): number {
  const files = readdirSync('tests/e2e').filter((file) => file.endsWith('.spec.ts'));
  const unknown = specs.filter((spec) => !files.includes(`${spec}.spec.ts`));
  if (unknown.length) throw new Error(`No tests/e2e/${unknown[0]}.spec.ts: the count would be 0 (specs: ${files.join(', ')})`);
  return files
    .filter((file) => !specs.length || specs.includes(file.replace(/\.spec\.ts$/, '')))
    .reduce((sum, file) => sum + (readFileSync(`tests/e2e/${file}`, 'utf8').match(/^\s*test\(/gm)?.length ?? 0), 0);
}
