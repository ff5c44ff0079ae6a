import { setTimeout as pause } from 'node:timers/promises';
import {
  GetEmailsSortEnum,
  MailSlurp,
  MatchOptionFieldEnum,
  MatchOptionShouldEnum,
  WaitForMatchingFirstEmailSortEnum,
  type Email,
  type EmailPreview,
} from 'mailslurp-client';
import {
  EmailTimeoutError,
  describeEmails,
  SUITE_TAG,
  type InboxHandle,
  type InboxRecord,
  type MailBackend,
  type ReceivedEmail,
  type WaitForEmailOptions,
} from './types.js';
import { ActionableError } from '../errors.js';
import { redactUrl } from '../../common/urls.js';
import { ADDRESS_MARKER, carriesMarker, ownedAddresses } from './addresses.js';
import type { RunLedger } from './run-ledger.js';

export interface MailSlurpBackendOptions {
  apiKey: string;
  /** MailSlurp's API by default; a stand-in's URL in contract tests. */
  basePath?: string;
  /** Tags every inbox, so the end of the run can delete whatever a crash left behind. */
  runTag: string;
  /**
   * The tag of this shard's part of the run (shardTagOf), on every inbox beside
   * the run's: what the end-of-run sweep looks for. The run's tag by default.
   */
  shardTag?: string;
  /** An inbox nobody deletes expires by itself after this long. */
  inboxLifetimeMs?: number;
  /** Where the shard's workers note each inbox created and deleted, for the end-of-run sweep. */
  ledger?: RunLedger;
  /** Attempts for a call answered 429 or 5xx, and the first back-off. */
  attempts?: number;
  backoffMs?: number;
}

/** A MailSlurp call that failed, with what a person needs to act on it. */
export class MailSlurpError extends ActionableError {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** MailSlurp's `createdAt` is its own clock's; ours may be this far apart. */
const CLOCK_SKEW_ALLOWANCE_MS = 2_000;
/** Our own deadline sits this long after the server's, so the server's 408 arrives first. */
const CLIENT_DEADLINE_MARGIN_MS = 5_000;

interface Failure {
  status?: number;
  detail: string;
  retryAfterMs?: number;
}

/**
 * The client throws three kinds of things, none of them always an Error: the
 * raw fetch Response (controller methods), the parsed JSON body (convenience
 * methods), or a network or abort error. One description for all three.
 */
async function describeFailure(thrown: unknown): Promise<Failure> {
  if (thrown instanceof Response) {
    const body = await thrown.text().catch(() => '');
    let detail = body.slice(0, 300) || thrown.statusText;
    try {
      const parsed = JSON.parse(body) as { message?: string; error?: string };
      detail = parsed.message ?? parsed.error ?? detail;
    } catch {
      // Not JSON: the text itself is the detail.
    }
    const retryAfter = Number(thrown.headers.get('retry-after'));
    return { status: thrown.status, detail, ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1_000 } : {}) };
  }
  if (thrown instanceof Error) {
    if (thrown.name === 'TimeoutError' || thrown.name === 'AbortError') {
      return { detail: 'no answer before our own deadline' };
    }
    const cause = (thrown as { cause?: { code?: string; message?: string } }).cause;
    return { detail: cause ? `${thrown.message} (${cause.code ?? cause.message})` : thrown.message };
  }
  if (thrown && typeof thrown === 'object' && 'message' in thrown) {
    return { detail: String((thrown as { message: unknown }).message) };
  }
  return { detail: String(thrown) };
}

const isRetryable = (status?: number) => status === 429 || (status !== undefined && status >= 500);

const toEmail = (e: Email): ReceivedEmail => ({
  id: e.id,
  from: e.from ?? '',
  to: e.to,
  subject: e.subject ?? '',
  text: e.isHTML ? '' : (e.body ?? ''),
  html: e.isHTML ? (e.body ?? '') : '',
  receivedAt: e.createdAt,
});

const previewToEmail = (e: EmailPreview): ReceivedEmail => ({
  id: e.id,
  from: e.from ?? '',
  to: e.to ?? [],
  subject: e.subject ?? '',
  text: '',
  html: '',
  receivedAt: e.createdAt,
});

/**
 * Disposable inboxes on MailSlurp (mailslurp-client 17.4.0). One inbox per test,
 * never more: MailSlurp counts every inbox created against the plan, even
 * deleted ones. Waiting is MailSlurp's own long-poll, held open server-side.
 */
