import { ActionableError } from '../errors.js';

/** One email as a test sees it, whatever service caught it. */
export interface ReceivedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** When the mail service accepted it. */
  receivedAt: Date;
}

export interface VerificationEmail extends ReceivedEmail {
  /** The code, as found next to the pool template's words. */
  code: string;
}

export interface WaitForEmailOptions {
  /**
   * Only mail received at or after this instant counts. Take it just before the
   * click that makes Cognito send, so an older mail to the same address (from an
   * earlier sign-up, say) can never be taken for the new one.
   */
  since: Date;
  /** Milliseconds to wait before failing with what the inbox did hold. */
  timeout: number;
  /** Mails this test already has: never the answer to a new wait. */
  excludeIds?: ReadonlySet<string>;
}

/** A disposable address that one test owns. */
export interface InboxHandle {
  id: string;
  address: string;
}

/**
 * A service that catches mail for disposable addresses: the embedded MailDev
 * today, MailSlurp for the real services. Everything the fixtures need, and no
 * more, so another backend drops in by implementing this.
 */
export interface MailBackend {
  /** Names the service and where it is, for error messages. */
  readonly description: string;
  /** The domains its addresses are on; only users with these are ever deleted. */
  readonly domains: readonly string[];
  /** How far its `receivedAt` clock may be from ours. */
  readonly clockSkewAllowanceMs: number;
  createInbox(label: string): Promise<InboxHandle>;
  /** The first mail to the inbox received since `options.since`, waiting for it if need be. */
  waitForEmail(inbox: InboxHandle, options: WaitForEmailOptions): Promise<ReceivedEmail>;
  /** Everything the inbox holds now, oldest first. */
  listEmails(inbox: InboxHandle): Promise<ReceivedEmail[]>;
  deleteInbox(inbox: InboxHandle): Promise<void>;
  /** Inboxes of this suite created before `before`, by any run: what the janitor sweeps. */
  findLeftoverInboxes(before: Date): Promise<LeftoverInbox[]>;
  close(): Promise<void>;
}

export interface LeftoverInbox extends InboxHandle {
  createdAt: Date;
}

/** The tag on every inbox this suite creates, whatever the run. */
export const SUITE_TAG = 'cognito-signup-e2e';

export class EmailTimeoutError extends ActionableError {}

/** One line per mail, for "here is what did arrive" in an error. */
export function describeEmails(emails: ReceivedEmail[]): string {
  if (!emails.length) return 'nothing at all';
  return emails
    .map((e) => `${e.receivedAt.toISOString()} "${e.subject}" from ${e.from} to ${e.to.join(', ')}`)
    .join('; ');
}
