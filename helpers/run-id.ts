import { randomBytes } from 'node:crypto';

/**
 * One ID for the whole test run, shared by the main process and its workers
 * (they inherit the environment it sets), different for every run and shard.
 * Inboxes are tagged with it so the end of the run can sweep up after a crash.
 */
export function runId(): string {
  process.env.E2E_RUN_ID ||= `${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  return process.env.E2E_RUN_ID;
}

export const runTag = () => `run-${runId()}`;
