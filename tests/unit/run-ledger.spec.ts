import { appendFileSync, chmodSync, chownSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { RunLedger, UnsafeLedgerError } from '../../helpers/mail/run-ledger';
import { expect, test } from '@playwright/test';

const inbox = { id: '0b3c7e9a-55f1-4c4e-9d8e-2f1a6b7c8d9e', address: 'cse2e-0b3c7e9a@mailslurp.com' };
const folderOf = (ledger: RunLedger) => path.dirname(ledger.file);

test.describe("the run's inbox ledger", () => {
  test.skip(process.platform === 'win32', 'folder modes and owners are POSIX');

  test('refuses a folder that other users may enter, and says how to fix it', async ({}, testInfo) => {
    const ledger = RunLedger.forRun('run-unit', testInfo.outputPath());
    mkdirSync(folderOf(ledger), { recursive: true });
    chmodSync(folderOf(ledger), 0o777);
    expect(() => ledger.created(inbox)).toThrow(UnsafeLedgerError);
    expect(() => ledger.created(inbox)).toThrow(
      `The folder of the run's inbox ledger, ${folderOf(ledger)}, may be read or written by other users (mode 777, not 700): another user of this machine ` +
        'could change which MailSlurp inboxes the end-of-run sweep deletes. Remove it (the suite makes it again, private), or set TMPDIR to a folder of your own.',
    );
  });

  test('refuses a link where its folder should be', async ({}, testInfo) => {
    const ledger = RunLedger.forRun('run-unit', testInfo.outputPath('base'));
    const elsewhere = testInfo.outputPath('elsewhere');
    mkdirSync(elsewhere, { recursive: true, mode: 0o700 });
    mkdirSync(path.dirname(folderOf(ledger)), { recursive: true });
    symlinkSync(elsewhere, folderOf(ledger));
    expect(() => ledger.created(inbox)).toThrow(/, is not a folder \(a symbolic link, or a file\): another user/);
  });

  test("refuses another user's folder", async ({}, testInfo) => {
    test.skip(process.getuid?.() !== 0, 'only root can give a folder to another user');
    const ledger = RunLedger.forRun('run-unit', testInfo.outputPath());
    mkdirSync(folderOf(ledger), { recursive: true, mode: 0o700 });
    chownSync(folderOf(ledger), 65534, 65534);
    appendFileSync(ledger.file, '');
    expect(() => ledger.read()).toThrow(/, belongs to user 65534, not to this user \(0\): another user/);
  });

  test('skips a line it cannot use, by its number and never its content, and reads the rest', async ({}, testInfo) => {
    const ledger = RunLedger.forRun('run-unit', testInfo.outputPath());
    const other = { id: '11111111-2222-3333-4444-555555555555', address: 'cse2e-11111111@mailslurp.com' };
    ledger.created(inbox);
    appendFileSync(ledger.file, '{"event":"created","id":"sk_live_not-a-secret-but-looks-like-one\n');
    appendFileSync(ledger.file, '"created"\n{"event":"renamed","id":"x","address":"y"}\n{"event":"deleted","id":"x"}\n');
    ledger.created(other);
    ledger.deleted(inbox);
    const reading = ledger.read();
    expect(reading).toEqual({
      created: [inbox, other],
      left: [other],
      skipped: ['line 2: not JSON', 'line 3: not an entry', 'line 4: no event "created" or "deleted"', 'line 5: no address'],
    });
    expect(reading.skipped.join('\n')).not.toContain('sk_live');
  });
});
