import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { isLoopbackHost } from '../common/urls.js';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Who may use one of the stack's servers from a browser. */
export interface Admission {
  /** The pages' origins: the demo app's, your own page's (BASE_URL). */
  origins: readonly string[];
  /** LOCAL_ALLOW_NETWORK=1: the server may be addressed by any name, not only a loopback one. */
  network: boolean;
}

/**
 * Lets a web page use one of the stack's servers only when the page is one of
 * the admitted origins or the server's own (MailDev's web UI). cognito-local
 * answers every origin with `Access-Control-Allow-Origin: *`, MailDev 3
 * reflects any origin with credentials on its API and socket.io, and neither
 * lets that be set from how we start it; left so, any page open in the
 * developer's browser could read the test mail and its codes, make admin
 * calls or move a user's clock. So the check sits in front of both, on the
 * HTTP server itself:
 *
 * - a request whose Origin is another page's, a preflight (OPTIONS) included,
 *   is answered 403 with no CORS header, and never reaches the service; a
 *   websocket upgrade from one is refused the same way;
 * - an admitted page's request goes through, and its Access-Control-Allow-Origin
 *   names that page, never `*`;
 * - a request with no Origin (the suite's own calls from Node, a page's GET of
 *   its own server) goes through untouched: no other page can read its answer;
 * - on loopback, a request addressed by another name (its Host) is refused: a
 *   page whose name is pointed at 127.0.0.1 (DNS rebinding) is the server's
 *   own origin to the browser, and would otherwise read the mail with no
 *   Origin and no CORS at all.
 *
 * Called right after the server starts listening: only promise continuations
 * run between the two, so no request is served before.
 */
export function admitOrigins(server: Server, admission: Admission, service: string): void {
  const refusal = refusalOf(admission, service);

  const requestListeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refused = refusal(req);
    if (refused) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(refused);
      return;
    }
    if (req.headers.origin !== undefined) answerOnlyTo(res, req.headers.origin);
    for (const listener of requestListeners) listener.call(server, req, res);
  });

  const upgradeListeners = server.listeners('upgrade') as UpgradeListener[];
  if (!upgradeListeners.length) return;
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refused = refusal(req);
    if (refused) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${refused}`);
      return;
    }
    for (const listener of upgradeListeners) listener.call(server, req, socket, head);
  });
}

/** Why a request is refused, in words for whoever looks at the answer; undefined when it is admitted. */
function refusalOf(admission: Admission, service: string): (req: IncomingMessage) => string | undefined {
  const origins = new Set(admission.origins);
  return (req) => {
    const host = req.headers.host ?? '';
    if (!admission.network && !isLoopbackHost(hostnameOf(host))) {
      return (
        `${service} is addressed as "${host}", not by a loopback name: a page whose name is pointed at this machine would read it as its own. ` +
        'Address it as 127.0.0.1, ::1 or localhost (LOCAL_ALLOW_NETWORK=1 lets other names in).\n'
      );
    }
    const origin = req.headers.origin;
    if (origin === undefined || origins.has(origin) || origin === `http://${host}`) return undefined;
    return (
      `${service} answers the pages of ${admission.origins.join(', ')} and its own, not ${origin}. ` +
      'A page of your own against the embedded stack: start the stack with BASE_URL set to that page.\n'
    );
  };
}

/** A Host header's name without its port: "127.0.0.1:9230" → "127.0.0.1", "[::1]:9230" → "[::1]"; empty when there is none. */
function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return '';
  }
}

/** The service's Access-Control-Allow-Origin, whatever it says (cognito-local's and socket.io's `*`), names this page. */
function answerOnlyTo(res: ServerResponse, origin: string): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    if (name.toLowerCase() !== 'access-control-allow-origin') return setHeader(name, value);
    const vary = res.getHeader('Vary');
    setHeader('Vary', vary ? `${String(vary)}, Origin` : 'Origin');
    return setHeader(name, origin);
  };
}
