// Contract tests of the MailSlurp inbox backend against a local STAND-IN for
// MailSlurp's API (tests/self/support/mailslurp-stand-in.ts): this machine cannot reach
// MailSlurp, so these prove our side of the contract, not MailSlurp's.
import { appendFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { MailSlurpBackend, MailSlurpError } from '../../../helpers/mail/mailslurp';
import { RunLedger } from '../../../helpers/mail/run-ledger';
import { EmailTimeoutError } from '../../../helpers/mail/types';
import { ADDRESS_MARKER } from '../../../helpers/mail/addresses';
import { shardTagOf } from '../../../config/run-id';
import { runCommand } from '../../../tools/child-run';
import { STAND_IN_API_KEY, expect, standInRemoteEnv, test } from '../fixtures';
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
    const ledger = RunLedger.forRun('run-contract', testInfo.outputPath());
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
    expect(await thisRun.sweepRun(ledger)).toEqual({ deleted: 3, warnings: [] });
    expect(mailslurpStandIn.hasInbox(stray)).toBe(false);
    expect(mailslurpStandIn.inboxCount()).toBe(1);
    expect(mailslurpStandIn.hasInbox(kept.address)).toBe(true);
  });

  test('the ledger lives in a private folder of this user, one file per run and shard, readable by its owner only', async ({ mailslurpStandIn }, testInfo) => {
    const ledger = RunLedger.forRun(shardTagOf('run-contract', { current: 2, total: 4 }), testInfo.outputPath());
    await backendFor(mailslurpStandIn, STAND_IN_API_KEY, ledger).createInbox('noted');
    expect(path.basename(ledger.file)).toBe('run-contract-shard-2-of-4.jsonl');
    expect(path.basename(path.dirname(ledger.file))).toBe(`cognito-signup-e2e-${process.getuid?.()}`);
    expect(statSync(path.dirname(ledger.file)).mode & 0o777).toBe(0o700);
    expect(statSync(ledger.file).mode & 0o777).toBe(0o600);
  });

  test('the sweep checks every inbox the ledger names: one not of this run, and a line it cannot read, are left alone with a warning, and the rest still goes', async ({
    mailslurpStandIn,
  }, testInfo) => {
    const ledger = RunLedger.forRun('run-contract', testInfo.outputPath());
    const thisRun = backendFor(mailslurpStandIn, STAND_IN_API_KEY, ledger);
    const left = await thisRun.createInbox('left behind');
    // Written into the ledger by hand, or by a bug: a colleague's inbox, another run's, one under another address, and lines that are no entry.
    const colleague = mailslurpStandIn.addInbox('qa-manual-1');
    const otherRun = mailslurpStandIn.addInbox(`${ADDRESS_MARKER}-another-run`, ['run-2026-11-01-aaaa', 'cognito-signup-e2e']);
    const renamed = mailslurpStandIn.addInbox('qa-manual-2', ['run-contract']);
    const line = (id: string, address: string) => `${JSON.stringify({ event: 'created', id, address })}\n`;
    appendFileSync(ledger.file, line(mailslurpStandIn.inboxId(colleague), colleague));
    appendFileSync(ledger.file, '{"event":"created","id":"0b3c7e9a-55f1\n');
    appendFileSync(ledger.file, '{"event":"created","address":"cse2e-x@mailslurp.stand-in.test"}\n');
    appendFileSync(ledger.file, line(mailslurpStandIn.inboxId(otherRun), otherRun));
    appendFileSync(ledger.file, line(mailslurpStandIn.inboxId(renamed), `${ADDRESS_MARKER}-looks-ours@${mailslurpStandIn.domain}`));
    appendFileSync(ledger.file, line('no-such-inbox', `${ADDRESS_MARKER}-long-gone@${mailslurpStandIn.domain}`));

    const sweep = await thisRun.sweepRun(ledger);
    expect(sweep.deleted).toBe(1);
    expect(sweep.refused).toBeUndefined();
    expect(sweep.warnings).toEqual([
      "the ledger's line 3: not JSON: skipped",
      "the ledger's line 4: no inbox id: skipped",
      `the ledger names inbox ${mailslurpStandIn.inboxId(colleague)} (${colleague}), but its address does not start with "${ADDRESS_MARKER}": left alone`,
      `the ledger names inbox ${mailslurpStandIn.inboxId(otherRun)} (${otherRun}), but it does not carry the tag run-contract: left alone`,
      `the ledger names inbox ${mailslurpStandIn.inboxId(renamed)} (${ADDRESS_MARKER}-looks-ours@${mailslurpStandIn.domain}), but MailSlurp knows it as ${renamed}: left alone`,
    ]);
    expect(mailslurpStandIn.hasInbox(left.address)).toBe(false);
    for (const address of [colleague, otherRun, renamed]) expect(mailslurpStandIn.hasInbox(address)).toBe(true);
  });

  test('two shards of one run on one machine: each sweeps only its own inboxes, and neither loses the other\'s records', async ({ mailslurpStandIn }, testInfo) => {
    const shard = (current: number) => {
      const shardTag = shardTagOf('run-contract', { current, total: 2 });
      const ledger = RunLedger.forRun(shardTag, testInfo.outputPath());
      return { ledger, backend: new MailSlurpBackend({ apiKey: STAND_IN_API_KEY, basePath: mailslurpStandIn.url, runTag: 'run-contract', shardTag, ledger }) };
    };
    const [first, second] = [shard(1), shard(2)];
    expect(first.ledger.file).not.toBe(second.ledger.file);
    const crashed = await first.backend.createInbox('left by a crashed worker of shard 1');
    // Shard 2 is still running: its inboxes are in use, and one of its workers has not noted its inbox yet.
    const inUse = [await second.backend.createInbox('in use 1'), await second.backend.createInbox('in use 2')];
    const unnoted = mailslurpStandIn.addInbox(`${ADDRESS_MARKER}-unnoted`, ['run-contract', 'run-contract-shard-2-of-2', 'cognito-signup-e2e']);

    expect(await first.backend.sweepRun(first.ledger)).toEqual({ deleted: 1, warnings: [] });
    first.ledger.remove();
    expect(mailslurpStandIn.hasInbox(crashed.address)).toBe(false);
    for (const inbox of inUse) expect(mailslurpStandIn.hasInbox(inbox.address)).toBe(true);
    expect(mailslurpStandIn.hasInbox(unnoted)).toBe(true);
    expect(second.ledger.read().left).toEqual(inUse);

    // The run's tag is on every shard's inboxes: the janitor's --run still finds them all.
    expect((await second.backend.findInboxRecords({ runTag: 'run-contract' })).map((r) => r.address).sort()).toEqual([...inUse.map((i) => i.address), unnoted].sort());
    expect(await second.backend.sweepRun(second.ledger)).toEqual({ deleted: 3, warnings: [] });
    expect(mailslurpStandIn.inboxCount()).toBe(0);
  });

  test("each shard's global teardown sweeps its own ledger, in a private folder under TMPDIR; a line it cannot read is named, the rest swept, and that ledger kept", async ({
    mailslurpStandIn,
    target,
  }, testInfo) => {
    const tmp = testInfo.outputPath('tmp');
    const runTag = 'run-teardown-contract';
    const shard = (current: number) => {
      const shardTag = shardTagOf(runTag, { current, total: 2 });
      const ledger = RunLedger.forRun(shardTag, tmp);
      return { ledger, backend: new MailSlurpBackend({ apiKey: STAND_IN_API_KEY, basePath: mailslurpStandIn.url, runTag, shardTag, ledger }) };
    };
    const [first, second] = [shard(1), shard(2)];
    const left = await first.backend.createInbox('left by a crashed worker of shard 1');
    const other = await second.backend.createInbox('left by a crashed worker of shard 2');
    appendFileSync(first.ledger.file, '{"event":"created","id":\n');
    const teardown = (current: number) =>
      runCommand('node', ['--import', 'tsx', '-e', `import('./config/global-teardown.ts').then((m) => m.default({ shard: { current: ${current}, total: 2 } }))`], {
        ...standInRemoteEnv(target, { url: mailslurpStandIn.url, apiKey: STAND_IN_API_KEY }),
        E2E_RUN_ID: 'teardown-contract',
        TMPDIR: tmp,
      });

    const one = await teardown(1);
    expect(one.exitCode, one.output).toBe(0);
    expect(one.output).toContain(`Deleted 1 MailSlurp inbox(es) left behind by this run (${runTag}-shard-1-of-2).`);
    expect(one.output).toContain("End-of-run sweep: the ledger's line 2: not JSON: skipped.");
    expect(one.output).toContain(`The ledger is kept: ${first.ledger.file}`);
    expect(mailslurpStandIn.hasInbox(left.address)).toBe(false);
    expect(mailslurpStandIn.hasInbox(other.address)).toBe(true);
    expect(existsSync(first.ledger.file)).toBe(true);

    const two = await teardown(2);
    expect(two.output).toContain(`Deleted 1 MailSlurp inbox(es) left behind by this run (${runTag}-shard-2-of-2).`);
    expect(two.output).not.toContain('End-of-run sweep');
    expect(mailslurpStandIn.inboxCount()).toBe(0);
    expect(existsSync(second.ledger.file)).toBe(false);
  });

  test('a MailSlurp answer that ignores the tag filter does not empty the account', async ({ mailslurpStandIn }, testInfo) => {
    const ledger = RunLedger.forRun('run-contract', testInfo.outputPath());
    const thisRun = backendFor(mailslurpStandIn, STAND_IN_API_KEY, ledger);
    const colleagues = [mailslurpStandIn.addInbox('qa-manual-1'), mailslurpStandIn.addInbox(`${ADDRESS_MARKER}-another-run`, ['run-2026-11-01-aaaa'])];
    const left = await thisRun.createInbox('left behind');
    mailslurpStandIn.ignoreTagFilter = true;

    const sweep = await thisRun.sweepRun(ledger);
    expect(sweep.deleted).toBe(1);
    expect(sweep.refused).toMatch(/answered the filter "tag run-contract" with 2 inbox\(es\) that do not carry the tag; the sweep deleted only what the run's ledger names \(each checked for the tag\)/);
    expect(mailslurpStandIn.hasInbox(left.address)).toBe(false);
    for (const address of colleagues) expect(mailslurpStandIn.hasInbox(address)).toBe(true);
  });

  test('every delete checks the inbox: one this backend neither made nor listed goes only when MailSlurp shows it with the suite\'s tag and the marker', async ({
    mailslurpStandIn,
  }) => {
    const madeElsewhere = await new MailSlurpBackend({ apiKey: STAND_IN_API_KEY, basePath: mailslurpStandIn.url, runTag: 'run-earlier' }).createInbox('earlier');
    const colleague = mailslurpStandIn.addInbox('qa-manual-1', ['cognito-signup-e2e']);
    const untagged = mailslurpStandIn.addInbox(`${ADDRESS_MARKER}-by-hand`);
    const backend = backendFor(mailslurpStandIn);

    await expect(backend.deleteInbox({ id: mailslurpStandIn.inboxId(colleague), address: colleague })).rejects.toThrow(
      new RegExp(`^Refusing to delete inbox \\S+ \\(${colleague}\\) at MailSlurp at http://127\\.0\\.0\\.1:\\d+: its address does not start with "${ADDRESS_MARKER}"\\. The suite deletes only its own inboxes`),
    );
    await expect(backend.deleteInbox({ id: mailslurpStandIn.inboxId(untagged), address: untagged })).rejects.toThrow(/: it does not carry the tag cognito-signup-e2e\./);
    await backend.deleteInbox(madeElsewhere);
    await backend.deleteInbox(madeElsewhere);
    expect(mailslurpStandIn.hasInbox(madeElsewhere.address)).toBe(false);
    expect(mailslurpStandIn.hasInbox(colleague)).toBe(true);
    expect(mailslurpStandIn.hasInbox(untagged)).toBe(true);
  });

  test('an inbox whose address lacks the marker is deleted again, and the test is told why', async ({ mailslurpStandIn }) => {
    mailslurpStandIn.honourPrefix = false;
    const error = await backendFor(mailslurpStandIn).createInbox('no prefix').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/created the inbox \S+@mailslurp\.stand-in\.test, which does not start with "cse2e" although we asked for that prefix/);
    expect(mailslurpStandIn.inboxCount()).toBe(0);
  });
});
