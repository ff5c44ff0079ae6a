import type { MailTarget } from './target.js';
import { runTag } from './run-id.js';
import { MailDevBackend } from '../helpers/mail/maildev.js';
import { MailSlurpBackend } from '../helpers/mail/mailslurp.js';
import { RunLedger } from '../helpers/mail/run-ledger.js';
import type { MailBackend } from '../helpers/mail/types.js';

/** The inbox backend the target names: the embedded MailDev, or MailSlurp tagged with this run and noting it in the run's ledger. */
export async function createMailBackend(mail: MailTarget): Promise<MailBackend> {
  return mail.kind === 'maildev'
    ? MailDevBackend.connect(mail.url)
    : new MailSlurpBackend({ apiKey: mail.apiKey, basePath: mail.basePath, runTag: runTag(), ledger: RunLedger.forRun(runTag()) });
}
