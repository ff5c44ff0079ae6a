import type { MailTarget } from '../target.js';
import { runTag } from '../run-id.js';
import { MailDevBackend } from './maildev.js';
import { MailSlurpBackend } from './mailslurp.js';
import { RunLedger } from './run-ledger.js';
import type { MailBackend } from './types.js';

/** The inbox backend the target names: the embedded MailDev, or MailSlurp tagged with this run and noting it in the run's ledger. */
export async function createMailBackend(mail: MailTarget): Promise<MailBackend> {
  return mail.kind === 'maildev'
    ? MailDevBackend.connect(mail.url)
    : new MailSlurpBackend({ apiKey: mail.apiKey, basePath: mail.basePath, runTag: runTag(), ledger: RunLedger.forRun(runTag()) });
}
