import type { MailTarget } from './target.js';
import { runTag, shardTagOf, type Shard } from './run-id.js';
import { MailDevBackend } from '../helpers/mail/maildev.js';
import { RunLedger } from '../helpers/mail/run-ledger.js';
import type { MailBackend } from '../helpers/mail/types.js';

/**
 * The inbox backend the target names: the embedded MailDev, or MailSlurp
 * tagged with this run. A test run's workers pass their shard: MailSlurp then
 * tags each inbox with the shard too and notes it in the shard's ledger, which
 * the end-of-run sweep reads. The janitor passes none: it keeps no ledger.
 */
export async function createMailBackend(mail: MailTarget, run?: { shard: Shard }): Promise<MailBackend> {
  if (mail.kind === 'maildev') return MailDevBackend.connect(mail.url);
  // Loaded only here: every worker of a local run imports this module, and the MailSlurp client is a second's load it never uses.
  const { MailSlurpBackend } = await import('../helpers/mail/mailslurp.js');
  if (!run) return new MailSlurpBackend({ apiKey: mail.apiKey, basePath: mail.basePath, runTag: runTag() });
  const shardTag = shardTagOf(runTag(), run.shard);
  return new MailSlurpBackend({ apiKey: mail.apiKey, basePath: mail.basePath, runTag: runTag(), shardTag, ledger: RunLedger.forRun(shardTag) });
}
