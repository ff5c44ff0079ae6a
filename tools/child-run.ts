import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SETTING_VARIABLES } from '../config/settings.js';

export interface CommandRun {
  exitCode: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  /** Where a Playwright run put its results and report. */
  outputDir?: string;
  elapsedMs: number;
}

/**
 * The suite's own settings, blanked for a child: a developer's .env (a real
 * pool, their own BASE_URL) must not leak into the suite's tests of itself.
 * Blank, not absent, or the child's dotenv would load them from .env again.
 */
const HERMETIC = Object.fromEntries(SETTING_VARIABLES.map((name) => [name, '']));

/** Runs a command to the end, with the given environment on top of ours, minus the suite's settings. */
export function runCommand(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<Omit<CommandRun, 'outputDir'>> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, FORCE_COLOR: '0', ...HERMETIC, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output: text, elapsedMs: Date.now() - started }));
  });
}

/**
 * Runs `npx playwright test` in a child process, for tests about the suite
 * itself (a configuration, a whole mode, a broken service). Its results and
 * report go to a folder of its own, so the run around it keeps its own.
 */
export async function runPlaywright(
  args: string[],
  env: Record<string, string | undefined>,
  { timeoutMs = 120_000, reporter = 'list' }: { timeoutMs?: number; reporter?: string } = {},
): Promise<CommandRun> {
  const outputDir = mkdtempSync(path.join(tmpdir(), 'nested-playwright-'));
  const run = await runCommand(
    'npx',
    ['playwright', 'test', `--reporter=${reporter}`, `--output=${path.join(outputDir, 'results')}`, ...args],
    { E2E_RUN_ID: undefined, PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(outputDir, 'report'), ...env },
    timeoutMs,
  );
  return { ...run, outputDir };
}

/** The duration the list reporter printed for the first test whose line matches `title`, in ms. */
export function reportedDuration(output: string, title: RegExp): number | undefined {
  const line = output.split('\n').find((l) => title.test(l) && /\((\d+(?:\.\d+)?)(ms|s|m)\)\s*$/.test(l));
  const match = line && /\((\d+(?:\.\d+)?)(ms|s|m)\)\s*$/.exec(line);
  if (!match) return undefined;
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
}
