import { test } from '@playwright/test';

/** How one iteration of a re-run pattern ended. */
export type Outcome = 'confirmed' | 'wrong code' | 'no code' | 'failed';

/** Timings of one flow, attached to its result for `npm run bench` to read. */
export interface FlowTimings {
  /** The flow's own span: see each bench file for its start and end points. */
  flowMs: number;
  /** Click on "Create Account" to the code in the test's hands. */
  clickToCodeMs?: number;
  /** The email's MailDev id and when the test had it (epoch ms), to join with the catcher's log. */
  emailId?: string;
  seenAt?: number;
  outcome?: Outcome;
  /** The test's duration minus its body: what the fixtures cost (set-up and teardown). */
  bodyMs?: number;
}

export const record = (timings: FlowTimings) =>
  test.info().attach('bench', { body: JSON.stringify(timings), contentType: 'application/json' });
