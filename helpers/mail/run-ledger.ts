import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InboxHandle } from './types.js';

interface Entry extends InboxHandle {
  event: 'created' | 'deleted';
}

/**
 * What a run's workers did on the inbox service, one line per inbox created
 * or deleted, in a file every process of the run can append to. The end of
 * the run deletes exactly what is left in it: its own record, not a search.
 */
export class RunLedger {
  constructor(readonly file: string) {}

  /** The ledger of the run with this tag, in the machine's temporary folder. */
  static forRun(runTag: string): RunLedger {
    return new RunLedger(path.join(tmpdir(), 'cognito-signup-e2e-runs', `${runTag.replace(/[^\w.-]/g, '_')}.jsonl`));
  }

  created(inbox: InboxHandle): void {
    this.append({ event: 'created', id: inbox.id, address: inbox.address });
  }

  deleted(inbox: InboxHandle): void {
    this.append({ event: 'deleted', id: inbox.id, address: inbox.address });
  }

  /** Every inbox the run created, and those of them it has not deleted. */
  read(): { created: InboxHandle[]; left: InboxHandle[] } {
    if (!existsSync(this.file)) return { created: [], left: [] };
    const created = new Map<string, InboxHandle>();
    const deleted = new Set<string>();
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as Entry;
      if (entry.event === 'created') created.set(entry.id, { id: entry.id, address: entry.address });
      else deleted.add(entry.id);
    }
    return { created: [...created.values()], left: [...created.values()].filter((inbox) => !deleted.has(inbox.id)) };
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }

  private append(entry: Entry): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    // One short line per write, appended: lines from parallel workers never interleave.
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }
}
