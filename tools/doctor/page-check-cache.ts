import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckResult } from './check-result.js';

/**
 * The page check opens a browser, most of the doctor's time on a warm run, to
 * learn what rarely changes: that the page shows the sign-up form the page
 * object expects. Its pass is kept, keyed by everything it depends on: the URL,
 * the page object's words, the page's HTML and the scripts and styles the HTML
 * names (a new build of an app bundles under new names, and a dev server's
 * entry changes with its code). Any change, or no pass on record, and the
 * browser opens again; a failure is never kept. The stories check the same
 * words on every screen, so a change the key cannot see (a module deep behind
 * a dev server's entry) still fails, in the first story, with the words it missed.
 */
export const PAGE_CHECK_CACHE = join('node_modules', '.cache', 'cognito-signup-e2e', 'doctor-page-check.json');

interface Kept {
  key: string;
  result: CheckResult;
  at: string;
}

/** The page's HTML and the assets it names, fetched (from loopback, for the demo app: a few milliseconds); undefined when any of them cannot be read. */
async function pageFingerprint(url: string): Promise<string | undefined> {
  try {
    const answer = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!answer.ok) return undefined;
    const html = await answer.text();
    const hash = createHash('sha256').update(html);
    const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((asset) => !/^(data|https?:\/\/(?!localhost|127\.))/.test(asset));
    for (const asset of assets) {
      const body = await fetch(new URL(asset, answer.url), { signal: AbortSignal.timeout(5_000) });
      if (!body.ok) return undefined;
      hash.update(asset).update(new Uint8Array(await body.arrayBuffer()));
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * The page check's result: kept from an earlier run when nothing it depends on
 * changed (said so in its detail), run afresh otherwise. `file` is for the tests.
 */
export async function keptPageCheck(url: string, words: unknown, run: () => Promise<CheckResult>, file = PAGE_CHECK_CACHE): Promise<CheckResult> {
  const fingerprint = await pageFingerprint(url);
  const key = fingerprint && createHash('sha256').update(JSON.stringify({ url, words, fingerprint }, (_, value: unknown) => (typeof value === 'function' ? String(value) : value))).digest('hex');
  const passes = read(file);
  const kept = key ? passes.find((pass) => pass.key === key) : undefined;
  if (kept && kept.result.status === 'ok') {
    return { ...kept.result, detail: `unchanged since ${kept.at} (page, build and words), so not opened again; ${kept.result.detail ?? ''}`.replace(/; $/, '') };
  }
  const result = await run();
  // Several pages' passes side by side (the two local UIs, a branded stack, your own page), the latest few.
  if (result.status === 'ok' && key) write(file, [{ key, result, at: new Date().toISOString() }, ...passes.filter((pass) => pass.key !== key)].slice(0, KEPT_PASSES));
  // A failure is never kept, and clears every pass on record, so the next runs look again.
  else rmSync(file, { force: true });
  return result;
}

const KEPT_PASSES = 8;

function read(file: string): Kept[] {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    // A file from before passes were kept side by side holds one: it is read as none, and the browser opens once.
    return Array.isArray(kept) ? (kept as Kept[]) : [];
  } catch {
    return [];
  }
}

function write(file: string, kept: Kept[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and renamed: two runs at once (shards, self-tests) never read half a file.
    const aside = `${file}.${process.pid}`;
    writeFileSync(aside, JSON.stringify(kept, null, 2));
    renameSync(aside, file);
  } catch {
    // A cache that cannot be written costs the next run a browser, nothing more.
  }
}
