import { test } from '@playwright/test';

/** Timings of one flow, attached to its result for `npm run bench` to read. */
export interface FlowTimings {
  /** Page opened to account confirmed (UI and Cognito). */
  flowMs: number;
  /** Click on "Create Account" to the code in the test's hands. */
  clickToCodeMs?: number;
  /** The email's MailDev id and when the test had it (epoch ms), to join with the catcher's log. */
  emailId?: string;
  seenAt?: number;
}

export const record = (timings: FlowTimings) =>
  test.info().attach('bench', { body: JSON.stringify(timings), contentType: 'application/json' });
