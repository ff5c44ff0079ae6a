// Every relative link in the README and in docs/ leads somewhere: the file or
// folder it names exists, and an #anchor names a heading of that Markdown file,
// spelled as GitHub spells it. A moved section breaks its links here, not on GitHub.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const root = process.cwd();

/** The Markdown files whose links are checked: the README and every file in docs/. */
const MARKDOWN = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** A Markdown file's lines, with every line of a fenced code block blanked, so line numbers stay true. */
function proseLines(markdown: string): string[] {
  let fence = '';
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = '';
      return '';
    }
    if (marker) fence = marker;
    return marker ? '' : line;
  });
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, each space a hyphen. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings; a repeated one gets -1, -2 …, as on GitHub. */
function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of proseLines(readFileSync(file, 'utf8'))) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count ? `${base}-${count}` : base);
  }
  return anchors;
}

/** Every link of a Markdown file outside code, with its line: inline `[text](target)` and reference `[label]: target`. */
function linksOf(file: string): { line: number; target: string }[] {
  return proseLines(readFileSync(file, 'utf8')).flatMap((text, index) => {
    const line = text.replace(/`[^`]*`/g, 'code');
    const inline = [...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string);
    const reference = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line)?.[1];
    return [...inline, ...(reference ? [reference] : [])].map((target) => ({ line: index + 1, target }));
  });
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with a relative link, or undefined when it leads somewhere. */
function problemWith(source: string, target: string): string | undefined {
  const [filePart = '', anchor] = target.split('#', 2);
  const file = filePart ? path.resolve(root, path.dirname(source), decodeURIComponent(filePart)) : path.resolve(root, source);
  const shown = path.relative(root, file) || '.';
  if (!existsSync(file)) return `there is no ${shown}`;
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md')) return `#${anchor} points into ${shown}, which is not Markdown`;
  const anchors = anchorsOf(file);
  return anchors.has(decodeURIComponent(anchor)) ? undefined : `${shown} has no heading whose anchor is #${anchor} (it has: ${[...anchors].join(', ')})`;
}

test('headings get the anchors GitHub gives them', () => {
  expect(slug('CI, sharding and the merged report')).toBe('ci-sharding-and-the-merged-report');
  expect(slug('`npm run doctor`')).toBe('npm-run-doctor');
  expect(slug('Adding an email flow: the files you touch')).toBe('adding-an-email-flow-the-files-you-touch');
  expect(slug("What's been run where")).toBe('whats-been-run-where');
  expect(slug('2 shards × 2 workers')).toBe('2-shards--2-workers');
  expect(slug('LOCAL_RATE_LIMITS and e-mail')).toBe('local_rate_limits-and-e-mail');
});

test('every relative link in the README and docs/ points to a file that exists, and every #anchor to a heading in it', () => {
  const links = MARKDOWN.flatMap((source) => linksOf(source).map((link) => ({ source, ...link })));
  const relative = links.filter((link) => !isExternal(link.target));
  expect(relative.length, 'relative links found').toBeGreaterThanOrEqual(10);
  const problems = relative.flatMap(({ source, line, target }) => {
    const problem = problemWith(source, target);
    return problem ? [`${source}:${line}: (${target}) ${problem}`] : [];
  });
  expect(problems).toEqual([]);
});
