import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CognitoEndpoint } from '../../../helpers/cognito/client.js';

/**
 * "Your own page", as the suite's tests serve it: minimal-signup.html (no
 * framework; described by pages/ui/minimal-form.ts) at /signup/, its sign-up
 * form at #join, and the pool it calls at ./config.json, told once a stack runs.
 */
export interface MinimalPageServer {
  /** The page's URL, with the hash of its sign-up form. */
  url: string;
  /** Every path the page was asked for, in order: a browser asks for config.json too, a fetch of the page does not. */
  requested: string[];
  /** The HTML served, which a test may change between runs. */
  html: string;
  /** Points the page at a pool: the emulator's endpoint and app client (a private stack's, say). */
  usePool(pool: Pick<CognitoEndpoint, 'endpoint'> & { userPoolClientId: string }): void;
  close(): Promise<void>;
}

export const serveMinimalPage = (): Promise<MinimalPageServer> => servePage('minimal-signup.html', '/signup/#join');

/** Any page of tests/self/support/ served the same way, at `at` (a path, and the hash of the screen to open). */
export async function servePage(file: string, at: string): Promise<MinimalPageServer> {
  let config = '{}';
  const served: MinimalPageServer = {
    url: '',
    requested: [],
    html: readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'),
    usePool: ({ endpoint, userPoolClientId }) => (config = JSON.stringify({ userPoolEndpoint: endpoint, userPoolClientId })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    served.requested.push(req.url ?? '');
    if (req.url?.endsWith('/config.json')) res.writeHead(200, { 'Content-Type': 'application/json' }).end(config);
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end(served.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  served.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${at}`;
  return served;
}
