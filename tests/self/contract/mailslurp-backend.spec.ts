// Contract tests of the MailSlurp inbox backend against a local STAND-IN for
// MailSlurp's API (tests/self/support/mailslurp-stand-in.ts): this machine cannot reach
// MailSlurp, so these prove our side of the contract, not MailSlurp's.
import { MailSlurpBackend, MailSlurpError } from '../../../helpers/mail/mailslurp';
import { RunLedger } from '../../../helpers/mail/run-ledger';
import { EmailTimeoutError } from '../../../helpers/mail/types';
import { ADDRESS_MARKER } from '../../../helpers/mail/addresses';
import { STAND_IN_API_KEY, expect, test } from '../fixtures';
import type { MailSlurpStandIn } from '../support/mailslurp-stand-in';

const backendFor = (standIn: MailSlurpStandIn, apiKey = STAND_IN_API_KEY, ledger?: RunLedger) =>
  new MailSlurpBackend({ apiKey, basePath: standIn.url, runTag: 'run-contract', backoffMs: 10, ...(ledger ? { ledger } : {}) });

const waitCalls = (standIn: MailSlurpStandIn) =>
  standIn.requests.filter((r) => r.path === '/waitForMatchingFirstEmail').length;

const VERIFICATION = { from: 'no-reply@verificationemail.com', subject: 'Your verification code', body: 'Your verification code is 123456. ' };

