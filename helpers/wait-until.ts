import { setTimeout as pause } from 'node:timers/promises';

export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

export interface WaitOptions<T> {
  /** Give up after this many milliseconds. */
  timeout: number;
  /** What we are waiting for, in words, for the error. */
  what: string;
  /** How to show the last thing seen, for the error. */
  describe?: (last: T) => string;
}

/**
 * Polls `probe` until `done` holds, with a deadline. The pauses are between
 * probes of the condition (50 ms, doubling to at most 500 ms), never a guess at
 * how long something takes. For APIs that offer no push or long-poll.
 */
export async function waitUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, options: WaitOptions<T>): Promise<T> {
  const started = Date.now();
  let interval = 50;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    const waited = Date.now() - started;
    if (waited >= options.timeout) {
      const seen = options.describe ? `; last seen: ${options.describe(value)}` : '';
      throw new WaitTimeoutError(`Waited ${waited} ms for ${options.what}, in vain${seen}.`);
    }
    await pause(Math.min(interval, options.timeout - waited));
    interval = Math.min(interval * 2, 500);
  }
}
