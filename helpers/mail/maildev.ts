import { EMULATOR_NOTE_HEADER } from '../../common/emulator-note.js';
import { redactUrl } from '../../common/urls.js';
import { io, type Socket } from 'socket.io-client';
import { uniqueAddress } from './addresses.js';
import {
  EmailTimeoutError,
  describeEmails,
  type InboxHandle,
  type InboxRecord,
  type MailBackend,
  type ReceivedEmail,
  type WaitForEmailOptions,
} from './types.js';
import { ActionableError } from '../errors.js';
import { carriesMarker, ownedAddresses } from './addresses.js';

/** The embedded stack's addresses. `.test` is reserved: no real mailbox can ever have one. */
export const LOCAL_INBOX_DOMAIN = 'inbox.cognito-e2e.test';

interface MailDevAddress {
  address: string;
  name?: string;
}
/** The fields of MailDev 3's email (and of its `newMail` summary) that we read. */
interface MailDevEmail {
  id: string;
  time: string;
  subject?: string;
  from?: MailDevAddress[];
  to?: MailDevAddress[];
  text?: string;
  html?: string;
  /** Lower-cased names, on a full mail only. */
  headers?: Record<string, string>;
  /** Who the SMTP session delivered it to, whatever its headers say. */
  envelope?: { to?: MailDevAddress[] };
}

const toEmail = (m: MailDevEmail, receivedAt: Date): ReceivedEmail => ({
  id: m.id,
  from: m.from?.map((a) => a.address).join(', ') ?? '',
  to: m.to?.map((a) => a.address) ?? [],
  subject: m.subject ?? '',
  text: m.text ?? '',
  html: m.html ?? '',
  receivedAt,
  ...(m.headers?.[EMULATOR_NOTE] ? { emulatorNote: m.headers[EMULATOR_NOTE] } : {}),
});

const EMULATOR_NOTE = EMULATOR_NOTE_HEADER.toLowerCase();

const startOfSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

const isFor = (address: string) => (m: MailDevEmail) =>
  m.to?.some((to) => to.address.toLowerCase() === address.toLowerCase()) ?? false;

/**
 * Inboxes on MailDev 3. MailDev catches mail for every address, so an inbox is
 * just a fresh address. Waiting listens to MailDev's socket.io `newMail` push
 * events, and asks the REST API once on every (re)connection for what arrived
 * while it was not listening: nothing is polled on a timer.
 *
 * MailDev's own `time` is the mail's Date header, to the second, so it cannot
 * tell a mail sent just before `since` from one sent just after. The arrival
 * time here is when the push event reached us, to the millisecond.
 */
export class MailDevBackend implements MailBackend {
  readonly created = ownedAddresses([], 'the inboxes this test worker created on the embedded MailDev');
  /** Arrival times are taken on our own clock. */
  readonly clockSkewAllowanceMs = 0;
  private readonly listeners = new Set<{ onMail(m: MailDevEmail): void; onConnect(): void }>();
  /** When each mail to one of our inboxes was announced. */
  private readonly arrivals = new Map<string, Date>();
  private readonly addresses = new Set<string>();
  /** When the push events last dropped: mail may have arrived unannounced since. */
  private lastDisconnect?: Date;
  /** Every mail announced, whoever it was for: to tell "sent elsewhere" from "never sent". Bounded. */
  private readonly announced: { to: string[]; subject: string; at: Date }[] = [];
  private lastSocketError?: string;

  private constructor(
    private readonly url: string,
    private readonly socket: Socket,
  ) {
    socket.on('newMail', (summary: MailDevEmail) => {
      if (summary.to?.some((to) => this.addresses.has(to.address.toLowerCase()))) this.arrivals.set(summary.id, new Date());
      this.announced.push({ to: summary.to?.map((to) => to.address) ?? [], subject: summary.subject ?? '', at: new Date() });
      if (this.announced.length > 500) this.announced.shift();
      this.listeners.forEach((l) => l.onMail(summary));
    });
    socket.on('connect', () => this.listeners.forEach((l) => l.onConnect()));
    socket.on('disconnect', () => (this.lastDisconnect = new Date()));
    socket.on('connect_error', (error) => (this.lastSocketError = error.message));
  }

  /**
   * Whether a mail counts as received at or after `since`. A mail announced by
   * push carries its arrival time. One never announced arrived before we
   * connected (older than any test), unless the push events dropped after
   * `since`; then only its Date header, to the second, can tell.
   */
  private arrivedSince(m: MailDevEmail, since: Date): boolean {
    const arrival = this.arrivals.get(m.id);
    if (arrival) return arrival >= since;
    return !!this.lastDisconnect && this.lastDisconnect >= since && new Date(m.time) >= startOfSecond(since);
  }

  private receivedAt(m: MailDevEmail): Date {
    return this.arrivals.get(m.id) ?? new Date(m.time);
  }

  get description() {
    return `MailDev at ${redactUrl(this.url)}`;
  }

