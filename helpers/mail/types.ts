import { ActionableError } from '../errors.js';
import type { OwnedAddresses } from './addresses.js';

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
  /** What the embedded stack noted in the mail's header (X-Cognito-Emulator-Note): something its words cannot show. */
  emulatorNote?: string;
}

export interface VerificationEmail extends ReceivedEmail {
  /** The code, as found next to the pool template's words. */
  code: string;
}

/** An AdminCreateUser invitation: the user name it names, and the temporary password (also its `code`). */
export interface InvitationEmail extends VerificationEmail {
  username: string;
  temporaryPassword: string;
}

/** A mail that confirms by link: the link, and its confirmation_code (also its `code`). */
export interface LinkEmail extends VerificationEmail {
  link: string;
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
  /** The inboxes this backend created in this process: the proof a test's user is the suite's own. */
  readonly created: OwnedAddresses;
  /** How far its `receivedAt` clock may be from ours. */
  readonly clockSkewAllowanceMs: number;
  /** A new inbox, whose address starts with ADDRESS_MARKER. */
  createInbox(label: string): Promise<InboxHandle>;
  /** The first mail to the inbox received since `options.since`, waiting for it if need be. */
  waitForEmail(inbox: InboxHandle, options: WaitForEmailOptions): Promise<ReceivedEmail>;
  /** Everything the inbox holds now, oldest first. */
  listEmails(inbox: InboxHandle): Promise<ReceivedEmail[]>;
  deleteInbox(inbox: InboxHandle): Promise<void>;
  /**
   * The suite's inbox records, of any run (or of one run, by its tag): inboxes
   * that still exist, and records of expired ones where the service keeps them.
   * Only addresses carrying ADDRESS_MARKER. What the janitor proves ownership with.
   */
  findInboxRecords(options?: { runTag?: string }): Promise<InboxRecord[]>;
  /**
   * Mail received since an instant for addresses that are no test inbox of
   * this suite: only a catcher that sees all mail (the embedded MailDev) can
   * tell "sent to the wrong address" from "never sent".
   */
  strangersSince?(since: Date): string[];
  /**
   * Mail the service holds for the address by its SMTP envelope, whose headers
   * name someone else (an inbox finds mail by its headers), since an instant;
   * only a catcher that keeps envelopes can tell.
   */
  heldByEnvelopeOnly?(address: string, since: Date): Promise<string[]>;
  close(): Promise<void>;
}

export interface InboxRecord extends InboxHandle {
  createdAt: Date;
  /** The inbox is gone (expired); only the service's record of its address remains. */
  expired?: boolean;
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
