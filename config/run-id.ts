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
