// Who may reach the embedded stack. Nothing in it asks for a password, so it
// listens on loopback only, unless told otherwise on purpose; and of the pages
// open in the developer's browser, only the demo app's and your own page's
// (BASE_URL's) may read what the emulator and the mail catcher answer.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { USER_CLOCK_PATH } from '../../../common/user-clock';
import { freePort } from '../../../local/free-port';
import { closeServer } from '../../../local/running-service';
import type { stackUrls } from '../../../local/stack-settings';
import { runCommand } from '../../../tools/child-run';
import { expect, test } from '../fixtures';

type Urls = ReturnType<typeof stackUrls>;

/** A blank page served from an origin of its own, as your page or an unrelated site would be. */
async function servePage(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!DOCTYPE html><title>a page</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** What a page may ask of the stack: the calls whose answers, read by the wrong page, give away codes or change users. */
const CALLS = [
  {
    name: "the emulator's admin calls",
    url: (urls: Urls) => urls.cognito,
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
    body: '{"MaxResults":10}',
  },
  {
    name: "the emulator's user clock",
    url: (urls: Urls) => `${urls.cognito}${USER_CLOCK_PATH}?userPoolId=local_none&username=nobody&advanceMs=1`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  },
  { name: "MailDev's API: the mail", url: (urls: Urls) => `${urls.mailWeb}/api/email`, method: 'GET', headers: {} },
  { name: "MailDev's API: delete every mail", url: (urls: Urls) => `${urls.mailWeb}/api/email/all`, method: 'DELETE', headers: {} },
  { name: "MailDev's push events (socket.io, polling)", url: (urls: Urls) => `${urls.mailWeb}/socket.io/?EIO=4&transport=polling`, method: 'GET', headers: {} },
] as const;

/** A browser's preflight for the call, from `origin`. */
const preflight = (call: (typeof CALLS)[number], urls: Urls, origin: string) =>
  fetch(call.url(urls), {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': call.method,
      ...(Object.keys(call.headers).length ? { 'access-control-request-headers': Object.keys(call.headers).join(',') } : {}),
    },
  });

/** The call itself, from `origin`. */
const called = (call: (typeof CALLS)[number], urls: Urls, origin: string) =>
  fetch(call.url(urls), { method: call.method, headers: { origin, ...call.headers }, ...('body' in call ? { body: call.body } : {}) });

/** The HTTP status a request is answered with (101 when a websocket connects), sent with exactly these headers: a Host of our choosing, say. */
const statusOf = (address: string, headers: Record<string, string>, method = 'GET') =>
  new Promise<number | undefined>((resolve, reject) => {
    const url = new URL(address);
    const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers });
    req.once('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode);
    });
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('error', reject);
    req.end();
  });

/** A websocket upgrade to MailDev's push events, from `origin`: the HTTP status it is answered with (101 when it connects). */
const upgradeStatus = (urls: Urls, origin: string, host = new URL(urls.mailWeb).host) =>
  statusOf(`${urls.mailWeb}/socket.io/?EIO=4&transport=websocket`, {
    host,
    origin,
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
  });

