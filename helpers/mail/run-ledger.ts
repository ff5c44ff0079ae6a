import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActionableError } from '../errors.js';
import { privateFolderProblem, suiteFolder } from '../private-folder.js';
import type { InboxHandle } from './types.js';

interface Entry extends InboxHandle {
  event: 'created' | 'deleted';
}

/** What a reading of the ledger found: every inbox created, those not deleted, and the lines it could not use. */
export interface LedgerReading {
  created: InboxHandle[];
  left: InboxHandle[];
  /** One per line skipped: its number and what is wrong with it, never its content. */
  skipped: string[];
}

export class UnsafeLedgerError extends ActionableError {}

/**
 * What one shard of a run did on the inbox service, one line per inbox
 * created or deleted, in a file every process of that shard can append to.
 * The end of the run deletes what is left in it, each inbox checked for the
 * shard's tag and the marker first: its own record, not a search, and not
 * trusted blindly either.
 */
export class RunLedger {
  private checked = false;

  constructor(readonly file: string) {}

  /**
   * The ledger of one shard of a run (shardTagOf), in a private folder of this
   * user's under the temporary folder (TMPDIR): cognito-signup-e2e-<uid>,
   * mode 0700, checked to be a folder of ours that nobody else can enter.
   */
  static forRun(shardTag: string, under = tmpdir()): RunLedger {
    return new RunLedger(path.join(suiteFolder(under), `${shardTag.replace(/[^\w.-]/g, '_')}.jsonl`));
  }

  created(inbox: InboxHandle): void {
    this.append({ event: 'created', id: inbox.id, address: inbox.address });
  }

  deleted(inbox: InboxHandle): void {
    this.append({ event: 'deleted', id: inbox.id, address: inbox.address });
  }

  /** Every inbox the shard created, and those of them it has not deleted; a line that is not an entry is skipped and named. */
  read(): LedgerReading {
    if (!existsSync(this.file)) return { created: [], left: [], skipped: [] };
    this.checkFolder();
    const created = new Map<string, InboxHandle>();
    const deleted = new Set<string>();
    const skipped: string[] = [];
    for (const [i, line] of readFileSync(this.file, 'utf8').split('\n').entries()) {
      if (!line.trim()) continue;
      const entry = entryOf(line);
      if (typeof entry === 'string') {
        skipped.push(`line ${i + 1}: ${entry}`);
        continue;
      }
      if (entry.event === 'created') created.set(entry.id, { id: entry.id, address: entry.address });
      else deleted.add(entry.id);
    }
    return { created: [...created.values()], left: [...created.values()].filter((inbox) => !deleted.has(inbox.id)), skipped };
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }

  private append(entry: Entry): void {
    this.checkFolder();
    // One short line per write, appended: lines from parallel workers never interleave. Readable by its owner only.
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }

  /**
   * Makes the ledger's folder, private, or finds it so: a folder (not a link),
   * this user's, that no one else may read or write. Anything else could let
   * another user of the machine add an inbox for our sweep to delete, or hide one.
   */
  private checkFolder(): void {
    if (this.checked) return;
    const folder = path.dirname(this.file);
    const problem = privateFolderProblem(folder);
    if (problem) {
      throw new UnsafeLedgerError(
        `The folder of the run's inbox ledger, ${folder}, ${problem}: another user of this machine could change which MailSlurp inboxes ` +
          'the end-of-run sweep deletes. Remove it (the suite makes it again, private), or set TMPDIR to a folder of your own.',
      );
    }
    this.checked = true;
  }
}

/** The entry a line holds, or what is wrong with it. */
function entryOf(line: string): Entry | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const entry = parsed as Partial<Entry> | null;
  if (!entry || typeof entry !== 'object') return 'not an entry';
  if (entry.event !== 'created' && entry.event !== 'deleted') return 'no event "created" or "deleted"';
  if (typeof entry.id !== 'string' || !entry.id) return 'no inbox id';
  if (typeof entry.address !== 'string') return 'no address';
  return { event: entry.event, id: entry.id, address: entry.address };
}