export class MailSlurpBackend implements MailBackend {
  private readonly client: MailSlurp;
  readonly created = ownedAddresses([], 'the MailSlurp inboxes this test worker created');
  readonly clockSkewAllowanceMs = CLOCK_SKEW_ALLOWANCE_MS;
  /** Inboxes seen with the suite's tag and marker (created here, or listed with both checked): id → address. */
  private readonly vouched = new Map<string, string>();

  constructor(private readonly options: MailSlurpBackendOptions) {
    this.client = new MailSlurp({
      apiKey: options.apiKey,
      ...(options.basePath ? { basePath: options.basePath } : {}),
    });
  }

  get description() {
    return `MailSlurp at ${redactUrl(this.options.basePath ?? 'https://javascript.api.mailslurp.com')}`;
  }

  private get shardTag(): string {
    return this.options.shardTag ?? this.options.runTag;
  }

  async createInbox(label: string): Promise<InboxHandle> {
    const inbox = await this.call('create an inbox', (signal) =>
      this.client.inboxController.createInboxWithOptions(
        {
          createInboxDto: {
            name: label.slice(0, 100),
            // The marker the deletion guard looks for: an address without it is never deleted.
            prefix: ADDRESS_MARKER,
            tags: [...new Set([this.options.runTag, this.shardTag, SUITE_TAG])],
            expiresIn: this.options.inboxLifetimeMs ?? 60 * 60_000,
          },
        },
        { signal },
      ),
    );
    const handle = { id: inbox.id, address: inbox.emailAddress };
    this.options.ledger?.created(handle);
    if (!carriesMarker(handle.address)) {
      // Made by this very call, so ours although it lacks the marker: the one deletion without the checks below.
      await this.remove(handle);
      throw new MailSlurpError(
        `${this.description} created the inbox ${handle.address}, which does not start with "${ADDRESS_MARKER}" although we asked for that prefix. ` +
          'The suite deletes only users at addresses it can recognise as its own, so it cannot use this inbox (deleted again). ' +
          'Check that the account can set inbox prefixes.',
      );
    }
    this.created.add(handle.address);
    this.vouched.set(handle.id, handle.address);
    return handle;
  }

  async waitForEmail(inbox: InboxHandle, { since, timeout, excludeIds }: WaitForEmailOptions): Promise<ReceivedEmail> {
    const started = Date.now();
    let after = new Date(since.getTime() - CLOCK_SKEW_ALLOWANCE_MS);
    const filter = `to ${inbox.address}, received since ${after.toISOString()}`;
    for (;;) {
      const left = () => timeout - (Date.now() - started);
      if (left() <= 0) throw await this.timeoutError(inbox, filter, Date.now() - since.getTime());
      let email: Email;
      try {
        email = await this.call(
          `wait for an email in inbox ${inbox.id} (${filter})`,
          (signal) =>
            this.client.waitController.waitForMatchingFirstEmail(
              {
                inboxId: inbox.id,
                matchOptions: { matches: [{ field: MatchOptionFieldEnum.TO, should: MatchOptionShouldEnum.CONTAIN, value: inbox.address }] },
                since: after,
                // Recomputed on a retry, so the server never waits past our deadline.
                timeout: Math.max(left(), 1),
                unreadOnly: false,
                sort: WaitForMatchingFirstEmailSortEnum.ASC,
              },
              { signal },
            ),
          left() + CLIENT_DEADLINE_MARGIN_MS,
          started + timeout,
        );
      } catch (error) {
        // 408 is MailSlurp's answer "no such email yet": the wait is over, nothing to retry.
        if (error instanceof MailSlurpError && error.status === 408) {
          throw await this.timeoutError(inbox, filter, Date.now() - since.getTime());
        }
        throw error;
      }
      // The skew allowance can reach back to a mail this test already has: look past it.
      if (!excludeIds?.has(email.id)) return toEmail(email);
      after = new Date(email.createdAt.getTime() + 1);
    }
  }

  async listEmails(inbox: InboxHandle): Promise<ReceivedEmail[]> {
    const previews = await this.call(`list the emails of inbox ${inbox.id}`, (signal) =>
      this.client.inboxController.getEmails({ inboxId: inbox.id, sort: GetEmailsSortEnum.ASC }, { signal }),
    );
    return previews.map(previewToEmail);
  }

