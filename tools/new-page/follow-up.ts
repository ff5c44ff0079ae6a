import { SETTING_VARIABLES } from '../../config/settings.js';
import { stackEnv, stackSettings } from '../../local/stack-settings.js';
import { runCommand, runPlaywright } from '../child-run.js';

/** The sign-up story, the one every page must pass. */
export const SIGN_UP_STORY = 'tests/e2e/signup-verification.spec.ts';

/**
 * The environment a run of the new page gets: the developer's own settings
 * (a child run otherwise blanks them, for the suite's tests of itself), the
 * running stack's addresses, and the page: its URL and its description.
 * TEST_TARGET=local sets aside a real-service .env, saying so.
 */
export function pageRunEnv(name: string, url: string, env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const own = Object.fromEntries(SETTING_VARIABLES.filter((variable) => env[variable] !== undefined).map((variable) => [variable, env[variable]]));
  return { CI: undefined, ...own, ...stackEnv(stackSettings(env)), TEST_TARGET: 'local', BASE_URL: url, SIGNUP_PAGE: name };
}

/** The sign-up story against the new page, in a child run: whether it passed, and its last lines when not. */
export async function runSignUpStory(env: Record<string, string | undefined>): Promise<{ passed: boolean; output: string; elapsedMs: number }> {
  const run = await runPlaywright(['--project=local', '--workers=1', SIGN_UP_STORY], env, { timeoutMs: 180_000 });
  return { passed: run.exitCode === 0, output: run.output, elapsedMs: run.elapsedMs };
}

/**
 * Which stories will run against the page and which skip, and why: the
 * doctor's story lines (tools/doctor/story-checks.ts), from a child doctor,
 * which reads the new file as every run will (pages/ui/index.ts finds it by
 * its name when it starts), and each skip's fix under it.
 */
export async function storyLines(env: Record<string, string | undefined>): Promise<{ lines: string[]; failed?: string }> {
  const run = await runCommand('node', ['--import', 'tsx', 'tools/doctor/main.ts'], env, 120_000);
  const all = run.output.split('\n');
  const lines = all.flatMap((line, i) => (/^[✓⚠✗] Stor(?:y|ies) /.test(line) ? [line, ...(all[i + 1]?.startsWith('    →') ? [all[i + 1] as string] : [])] : []));
  if (lines.length) return { lines };
  return { lines, failed: `the doctor listed no stories (exit ${run.exitCode}):\n${all.filter((line) => /^[✗]|failed/.test(line)).join('\n') || run.output.slice(-2_000)}` };
}
