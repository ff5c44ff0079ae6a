import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PlaywrightRun {
  exitCode: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

/**
 * Runs `npx playwright test` in a child process, for tests about the suite
 * itself (a configuration, a whole mode). Its results go to a folder of its
 * own, so the run around it keeps its report.
 */
export function runPlaywright(args: string[], env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<PlaywrightRun> {
  const output = mkdtempSync(path.join(tmpdir(), 'nested-playwright-'));
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['playwright', 'test', '--reporter=list', `--output=${output}`, ...args], {
      env: { ...process.env, E2E_RUN_ID: undefined, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output: text }));
  });
}