  /**
   * Deletes one of the suite's inboxes: one this backend created or listed
   * with the suite's tag and marker, or, for any other, one that MailSlurp
   * shows with both. Anything else is refused, before the delete.
   */
  async deleteInbox(inbox: InboxHandle): Promise<void> {
    if (this.vouched.get(inbox.id) !== inbox.address) {
      const refusal = await this.refusalToDelete(inbox, SUITE_TAG);
      if (refusal === 'gone') return this.options.ledger?.deleted(inbox);
      if (refusal) {
        throw new MailSlurpError(
          `Refusing to delete inbox ${inbox.id} (${inbox.address}) at ${this.description}: ${refusal}. ` +
            `The suite deletes only its own inboxes, tagged ${SUITE_TAG} and starting with "${ADDRESS_MARKER}".`,
        );
      }
    }
    await this.remove(inbox);
  }

  /**
   * The end-of-run sweep of one shard: deletes what its ledger says its
   * workers created and did not delete, then at most `margin` more inboxes
   * carrying the shard's tag (created by a worker that crashed before it could
   * write the ledger). Every inbox is checked first, the ledger's too: it must
   * carry the shard's tag and the marker, at the address the ledger names. One
   * that does not, and a ledger line that cannot be read, is left alone and
   * named in `warnings`; the rest is still swept. A listing that ignores the
   * tag filter stops the sweep before the strays rather than empty the account.
   */
  async sweepRun(ledger: RunLedger, margin = 2): Promise<{ deleted: number; warnings: string[]; refused?: string }> {
    const tag = this.shardTag;
    const { created, left, skipped } = ledger.read();
    const warnings = skipped.map((line) => `the ledger's ${line}: skipped`);
    let deleted = 0;
    for (const inbox of left) {
      const refusal = await this.refusalToDelete(inbox, tag).catch((error: unknown) => {
        // An id MailSlurp will not read (a line written by hand, say) is that line's problem, not the sweep's.
        if (error instanceof MailSlurpError && error.status !== undefined && error.status < 500) return `MailSlurp would not read it (${error.message})`;
        throw error;
      });
      if (refusal === 'gone') {
        ledger.deleted(inbox);
        continue;
      }
      if (refusal) {
        warnings.push(`the ledger names inbox ${inbox.id} (${inbox.address}), but ${refusal}: left alone`);
        continue;
      }
      await this.remove(inbox);
      deleted++;
    }
    const page = await this.call(`list inboxes tagged ${tag}`, (signal) =>
      this.client.inboxController.getAllInboxes({ tag, page: 0, size: 100 }, { signal }),
    );
    const listed = page.content ?? [];
    const untagged = listed.filter((inbox) => !inbox.tags?.includes(tag));
    if (untagged.length) {
      return {
        deleted,
        warnings,
        refused:
          `${this.description} answered the filter "tag ${tag}" with ${untagged.length} inbox(es) that do not carry the tag; ` +
          "the sweep deleted only what the run's ledger names (each checked for the tag) and stopped there.",
      };
    }
    const known = new Set(created.map((inbox) => inbox.id));
    const strays = listed.filter((inbox) => !known.has(inbox.id) && carriesMarker(inbox.emailAddress ?? '')).slice(0, margin);
    for (const inbox of strays) {
      await this.remove({ id: inbox.id, address: inbox.emailAddress ?? '' });
      deleted++;
    }
    return { deleted, warnings };
  }

  /** This suite's inboxes (tagged, of any run, or of the run `runTag`), and the account's records of expired inboxes. */
  async findInboxRecords({ runTag }: { runTag?: string } = {}): Promise<InboxRecord[]> {
    const tag = runTag ?? SUITE_TAG;
    const found: InboxRecord[] = [];
    for (let page = 0; ; page++) {
      const result = await this.call(`list inboxes tagged ${tag}`, (signal) =>
        this.client.inboxController.getAllInboxes({ tag, page, size: 100 }, { signal }),
      );
      for (const inbox of result.content ?? []) {
        // The tag is checked here too: a filter the service ignored must not make strangers' inboxes ours.
        if (inbox.tags?.includes(tag) && carriesMarker(inbox.emailAddress ?? '')) {
          found.push({ id: inbox.id, address: inbox.emailAddress ?? '', createdAt: inbox.createdAt });
          this.vouched.set(inbox.id, inbox.emailAddress ?? '');
        }
      }
      if (page + 1 >= (result.totalPages ?? 1)) break;
    }
    if (runTag) return found;
    // An expired inbox keeps no tags, but the account keeps its address: ours when it carries the marker.
    for (let page = 0; ; page++) {
      const result = await this.call('list expired inbox records', (signal) =>
        this.client.expiredController.getExpiredInboxes({ page, size: 100 }, { signal }),
      );
      for (const record of result.content ?? []) {
        if (carriesMarker(record.emailAddress)) {
          found.push({ id: record.id, address: record.emailAddress, createdAt: record.createdAt, expired: true });
        }
      }
      if (page + 1 >= (result.totalPages ?? 1)) break;
    }
    return found;
  }

