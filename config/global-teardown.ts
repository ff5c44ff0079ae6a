import type { FullConfig } from '@playwright/test';
import { RunLedger } from '../helpers/mail/run-ledger.js';
import { runTag, shardTagOf } from './run-id.js';
import { loadSettings } from './settings.js';

/**
 * Global teardown: each test deletes its own inbox, but a crashed worker
 * cannot. What this shard's ledger says is left goes now, each inbox checked
 * for the shard's tag and the marker, and nothing else beyond a small,
 * tag-checked margin. A ledger that held anything the sweep would not take is
 * kept, for a person to look at.
 */
export default async function deleteThisRunsInboxes(config: FullConfig) {
  const settings = loadSettings();
  if (!settings.remote) return;
  // Loaded here, not at the top: the config loads this file on every run, and the MailSlurp client is needed only in remote mode.
  const { MailSlurpBackend } = await import('../helpers/mail/mailslurp.js');
  const shardTag = shardTagOf(runTag(), config.shard);
  const ledger = RunLedger.forRun(shardTag);
  const backend = new MailSlurpBackend({ ...settings.remote.mailslurp, runTag: runTag(), shardTag, ledger });
  const { deleted, warnings, refused } = await backend.sweepRun(ledger);
  if (deleted) console.log(`Deleted ${deleted} MailSlurp inbox(es) left behind by this run (${shardTag}).`);
  for (const warning of warnings) console.warn(`End-of-run sweep: ${warning}.`);
  if (refused) console.error(`End-of-run sweep stopped: ${refused}`);
  if (refused || warnings.length) console.warn(`The ledger is kept: ${ledger.file}`);
  else ledger.remove();
}