test.describe('which pages the emulator and the catcher answer', () => {
  test('the demo app and BASE_URL get the header, preflight included; another origin gets 403 and none, for every call', async ({ startPrivateStack }) => {
    const yourPage = 'http://localhost:3000';
    const { urls } = await startPrivateStack({ services: ['mail', 'cognito'], pageOrigin: yourPage });
    const allowed = { 'the demo app': urls.app, 'the demo app as localhost': urls.app.replace('127.0.0.1', 'localhost'), 'BASE_URL': yourPage };
    const others = { 'another site': 'https://evil.example', 'a sandboxed page': 'null', 'the demo app\'s host on another port': 'http://127.0.0.1:1' };
    for (const call of CALLS) {
      await test.step(call.name, async () => {
        for (const [who, origin] of Object.entries(allowed)) {
          const pre = await preflight(call, urls, origin);
          expect(pre.status, `preflight from ${who}`).toBeLessThan(300);
          expect(pre.headers.get('access-control-allow-origin'), `preflight from ${who}`).toBe(origin);
          const answer = await called(call, urls, origin);
          expect(answer.status, `${call.method} from ${who}`).not.toBe(403);
          expect(answer.headers.get('access-control-allow-origin'), `${call.method} from ${who}`).toBe(origin);
        }
        for (const [who, origin] of Object.entries(others)) {
          for (const answer of [await preflight(call, urls, origin), await called(call, urls, origin)]) {
            expect(answer.status, `${who}`).toBe(403);
            expect(answer.headers.get('access-control-allow-origin'), `${who}`).toBeNull();
            expect(answer.headers.get('access-control-allow-credentials'), `${who}`).toBeNull();
          }
        }
      });
    }

    await test.step("MailDev's push events by websocket: connects from the demo app and BASE_URL, refused from another origin", async () => {
      expect(await upgradeStatus(urls, urls.app)).toBe(101);
      expect(await upgradeStatus(urls, yourPage)).toBe(101);
      expect(await upgradeStatus(urls, 'https://evil.example')).toBe(403);
    });

    await test.step('addressed by a name other than loopback (a page whose name is pointed at 127.0.0.1), nothing answers, with no Origin at all', async () => {
      const rebound = (address: string) => `rebound.example:${new URL(address).port}`;
      expect(await statusOf(`${urls.mailWeb}/api/email`, { host: rebound(urls.mailWeb) })).toBe(403);
      expect(await statusOf(urls.cognito, { host: rebound(urls.cognito), ...CALLS[0].headers }, 'POST')).toBe(403);
      expect(await upgradeStatus(urls, `http://${rebound(urls.mailWeb)}`, rebound(urls.mailWeb))).toBe(403);
      expect(await statusOf(`${urls.mailWeb}/api/email`, { host: new URL(urls.mailWeb).host })).toBe(200);
    });

    await test.step('MailDev\'s own web UI still uses its API and push events', async () => {
      expect((await called(CALLS[2], urls, urls.mailWeb)).headers.get('access-control-allow-origin')).toBe(urls.mailWeb);
      expect(await upgradeStatus(urls, urls.mailWeb)).toBe(101);
    });
  });

  test('in a browser, your page reads the mail and calls the emulator; another page gets nothing', async ({ page, startPrivateStack }) => {
    const yours = await servePage();
    const other = await servePage();
    try {
      const { urls } = await startPrivateStack({ services: ['mail', 'cognito'], pageOrigin: yours.origin });
      const readFrom = async (origin: string) => {
        await page.goto(origin);
        return page.evaluate(async ({ mailWeb, cognito }) => {
          const outcome = (call: Promise<Response>) => call.then((r) => `HTTP ${r.status}`, (error: Error) => `${error.name}: ${error.message}`);
          return {
            mail: await outcome(fetch(`${mailWeb}/api/email`)),
            cognito: await outcome(
              fetch(cognito, {
                method: 'POST',
                headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
                body: '{"MaxResults":10}',
              }),
            ),
          };
        }, urls);
      };
      expect(await readFrom(yours.origin)).toEqual({ mail: 'HTTP 200', cognito: 'HTTP 200' });
      expect(await readFrom(other.origin)).toEqual({ mail: 'TypeError: Failed to fetch', cognito: 'TypeError: Failed to fetch' });
    } finally {
      await closeServer(yours.server);
      await closeServer(other.server);
    }
  });
});

test('npm run stack refuses LOCAL_HOST=0.0.0.0 without LOCAL_ALLOW_NETWORK=1, before any service starts', async () => {
  const env = {
    LOCAL_HOST: '0.0.0.0',
    LOCAL_ALLOW_NETWORK: '',
    LOCAL_COGNITO_PORT: String(await freePort()),
    LOCAL_MAIL_SMTP_PORT: String(await freePort()),
    LOCAL_MAIL_WEB_PORT: String(await freePort()),
    LOCAL_APP_PORT: String(await freePort()),
    LOCAL_DATA_DIR: test.info().outputPath('stack'),
  };
  // A stack that did start is stopped when the time is up, not left listening on every address.
  const run = await runCommand('node', ['local/run-stack.mjs'], env, 15_000);
  expect(run.exitCode, run.output).toBe(1);
  expect(run.output).toContain('[stack] could not start: LOCAL_HOST=0.0.0.0 is not a loopback address (127.0.0.0/8, ::1, localhost): the embedded stack would listen on the network');
  expect(run.output).toContain('To serve a network you trust on purpose, set LOCAL_ALLOW_NETWORK=1 as well.');
  expect(run.output).not.toContain('ready in');
});