  /**
   * Why MailSlurp's own record of the inbox forbids deleting it: not tagged
   * `tag`, no marker, or another address than we were told; "gone" when it no
   * longer exists; undefined when it may go.
   */
  private async refusalToDelete(inbox: InboxHandle, tag: string): Promise<string | undefined> {
    let found: { tags?: string[] | null; emailAddress: string };
    try {
      found = await this.call(`read inbox ${inbox.id}`, (signal) => this.client.inboxController.getInbox({ inboxId: inbox.id }, { signal }));
    } catch (error) {
      if (error instanceof MailSlurpError && error.status === 404) return 'gone';
      throw error;
    }
    if (found.emailAddress !== inbox.address) return `MailSlurp knows it as ${found.emailAddress}`;
    if (!carriesMarker(found.emailAddress)) return `its address does not start with "${ADDRESS_MARKER}"`;
    if (!found.tags?.includes(tag)) return `it does not carry the tag ${tag}`;
    return undefined;
  }

  /** The delete itself, for an inbox already judged ours. */
  private async remove(inbox: InboxHandle): Promise<void> {
    try {
      await this.call(`delete inbox ${inbox.id} (${inbox.address})`, (signal) =>
        this.client.inboxController.deleteInbox({ inboxId: inbox.id }, { signal }),
      );
    } catch (error) {
      // Already gone (expired, or swept by another process): the outcome we want.
      if (!(error instanceof MailSlurpError && error.status === 404)) throw error;
    }
    this.vouched.delete(inbox.id);
    this.options.ledger?.deleted(inbox);
  }

  async close(): Promise<void> {}

  private async timeoutError(inbox: InboxHandle, filter: string, waited: number): Promise<EmailTimeoutError> {
    const held = await this.listEmails(inbox).then(describeEmails, (error: Error) => `(could not list: ${error.message})`);
    return new EmailTimeoutError(
      `No email reached ${inbox.address} at ${this.description} in ${waited} ms (waited for: ${filter}). The inbox holds: ${held}.`,
    );
  }

  /**
   * One API call with a client-side deadline, retried on 429 and 5xx with
   * exponential back-off and full jitter (honouring Retry-After), never past
   * `giveUpAt`. Everything else fails at once, as a MailSlurpError.
   */
  private async call<T>(
    operation: string,
    request: (signal: AbortSignal) => Promise<T>,
    requestTimeoutMs = 30_000,
    giveUpAt = Date.now() + 60_000,
  ): Promise<T> {
    const attempts = this.options.attempts ?? 4;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let failure: Failure;
      try {
        return await request(AbortSignal.timeout(requestTimeoutMs));
      } catch (thrown) {
        failure = await describeFailure(thrown);
      }
      const backoff = failure.retryAfterMs ?? Math.random() * (this.options.backoffMs ?? 250) * 2 ** (attempt - 1);
      if (isRetryable(failure.status) && attempt < attempts && Date.now() + backoff < giveUpAt) {
        // A pause the server asked for (429) or a back-off from an overloaded one (5xx).
        await pause(backoff);
        continue;
      }
      throw this.error(operation, failure, attempt, Date.now() - started);
    }
  }

  private error(operation: string, failure: Failure, attempts: number, waited: number): MailSlurpError {
    const tried = attempts > 1 ? ` after ${attempts} attempts over ${waited} ms` : '';
    const where = this.description;
    switch (true) {
      case failure.status === 401 || failure.status === 403:
        return new MailSlurpError(
          `${where} rejected the API key (HTTP ${failure.status}) when asked to ${operation}: ${failure.detail}. ` +
            'Check MAILSLURP_API_KEY in .env, or the CI secret of that name.',
          failure.status,
        );
      case failure.status === 429:
        return new MailSlurpError(
          `${where} kept rate-limiting us (HTTP 429) when asked to ${operation}${tried}: ${failure.detail}. ` +
            'Run fewer workers, or check the plan limits.',
          429,
        );
      case failure.status !== undefined:
        return new MailSlurpError(`${where} answered HTTP ${failure.status} when asked to ${operation}${tried}: ${failure.detail}.`, failure.status);
      default:
        return new MailSlurpError(`${where} could not be reached to ${operation}${tried}: ${failure.detail}.`);
    }
  }
}