test.describe('MailSlurp backend (contract, against a stand-in)', () => {
  test('creates a tagged, expiring inbox on MailSlurp\'s domain', async ({ mailslurpStandIn }) => {
    const backend = backendFor(mailslurpStandIn);
    const inbox = await backend.createInbox('signup test');
    expect(inbox.address).toMatch(new RegExp(`^${ADDRESS_MARKER}.*@mailslurp\\.stand-in\\.test$`));
    expect(backend.created.has(inbox.address)).toBe(true);
    expect(mailslurpStandIn.hasInbox(inbox.address)).toBe(true);
  });

  test('a mail arriving during the wait is returned with its body', async ({ mailslurpStandIn }) => {
    const backend = backendFor(mailslurpStandIn);
    const inbox = await backend.createInbox('arrives');
    const since = new Date();
    const waiting = backend.waitForEmail(inbox, { since, timeout: 10_000 });
    await expect.poll(() => waitCalls(mailslurpStandIn)).toBe(1);
    mailslurpStandIn.deliver({ to: inbox.address, ...VERIFICATION });

    const email = await waiting;
    expect(email).toMatchObject({ to: [inbox.address], from: VERIFICATION.from, subject: VERIFICATION.subject, text: VERIFICATION.body });
    expect(email.receivedAt.getTime()).toBeGreaterThanOrEqual(since.getTime());
  });

  test('a mail this test already has is never returned again', async ({ mailslurpStandIn }) => {
    const backend = backendFor(mailslurpStandIn);
    const inbox = await backend.createInbox('twice');
    mailslurpStandIn.deliver({ to: inbox.address, ...VERIFICATION });
    const first = await backend.waitForEmail(inbox, { since: new Date(), timeout: 5_000 });

    // Within the clock-skew allowance the first mail matches again; the exclusion skips it.
    const since = new Date();
    const second = backend.waitForEmail(inbox, { since, timeout: 10_000, excludeIds: new Set([first.id]) });
    await expect.poll(() => waitCalls(mailslurpStandIn)).toBeGreaterThanOrEqual(3);
    mailslurpStandIn.deliver({ to: inbox.address, ...VERIFICATION, body: 'Your verification code is 654321. ' });
    expect((await second).text).toContain('654321');
  });

  test('a 408 is the answer "no mail": not retried, and the error says what the inbox holds', async ({ mailslurpStandIn }) => {
    const backend = backendFor(mailslurpStandIn);
    const inbox = await backend.createInbox('timeout');
    const error = await backend.waitForEmail(inbox, { since: new Date(), timeout: 1_500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailTimeoutError);
    expect((error as Error).message).toMatch(
      new RegExp(`^No email reached ${inbox.address} at MailSlurp at http://127\\.0\\.0\\.1:\\d+ in \\d+ ms \\(waited for: to ${inbox.address}, received since .+\\)\\. The inbox holds: nothing at all\\.$`),
    );
    expect(waitCalls(mailslurpStandIn)).toBe(1);
  });

  test('a 429 is retried, and the mail still arrives', async ({ mailslurpStandIn }) => {
    const backend = backendFor(mailslurpStandIn);
    const inbox = await backend.createInbox('rate limited');
    mailslurpStandIn.failNext('/waitForMatchingFirstEmail', 429, 2, { 'retry-after': '0' });
    mailslurpStandIn.deliver({ to: inbox.address, ...VERIFICATION });
    const email = await backend.waitForEmail(inbox, { since: new Date(), timeout: 10_000 });
    expect(email.subject).toBe(VERIFICATION.subject);
    expect(waitCalls(mailslurpStandIn)).toBe(3);
  });

  test('a 500 is retried, and the call succeeds', async ({ mailslurpStandIn }) => {
    const backend = backendFor(mailslurpStandIn);
    mailslurpStandIn.failNext('/inboxes/withOptions', 500, 1);
    const inbox = await backend.createInbox('server error');
    expect(mailslurpStandIn.hasInbox(inbox.address)).toBe(true);
    expect(mailslurpStandIn.requests.filter((r) => r.path === '/inboxes/withOptions')).toHaveLength(2);
  });

  test('rate limiting that never ends fails after the last attempt, and says so', async ({ mailslurpStandIn }) => {
    const backend = backendFor(mailslurpStandIn);
    mailslurpStandIn.failNext('/inboxes/withOptions', 429, 10);
    const error = await backend.createInbox('always limited').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSlurpError);
    expect((error as Error).message).toMatch(/kept rate-limiting us \(HTTP 429\) when asked to create an inbox after 4 attempts over \d+ ms: stand-in fault 429\. Run fewer workers/);
  });

  test('a bad key (401) fails at once, names the variable, and never shows the key', async ({ mailslurpStandIn }) => {
    const wrongKey = 'wrong-key-abcdefghijklmnop';
    const backend = backendFor(mailslurpStandIn, wrongKey);
    const error = await backend.createInbox('bad key').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSlurpError);
    expect((error as MailSlurpError).status).toBe(401);
    expect((error as Error).message).toMatch(
      /^MailSlurp at http:\/\/127\.0\.0\.1:\d+ rejected the API key \(HTTP 401\) when asked to create an inbox: Unauthorized: invalid API key\. Check MAILSLURP_API_KEY in \.env, or the CI secret of that name\.$/,
    );
    expect((error as Error).message).not.toContain(wrongKey);
    expect(mailslurpStandIn.requests).toHaveLength(1);
  });

  test('an unreachable MailSlurp says where it tried', async ({ mailslurpStandIn }) => {
    const url = mailslurpStandIn.url;
    await mailslurpStandIn.stop();
    const backend = new MailSlurpBackend({ apiKey: STAND_IN_API_KEY, basePath: url, runTag: 'x', backoffMs: 10 });
    const error = await backend.createInbox('nowhere').catch((e: unknown) => e);
    expect((error as Error).message).toBe(`MailSlurp at ${url} could not be reached to create an inbox: fetch failed (ECONNREFUSED).`);
  });

  test('the end-of-run sweep deletes what the ledger says is left, and a tagged stray, and nothing of another run', async ({ mailslurpStandIn }, testInfo) => {
    const ledger = new RunLedger(testInfo.outputPath('ledger.jsonl'));
    const thisRun = backendFor(mailslurpStandIn, STAND_IN_API_KEY, ledger);
    const otherRun = new MailSlurpBackend({ apiKey: STAND_IN_API_KEY, basePath: mailslurpStandIn.url, runTag: 'run-other' });
    const kept = await otherRun.createInbox('other run');
    const dropped = await thisRun.createInbox('dropped');
    const left1 = await thisRun.createInbox('left behind 1');
    const left2 = await thisRun.createInbox('left behind 2');
    // A worker that crashed between creating an inbox and noting it: tagged with the run, absent from the ledger.
    const stray = mailslurpStandIn.addInbox(`${ADDRESS_MARKER}-stray`, ['run-contract']);

    await thisRun.deleteInbox(dropped);
    expect(mailslurpStandIn.hasInbox(dropped.address)).toBe(false);
    expect(ledger.read().left).toEqual([left1, left2]);
    expect(await thisRun.sweepRun(ledger)).toEqual({ deleted: 3 });
    expect(mailslurpStandIn.hasInbox(stray)).toBe(false);
    expect(mailslurpStandIn.inboxCount()).toBe(1);
    expect(mailslurpStandIn.hasInbox(kept.address)).toBe(true);
  });

  test('a MailSlurp answer that ignores the tag filter does not empty the account', async ({ mailslurpStandIn }, testInfo) => {
    const ledger = new RunLedger(testInfo.outputPath('ledger.jsonl'));
    const thisRun = backendFor(mailslurpStandIn, STAND_IN_API_KEY, ledger);
    const colleagues = [mailslurpStandIn.addInbox('qa-manual-1'), mailslurpStandIn.addInbox(`${ADDRESS_MARKER}-another-run`, ['run-2026-11-01-aaaa'])];
    const left = await thisRun.createInbox('left behind');
    mailslurpStandIn.ignoreTagFilter = true;

    const sweep = await thisRun.sweepRun(ledger);
    expect(sweep.deleted).toBe(1);
    expect(sweep.refused).toMatch(/answered the filter "tag run-contract" with 2 inbox\(es\) that do not carry the tag; the sweep deleted only what the run's ledger names/);
    expect(mailslurpStandIn.hasInbox(left.address)).toBe(false);
    for (const address of colleagues) expect(mailslurpStandIn.hasInbox(address)).toBe(true);
  });

  test('an inbox whose address lacks the marker is deleted again, and the test is told why', async ({ mailslurpStandIn }) => {
    mailslurpStandIn.honourPrefix = false;
    const error = await backendFor(mailslurpStandIn).createInbox('no prefix').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/created the inbox \S+@mailslurp\.stand-in\.test, which does not start with "cse2e" although we asked for that prefix/);
    expect(mailslurpStandIn.inboxCount()).toBe(0);
  });
});
