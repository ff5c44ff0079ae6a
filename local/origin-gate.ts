import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Lets a web page use one of the stack's servers only when the page is one of
 * `origins` (the demo app's, your own page's) or the server's own (MailDev's
 * web UI). cognito-local answers every origin with `Access-Control-Allow-Origin: *`,
 * MailDev 3 reflects any origin with credentials on its API and socket.io,
 * and neither lets that be set from how we start it; left so, any page open in
 * the developer's browser could read the test mail and its codes, make admin
 * calls or move a user's clock. So the check sits in front of both, on the
 * HTTP server itself:
 *
 * - a request whose Origin is another page's, a preflight (OPTIONS) included,
 *   is answered 403 with no CORS header, and never reaches the service; a
 *   websocket upgrade from one is refused the same way;
 * - an allowed page's request goes through, and its Access-Control-Allow-Origin
 *   names that page, never `*`;
 * - a request with no Origin (the suite's own calls from Node, a page's GET of
 *   its own server) goes through untouched: no browser page can read its answer.
 *
 * Called right after the server starts listening: only promise continuations
 * run between the two, so no request is served before.
 */
export function admitOrigins(server: Server, origins: readonly string[], service: string): void {
  const allowed = new Set(origins);
  const admits = (req: IncomingMessage, origin: string) => allowed.has(origin) || origin === `http://${req.headers.host}`;
  const refusal = (origin: string) =>
    `${service} answers the pages of ${origins.join(', ')} and its own, not ${origin}. ` +
    'A page of your own against the embedded stack: start the stack with BASE_URL set to that page.\n';

  const requestListeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !admits(req, origin)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(refusal(origin));
      return;
    }
    if (origin !== undefined) answerOnlyTo(res, origin);
    for (const listener of requestListeners) listener.call(server, req, res);
  });

  const upgradeListeners = server.listeners('upgrade') as UpgradeListener[];
  if (!upgradeListeners.length) return;
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !admits(req, origin)) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${refusal(origin)}`);
      return;
    }
    for (const listener of upgradeListeners) listener.call(server, req, socket, head);
  });
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
