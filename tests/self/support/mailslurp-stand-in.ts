import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EmailPreviewToJSON,
  EmailToJSON,
  ExpiredInboxRecordProjectionToJSON,
  InboxDtoToJSON,
  InboxPreviewToJSON,
  UserInfoDtoAccountStateEnum,
  UserInfoDtoAccountTypeEnum,
  UserInfoDtoToJSON,
  type CreateInboxDto,
  type Email,
  type ExpiredInboxRecordProjection,
  type InboxDto,
  type MatchOptions,
} from 'mailslurp-client';
import { io, type Socket } from 'socket.io-client';
import { closeServer } from '../../../local/running-service.js';

/**
 * A STAND-IN for MailSlurp's API, for contract tests only: this machine cannot
 * reach MailSlurp. It answers exactly the endpoints MailSlurpBackend calls, with
 * bodies built from mailslurp-client's own models (its *ToJSON functions), and
 * can be told to fail the next calls to a path (408, 429, 500, 401 …).
 */
export class MailSlurpStandIn {
  readonly domain = 'mailslurp.stand-in.test';
  private readonly inboxes = new Map<string, InboxDto & { emails: Email[] }>();
  private readonly faults: { path: string; status: number; body: object; headers?: Record<string, string> }[] = [];
  private readonly arrivals = new Set<() => void>();
  private readonly expired: ExpiredInboxRecordProjection[] = [];
  /** A fault of a different kind: answer every inbox listing as if no tag filter had been given. */
  ignoreTagFilter = false;
  /** Whether `prefix` leads the addresses it hands out; off, to test an account where it does not. */
  honourPrefix = true;
  private server?: Server;
  private feed?: Socket;
  /** Every request, for tests that count calls. */
  readonly requests: { method: string; path: string }[] = [];
  /** Every mail delivered into an inbox, by recipient: what a run really caused. */
  readonly delivered: string[] = [];