  /** Connects to MailDev's push events, failing clearly when MailDev is not there. */
  static async connect(url: string, timeout = 5_000): Promise<MailDevBackend> {
    const socket = io(url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 1_000 });
    const backend = new MailDevBackend(url, socket);
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => {
        socket.close();
        reject(
          new Error(
            `Could not reach MailDev's push events at ${redactUrl(url)} within ${Date.now() - started} ms ` +
              `(${backend.lastSocketError ?? 'no answer'}). Is the mail catcher running? It listens on LOCAL_MAIL_WEB_PORT.`,
          ),
        );
      }, timeout);
      socket.once('connect', () => {
        clearTimeout(deadline);
        resolve();
      });
    });
    return backend;
  }

  async createInbox(label: string): Promise<InboxHandle> {
    const address = uniqueAddress(label, LOCAL_INBOX_DOMAIN);
    this.addresses.add(address);
    this.created.add(address);
    return { id: address, address };
  }

  async listEmails(inbox: InboxHandle): Promise<ReceivedEmail[]> {
    return (await this.emailsFor(inbox.address))
      .map((m) => toEmail(m, this.receivedAt(m)))
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  }

  async waitForEmail(inbox: InboxHandle, { since, timeout, excludeIds }: WaitForEmailOptions): Promise<ReceivedEmail> {
    const matches = (m: MailDevEmail) =>
      isFor(inbox.address)(m) && this.arrivedSince(m, since) && !excludeIds?.has(m.id);

    const found = await new Promise<MailDevEmail>((resolve, reject) => {
      const listener = {
        onMail: (m: MailDevEmail) => {
          if (matches(m)) finish(() => resolve(m));
        },
        // Mail that arrived before we listened, or while the socket was down.
        onConnect: () => {
          this.emailsFor(inbox.address).then((emails) => {
            const first = emails
              .filter(matches)
              .sort((a, b) => this.receivedAt(a).getTime() - this.receivedAt(b).getTime())[0];
            if (first) finish(() => resolve(first));
          }, (error: Error) => finish(() => reject(error)));
        },
      };
      const deadline = setTimeout(() => finish(() => reject(null)), timeout);
      const finish = (settle: () => void) => {
        clearTimeout(deadline);
        this.listeners.delete(listener);
        settle();
      };
      this.listeners.add(listener);
      listener.onConnect();
    }).catch(async (error: Error | null) => {
      if (error) throw error;
      throw await this.timeoutError(inbox, since);
    });

    // The push event carries a summary; the bodies come from the REST API.
    const full = found.text === undefined && found.html === undefined ? await this.emailById(found.id) : found;
    return toEmail(full, this.receivedAt(found));
  }

  async deleteInbox(inbox: InboxHandle): Promise<void> {
    for (const email of await this.emailsFor(inbox.address)) {
      await this.request(`/api/email/${encodeURIComponent(email.id)}`, { method: 'DELETE' }, [404]);
      this.arrivals.delete(email.id);
    }
    this.addresses.delete(inbox.address);
  }

  /**
   * The embedded catcher keeps no inboxes, only mail: an inbox record here is
   * a marked address on our reserved domain that holds mail, dated by its
   * newest mail. (`runTag` does not apply: addresses carry no run.)
   */
  async findInboxRecords(): Promise<InboxRecord[]> {
    const all = (await (await this.request('/api/email')).json()) as MailDevEmail[];
    const newest = new Map<string, Date>();
    for (const mail of all) {
      for (const { address } of mail.to ?? []) {
        if (!address.endsWith(`@${LOCAL_INBOX_DOMAIN}`) || !carriesMarker(address)) continue;
        const time = new Date(mail.time);
        const seen = newest.get(address);
        if (!seen || time > seen) newest.set(address, time);
      }
    }
    return [...newest].map(([address, createdAt]) => ({ id: address, address, createdAt }));
  }

  async heldByEnvelopeOnly(address: string, since: Date): Promise<string[]> {
    const all = (await (await this.request('/api/email')).json()) as MailDevEmail[];
    const same = (a: MailDevAddress) => a.address.toLowerCase() === address.toLowerCase();
    // MailDev's time is the Date header, to the second.
    return all
      .filter((m) => new Date(m.time) >= startOfSecond(since) && (m.envelope?.to ?? []).some(same) && !isFor(address)(m))
      .map((m) => `"${m.subject ?? ''}", To: ${m.to?.map((a) => a.address).join(', ') || '(none)'}, at ${m.time}`);
  }

  strangersSince(since: Date): string[] {
    return this.announced
      .filter((mail) => mail.at >= since && !mail.to.some(carriesMarker))
      .map((mail) => `${mail.to.join(', ') || '(no recipient)'} "${mail.subject}" at ${mail.at.toISOString()}`);
  }

  async close(): Promise<void> {
    this.socket.close();
  }

  /** "In N ms" counts from `since`: the action that should have sent the mail. */
  private async timeoutError(inbox: InboxHandle, since: Date): Promise<EmailTimeoutError> {
    const waited = Date.now() - since.getTime();
    const held = await this.listEmails(inbox).then(describeEmails, (error: Error) => `(could not list: ${error.message})`);
    const socket = this.socket.connected ? 'connected' : `disconnected (${this.lastSocketError ?? 'no error seen'})`;
    return new EmailTimeoutError(
      `No email reached ${inbox.address} at ${this.description} in ${waited} ms ` +
        `(counting mail received since ${since.toISOString()}). The inbox holds: ${held}. ` +
        `Push events: ${socket}.`,
    );
  }

  private async emailsFor(address: string): Promise<MailDevEmail[]> {
    const emails = (await (await this.request(`/api/email?to.address=${encodeURIComponent(address)}`)).json()) as MailDevEmail[];
    // MailDev's filter is an exact match; check case-insensitively here too.
    return emails.filter(isFor(address));
  }

  private async emailById(id: string): Promise<MailDevEmail> {
    return (await (await this.request(`/api/email/${encodeURIComponent(id)}`)).json()) as MailDevEmail;
  }

  private async request(path: string, init?: RequestInit, accept: number[] = []): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, init);
    } catch (error) {
      // The cause is quoted, not attached: the reporter would print its stack trace under this sentence.
        throw new ActionableError(`${this.description} is unreachable (${init?.method ?? 'GET'} ${path}): ${(error as Error).cause ?? error}`);
    }
    if (!response.ok && !accept.includes(response.status)) {
      throw new Error(`${this.description} answered ${response.status} to ${init?.method ?? 'GET'} ${path}: ${await response.text()}`);
    }
    return response;
  }
}
