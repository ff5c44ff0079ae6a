/**
 * Every browser story as two shards of two workers at once, against one
 * embedded stack: how the suite behaves where Cognito's request rates, not
 * CPUs, are the limit. For the scale test (tests/self/integration/scale.spec.ts)
 * and the bench, which compare AWS's rates with these lowered ones.
 */
import { QUOTAS_PATH, type QuotaCategory } from '../common/cognito-quotas.js';
import type { QuotaReport } from '../local/cognito/quotas.js';
import { runPlaywright, type CommandRun } from './child-run.js';

/**
 * One or two calls a second, far below AWS's 15 to 30, for the categories only
 * the suite's fixtures call (ListUsers to find and clean up users, the pool's
 * settings): their SDK clients must back off and retry. Two for ListUsers: the
 * stories ask it about once a second on average, and 4 or 5 a second at peaks;
 * each client backs off on its own, so a rate below the average demand would
 * exhaust their retries, here as on AWS. The page's own categories keep AWS's
 * rates: Amplify retries a throttled call only twice, within about 0.7 s, so a
 * rate the page cannot get through in that time fails the story (docs/ci.md, "Scaling across machines").
 */
export const SCALE_RATE_LIMITS: Partial<Record<QuotaCategory, number>> = {
  UserList: 2,
  UserPoolRead: 1,
  UserPoolResourceRead: 1,
  UserPoolClientRead: 1,
};

export interface ScaleRun {
  /** From launching both shards to the end of the later one: each shard's doctor, browsers and stories. */
  seconds: number;
  shards: CommandRun[];
  /** Browser stories passed and failed across both shards. */
  passed: number;
  failed: number;
  /** The emulator's quotas after the run: the calls it throttled, and all its calls by category. */
  quotas: QuotaReport;
  throttled: number;
}

/** Runs the `local` project as 2 shards × 2 workers at once against the stack `env` points at (already running). */
export async function runShardsAtOnce(env: Record<string, string>, cognitoUrl: string): Promise<ScaleRun> {
  const began = performance.now();
  // CI unset: each shard reuses the running stack, as CI runners share one pool. Four browsers on two cores slow every
  // call, and a throttled call waits for its retry: AWS's call budget (6 s) and a minute a test, not the local 2 s and 30 s.
  const shard = (n: number) =>
    runPlaywright(['--project=local', `--shard=${n}/2`, '--workers=2', '--timeout=60000'], { ...env, CI: undefined, COGNITO_CALL_BUDGET_MS: '6000' }, { timeoutMs: 540_000 });
  const shards = await Promise.all([shard(1), shard(2)]);
  const seconds = (performance.now() - began) / 1_000;
  const quotas = (await (await fetch(new URL(QUOTAS_PATH, cognitoUrl))).json()) as QuotaReport;
  const count = (mark: string) => shards.reduce((sum, run) => sum + run.output.split('\n').filter((line) => new RegExp(`${mark} +\\d+ \\[local\\] ›`).test(line)).length, 0);
  return { seconds, shards, passed: count('✓'), failed: count('✘'), quotas, throttled: Object.values(quotas.throttled).reduce((a, b) => a + b, 0) };
}