  constructor(private readonly apiKey: string) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => send(res, 500, { message: error.message }));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return this;
  }

  /**
   * Moves the mail MailDev catches for this stand-in's addresses into its
   * inboxes (and out of MailDev), so an emulator sending real SMTP can feed a
   * "MailSlurp" inbox end to end.
   */
  feedFromMailDev(maildevUrl: string): this {
    this.feed = io(maildevUrl, { transports: ['websocket'] });
    this.feed.on('newMail', (summary: { id: string; to?: { address: string }[] }) => {
      if (!summary.to?.some((to) => this.hasInbox(to.address))) return;
      void fetch(`${maildevUrl}/api/email/${summary.id}`)
        .then((response) => response.json() as Promise<{ to: { address: string }[]; from: { address: string }[]; subject: string; text?: string; html?: string }>)
        .then(async (mail) => {
          this.deliver({
            to: mail.to[0]!.address,
            from: mail.from[0]?.address ?? '',
            subject: mail.subject,
            body: mail.html || mail.text || '',
            isHTML: !!mail.html,
          });
          await fetch(`${maildevUrl}/api/email/${summary.id}`, { method: 'DELETE' });
        });
    });
    return this;
  }

  async stop(): Promise<void> {
    this.feed?.close();
    const server = this.server;
    this.server = undefined;
    if (server) await closeServer(server);
  }

  /** The next `times` calls to `path` (e.g. "/waitForMatchingFirstEmail") answer `status`. */
  failNext(path: string, status: number, times = 1, headers?: Record<string, string>): void {
    for (let i = 0; i < times; i++) this.faults.push({ path, status, body: { message: `stand-in fault ${status}` }, headers });
  }

  inboxCount(): number {
    return this.inboxes.size;
  }

  hasInbox(address: string): boolean {
    return [...this.inboxes.values()].some((inbox) => inbox.emailAddress === address);
  }

  /** The id of the inbox at this address, as MailSlurp's dashboard would show it. */
  inboxId(address: string): string {
    const inbox = [...this.inboxes.values()].find((i) => i.emailAddress === address);
    if (!inbox) throw new Error(`the stand-in has no inbox ${address}`);
    return inbox.id;
  }

  /** An inbox made outside the suite (a colleague's, by hand in the dashboard): no prefix, tags as given. */
  addInbox(localPart: string, tags: string[] = []): string {
    const id = randomUUID();
    const emailAddress = `${localPart}@${this.domain}`;
    this.inboxes.set(id, {
      id,
      userId: 'stand-in-user',
      createdAt: new Date(),
      name: null,
      emailAddress,
      expiresAt: null,
      favourite: false,
      tags,
      readOnly: false,
      virtualInbox: false,
      emails: [],
    });
    return emailAddress;
  }

  /** Lets an inbox expire, as MailSlurp does after `expiresIn`: gone, but its address stays in the account's expired records. */
  expire(address: string): void {
    const inbox = [...this.inboxes.values()].find((i) => i.emailAddress === address);
    if (!inbox) throw new Error(`the stand-in has no inbox ${address}`);
    this.inboxes.delete(inbox.id);
    this.expired.push({ id: randomUUID(), userId: inbox.userId ?? 'stand-in-user', createdAt: new Date(), emailAddress: inbox.emailAddress });
  }

  /** Mail arriving for an address this stand-in handed out. */
  deliver(mail: { to: string; from: string; subject: string; body: string; isHTML?: boolean }): void {
    const inbox = [...this.inboxes.values()].find((i) => i.emailAddress.toLowerCase() === mail.to.toLowerCase());
    if (!inbox) return;
    this.delivered.push(mail.to);
    const now = new Date();
    inbox.emails.push({
      id: randomUUID(),
      userId: 'stand-in-user',
      inboxId: inbox.id,
      to: [mail.to],
      from: mail.from,
      subject: mail.subject,
      body: mail.body,
      isHTML: mail.isHTML ?? false,
      createdAt: now,
      updatedAt: now,
      read: false,
      teamAccess: false,
    });
    this.arrivals.forEach((notify) => notify());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname });
    if (req.headers['x-api-key'] !== this.apiKey) {
      return send(res, 401, { message: 'Unauthorized: invalid API key' });
    }
    const faultAt = this.faults.findIndex((f) => f.path === url.pathname);
    if (faultAt >= 0) {
      const [fault] = this.faults.splice(faultAt, 1);
      return send(res, fault!.status, fault!.body, fault!.headers);
    }
    const body = await readJson(req);
    const inboxId = /^\/inboxes\/([^/]+)/.exec(url.pathname)?.[1];

    if (req.method === 'POST' && url.pathname === '/inboxes/withOptions') {
      const options = body as CreateInboxDto;
      const id = randomUUID();
      const now = new Date();
      const inbox: InboxDto = {
        id,
        userId: 'stand-in-user',
        createdAt: now,
        name: options.name ?? null,
        // Where a prefix is asked for, it leads the address (MailSlurp's exact form of it is not proven here).
        emailAddress: `${options.prefix && this.honourPrefix ? `${options.prefix}-` : ''}${id}@${this.domain}`,
        expiresAt: options.expiresIn ? new Date(now.getTime() + options.expiresIn) : null,
        favourite: false,
        tags: options.tags ?? [],
        readOnly: false,
        virtualInbox: false,
      };
      this.inboxes.set(id, { ...inbox, emails: [] });
      return send(res, 201, InboxDtoToJSON(inbox));
    }
    if (req.method === 'GET' && url.pathname === '/user/info') {
      return send(res, 200, UserInfoDtoToJSON({
        id: 'stand-in-user',
        emailAddress: 'owner@mailslurp.stand-in.test',
        accountState: UserInfoDtoAccountStateEnum.ACTIVE,
        accountType: UserInfoDtoAccountTypeEnum.SOLO,
        createdAt: new Date(0),
      }));
    }
    if (req.method === 'POST' && url.pathname === '/waitForMatchingFirstEmail') {
      return this.waitForMatchingFirstEmail(url, body as MatchOptions, res);
    }
    if (req.method === 'GET' && url.pathname === '/inboxes/paginated') {
      const tag = url.searchParams.get('tag');
      const before = url.searchParams.get('before');
      const page = Number(url.searchParams.get('page') ?? 0);
      const size = Number(url.searchParams.get('size') ?? 20);
      const matching = [...this.inboxes.values()]
        .filter((i) => !tag || this.ignoreTagFilter || i.tags?.includes(tag))
        .filter((i) => !before || i.createdAt < new Date(before));
      const content = matching.slice(page * size, (page + 1) * size);
      return send(res, 200, {
        content: content.map((i) =>
          InboxPreviewToJSON({ id: i.id, userId: i.userId, emailAddress: i.emailAddress, createdAt: i.createdAt, favourite: false, tags: i.tags, teamAccess: false, virtualInbox: false }),
        ),
        totalPages: Math.max(1, Math.ceil(matching.length / size)),
        totalElements: matching.length,
      });
    }
    if (req.method === 'GET' && url.pathname === '/expired') {
      const page = Number(url.searchParams.get('page') ?? 0);
      const size = Number(url.searchParams.get('size') ?? 20);
      return send(res, 200, {
        content: this.expired.slice(page * size, (page + 1) * size).map(ExpiredInboxRecordProjectionToJSON),
        totalPages: Math.max(1, Math.ceil(this.expired.length / size)),
        totalElements: this.expired.length,
      });
    }
    if (inboxId && req.method === 'GET' && url.pathname.endsWith('/emails')) {
      const inbox = this.inboxes.get(inboxId);
      if (!inbox) return send(res, 404, { message: `Inbox not found: ${inboxId}` });
      return send(res, 200, inbox.emails.map((e) => EmailPreviewToJSON({ id: e.id, to: e.to, from: e.from, subject: e.subject, createdAt: e.createdAt, read: e.read })));
    }
    if (inboxId && req.method === 'GET' && url.pathname === `/inboxes/${inboxId}`) {
      const inbox = this.inboxes.get(inboxId);
      if (!inbox) return send(res, 404, { message: `Inbox not found: ${inboxId}` });
      const { emails: _emails, ...dto } = inbox;
      return send(res, 200, InboxDtoToJSON(dto));
    }
    if (inboxId && req.method === 'DELETE') {
      if (!this.inboxes.delete(inboxId)) return send(res, 404, { message: `Inbox not found: ${inboxId}` });
      res.writeHead(204).end();
      return;
    }
    return send(res, 404, { message: `The stand-in does not implement ${req.method} ${url.pathname}` });
  }

  /** MailSlurp's long-poll: answers as soon as a match exists, 408 when `timeout` passes first. */
  private waitForMatchingFirstEmail(url: URL, options: MatchOptions, res: ServerResponse): Promise<void> {
    const inbox = this.inboxes.get(url.searchParams.get('inboxId') ?? '');
    if (!inbox) return Promise.resolve(send(res, 404, { message: 'Inbox not found' }));
    const since = url.searchParams.get('since') ? new Date(url.searchParams.get('since')!) : new Date(0);
    const timeout = Number(url.searchParams.get('timeout') ?? 10_000);
    const match = () =>
      inbox.emails
        .filter((e) => e.createdAt >= since)
        .filter((e) =>
          (options.matches ?? []).every((m) => m.field !== 'TO' || e.to.some((to) => to.includes(m.value))),
        )
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
    return new Promise((resolve) => {
      const answer = () => {
        const found = match();
        if (!found) return false;
        finish();
        send(res, 200, EmailToJSON(found));
        return true;
      };
      const deadline = setTimeout(() => {
        finish();
        send(res, 408, { message: 'Failed to satisfy email query for inbox' });
      }, timeout);
      const finish = () => {
        clearTimeout(deadline);
        this.arrivals.delete(listener);
        resolve();
      };
      const listener = () => void answer();
      if (answer()) return;
      this.arrivals.add(listener);
      res.on('close', finish);
    });
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
