import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from '../../../local/running-service';

/** A small HTTP service on loopback, answering as one AWS API does. */
abstract class StandIn {
  private server?: Server;
  /** Operations answered with AccessDeniedException, as for an identity without the permission. */
  readonly denied = new Set<string>();
  /** Every operation asked, in order: what the suite called. */
  readonly calls: string[] = [];

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.answer(req, res).catch((error: Error) => res.writeHead(500).end(error.message)));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }

  protected abstract answer(req: IncomingMessage, res: ServerResponse): Promise<void>;

  protected static async body(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
}

export interface SesAccount {
  ProductionAccessEnabled: boolean;
  SendingEnabled: boolean;
  SendQuota: { Max24HourSend: number; MaxSendRate: number; SentLast24Hours: number };
}

/**
 * A STAND-IN for the Amazon SES v2 API, for contract tests only: the calls the
 * doctor and the evidence make (GetAccount, GetEmailIdentity,
 * GetConfigurationSet, GetConfigurationSetEventDestinations,
 * GetSuppressedDestination), in the REST-JSON shapes of AWS's API reference,
 * with the state a test sets.
 */
export class SesStandIn extends StandIn {
  account: SesAccount = { ProductionAccessEnabled: true, SendingEnabled: true, SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 120 } };
  /** Identities by name, and whether each is verified for sending. */
  readonly identities = new Map<string, boolean>();
  /** Configuration sets by name, with their event destinations' types. */
  readonly configurationSets = new Map<string, { name: string; type: 'EventBridgeDestination' | 'CloudWatchDestination' | 'SnsDestination'; enabled: boolean }[]>();
  /** Suppressed addresses, with the reason. */
  readonly suppressed = new Map<string, 'BOUNCE' | 'COMPLAINT'>();

  protected async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://stand-in').pathname);
    const route: [RegExp, string, (m: RegExpExecArray) => unknown][] = [
      [/^\/v2\/email\/account$/, 'GetAccount', () => ({ ...this.account, EnforcementStatus: 'HEALTHY', DedicatedIpAutoWarmupEnabled: false })],
      [
        /^\/v2\/email\/identities\/(.+)$/,
        'GetEmailIdentity',
        (m) => {
          const verified = this.identities.get(m[1] as string);
          if (verified === undefined) return notFound(`Email identity ${m[1]} does not exist.`);
          return {
            IdentityType: (m[1] as string).includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
            VerifiedForSendingStatus: verified,
            VerificationStatus: verified ? 'SUCCESS' : 'PENDING',
            FeedbackForwardingStatus: true,
          };
        },
      ],
      [
        /^\/v2\/email\/configuration-sets\/([^/]+)\/event-destinations$/,
        'GetConfigurationSetEventDestinations',
        (m) => {
          const destinations = this.configurationSets.get(m[1] as string);
          if (!destinations) return notFound(`Configuration set <${m[1]}> does not exist.`);
          return {
            EventDestinations: destinations.map((d) => ({
              Name: d.name,
              Enabled: d.enabled,
              MatchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE', 'COMPLAINT', 'REJECT'],
              [d.type]: d.type === 'EventBridgeDestination' ? { EventBusArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/default' } : {},
            })),
          };
        },
      ],
      [
        /^\/v2\/email\/configuration-sets\/([^/]+)$/,
        'GetConfigurationSet',
        (m) => (this.configurationSets.has(m[1] as string) ? { ConfigurationSetName: m[1] } : notFound(`Configuration set <${m[1]}> does not exist.`)),
      ],
      [
        /^\/v2\/email\/suppression\/addresses\/(.+)$/,
        'GetSuppressedDestination',
        (m) => {
          const reason = this.suppressed.get(m[1] as string);
          if (!reason) return notFound(`Email address ${m[1]} does not exist on your suppression list.`);
          return { SuppressedDestination: { EmailAddress: m[1], Reason: reason, LastUpdateTime: Date.parse('2026-11-20T08:00:00Z') / 1000, Attributes: {} } };
        },
      ],
    ];
    for (const [pattern, operation, handle] of route) {
      const match = req.method === 'GET' ? pattern.exec(path) : null;
      if (!match) continue;
      this.calls.push(operation);
      if (this.denied.has(operation)) return send(res, 403, { message: `User is not authorized to perform: ses:${operation}` }, 'AccessDeniedException');
      const result = handle(match);
      return result instanceof Refusal ? send(res, result.status, { message: result.message }, result.type) : send(res, 200, result);
    }
    send(res, 404, { message: `The stand-in has no ${req.method} ${path}` }, 'NotFoundException');
  }
}

export interface LogEvent {
  timestamp: number;
  message: string;
}

/**
 * A STAND-IN for the CloudWatch Logs API, for contract tests only:
 * FilterLogEvents over the groups a test fills, by time window and by a quoted
 * term (the only filter patterns the suite writes), as AWS's API reference describes it.
 */
export class LogsStandIn extends StandIn {
  /** Log groups by name: their events, or what makes them when asked (events that follow what happened to the mail, say). */
  readonly groups = new Map<string, LogEvent[] | (() => Promise<LogEvent[]>)>();

  protected async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    const body = await StandIn.body(req);
    this.calls.push(operation);
    if (operation !== 'FilterLogEvents') return send(res, 400, { __type: 'UnknownOperationException' });
    if (this.denied.has(operation)) return send(res, 400, { __type: 'AccessDeniedException', message: 'User is not authorized to perform: logs:FilterLogEvents' });
    // An ARN or a name; AWS refuses an ARN that ends in :*.
    const identifier = String(body.logGroupIdentifier ?? body.logGroupName ?? '');
    if (identifier.endsWith(':*')) return send(res, 400, { __type: 'InvalidParameterException', message: 'logGroupIdentifier must not end with :*' });
    const group = this.groups.get(identifier.replace(/^arn:aws:logs:[\w-]+:\d+:log-group:/, ''));
    const events = typeof group === 'function' ? await group() : group;
    if (!events) return send(res, 400, { __type: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
    const pattern = typeof body.filterPattern === 'string' ? body.filterPattern : undefined;
    if (pattern !== undefined && !/^".*"$/.test(pattern)) return send(res, 400, { __type: 'InvalidParameterException', message: 'The stand-in knows quoted terms only' });
    const term = pattern?.slice(1, -1);
    const start = Number(body.startTime ?? 0);
    const end = Number(body.endTime ?? Number.MAX_SAFE_INTEGER);
    const matching = events
      .filter((e) => e.timestamp >= start && e.timestamp <= end && (!term || e.message.includes(term)))
      .slice(0, Number(body.limit ?? 10_000))
      .map((e, i) => ({ ...e, logStreamName: 'stream', ingestionTime: e.timestamp + 1_000, eventId: String(i) }));
    send(res, 200, { events: matching, searchedLogStreams: [] });
  }
}

class Refusal {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly message: string,
  ) {}
}
const notFound = (message: string) => new Refusal(404, 'NotFoundException', message);

function send(res: ServerResponse, status: number, body: Record<string, unknown> | unknown, type?: string): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(type ? { 'x-amzn-errortype': type } : {}) }).end(JSON.stringify(body));
}
