import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as pause } from 'node:timers/promises';
import { closeServer } from '../../../local/running-service';

/** What the proxy does to one Cognito operation. */
export type CognitoFault =
  /** Answers in Cognito's place; the emulator never sees the call. */
  | { kind: 'answer'; status: number; body: Record<string, unknown> }
  /** Holds the call this long, then passes it on. */
  | { kind: 'delay'; ms: number };

/**
 * A FAULT INJECTOR for tests of the suite itself: an HTTP proxy in front of
 * the Cognito emulator that passes every call through, except the operations
 * it is told to answer itself (a 200 that changes nothing, a 500) or to hold
 * (a slow Cognito). The page and the suite both talk to Cognito through it.
 */
export class CognitoProxy {
  private readonly faults = new Map<string, CognitoFault>();
  private server?: Server;
  /** Calls taken and not yet answered by the emulator, and who waits for there to be none. */
  private inFlight = 0;
  private readonly idleWaiters = new Set<() => void>();

  private constructor(private readonly upstream: URL) {}

  static async start(upstream: string): Promise<CognitoProxy> {
    const proxy = new CognitoProxy(new URL(upstream));
    proxy.server = createServer((req, res) => void proxy.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => proxy.server?.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  fault(operation: string, fault: CognitoFault): this {
    this.faults.set(operation, fault);
    return this;
  }

  /** Resolves once every call the proxy took has been answered by the emulator (a held one included). */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  async close(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    try {
      await this.pass(req, res);
    } finally {
      if (--this.inFlight === 0) for (const wake of this.idleWaiters) wake();
      if (this.inFlight === 0) this.idleWaiters.clear();
    }
  }

  private async pass(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    const fault = req.method === 'POST' ? this.faults.get(operation) : undefined;
    if (fault?.kind === 'answer') {
      const type = typeof fault.body.__type === 'string' ? { 'x-amzn-errortype': fault.body.__type } : {};
      res
        .writeHead(fault.status, {
          'content-type': 'application/x-amz-json-1.1',
          // The page calls from another origin, as it calls the emulator itself.
          'access-control-allow-origin': req.headers.origin ?? '*',
          ...type,
        })
        .end(JSON.stringify(fault.body));
      return;
    }
    if (fault?.kind === 'delay') await pause(fault.ms); // the fault under test: a Cognito that is slow to answer
    await new Promise<void>((done) => {
      const upstream = httpRequest(
        { host: this.upstream.hostname, port: this.upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: this.upstream.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', done);
          answer.on('error', done);
        },
      );
      upstream.on('error', () => {
        res.destroy();
        done();
      });
      upstream.end(body);
    });
  }
}
