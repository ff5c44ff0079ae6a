import { MailSlurpBackend } from '../helpers/mail/mailslurp.js';
import { RunLedger } from '../helpers/mail/run-ledger.js';
import { runTag } from './run-id.js';
import { loadSettings } from './settings.js';

/**
 * Global teardown: each test deletes its own inbox, but a crashed worker
 * cannot. What the run's ledger says is left goes now, and nothing else
 * beyond a small, tag-checked margin.
 */
export default async function deleteThisRunsInboxes() {
  const settings = loadSettings();
  if (!settings.remote) return;
  const ledger = RunLedger.forRun(runTag());
  const backend = new MailSlurpBackend({ ...settings.remote.mailslurp, runTag: runTag(), ledger });
  const { deleted, refused } = await backend.sweepRun(ledger);
  if (deleted) console.log(`Deleted ${deleted} MailSlurp inbox(es) left behind by this run (${runTag()}).`);
  if (refused) console.error(`End-of-run sweep stopped: ${refused}`);
  else ledger.remove();
}
