import { randomBytes } from 'node:crypto';

/**
 * One ID for the whole test run, shared by the main process and its workers
 * (they inherit the environment it sets), different for every run and shard.
 * Inboxes are tagged with it so the end of the run can sweep up after a crash.
 * CI may set E2E_RUN_ID itself, so that a cleanup step after a cancelled job
 * knows which run to sweep (`npm run janitor -- --run <id> --delete`).
 */
export function runId(): string {
  process.env.E2E_RUN_ID ||= `${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  return process.env.E2E_RUN_ID;
}

export const runTagOf = (id: string) => `run-${id}`;
export const runTag = () => runTagOf(runId());

/** Playwright's --shard, as its configuration reports it (`config.shard`): null when the run is not sharded. */
export type Shard = { current: number; total: number } | null;

/**
 * The tag of one shard's part of a run: its inboxes carry it beside the run's
 * tag, its ledger is named after it, and its end-of-run sweep looks for it, so
 * two shards with one E2E_RUN_ID on one machine neither sweep each other's
 * inboxes nor remove each other's records. The run's own tag when the run is
 * not sharded.
 */
export const shardTagOf = (runTag: string, shard: Shard) => (shard ? `${runTag}-shard-${shard.current}-of-${shard.total}` : runTag);
