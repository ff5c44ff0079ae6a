// The doctor's page check is kept while the page, its build and the page
// object's words are unchanged, and opened again on any change: checked here
// against a real page on loopback whose HTML and script the tests rewrite.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keptPageCheck } from '../../tools/doctor/page-check-cache';
import type { CheckResult } from '../../tools/doctor/check-result';
import { expect, test } from '@playwright/test';

const page = { html: '<html><script type="module" src="/assets/main-1.js"></script><body>Create Account</body></html>', script: 'console.log(1)' };
let server: Server;
let url: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url?.split('?')[0] === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(page.html);
    if (request.url === '/assets/main-1.js') return response.writeHead(200, { 'content-type': 'text/javascript' }).end(page.script);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A page check that counts how often the browser would have opened. */
function counted(status: CheckResult['status'] = 'ok') {
  const calls = { count: 0 };
  const run = async (): Promise<CheckResult> => {
    calls.count++;
    return { status, title: 'The sign-up page shows its form', detail: '120 ms' };
  };
  return { calls, run };
}

test.describe.configure({ mode: 'serial' });

test('a pass is kept while nothing changed, and says so', async ({}, testInfo) => {
  const file = testInfo.outputPath('kept.json');
  const { calls, run } = counted();
  expect((await keptPageCheck(url, { submit: 'Create Account' }, run, file)).detail).toBe('120 ms');
  const again = await keptPageCheck(url, { submit: 'Create Account' }, run, file);
  expect(calls.count).toBe(1);
  expect(again).toMatchObject({ status: 'ok', title: 'The sign-up page shows its form' });
  expect(again.detail).toMatch(/^unchanged since \d{4}-\d\d-\d\dT[\d:.]+Z \(page, build and words\), so not opened again; 120 ms$/);
});

test('a new build, new HTML, other words or another URL open the page again', async ({}, testInfo) => {
  const file = testInfo.outputPath('kept.json');
  const { calls, run } = counted();
  await keptPageCheck(url, { submit: 'Create Account' }, run, file);
  page.script = 'console.log(2)';
  await keptPageCheck(url, { submit: 'Create Account' }, run, file);
  page.html = page.html.replace('Create Account', 'Sign up');
  await keptPageCheck(url, { submit: 'Create Account' }, run, file);
  await keptPageCheck(url, { submit: 'Sign up' }, run, file);
  await keptPageCheck(`${url}?page=2`, { submit: 'Sign up' }, run, file);
  // A page description's locator function counts as its words: its source is part of the key.
  await keptPageCheck(`${url}?page=2`, { submit: 'Sign up', locate: () => 'a' }, run, file);
  await keptPageCheck(`${url}?page=2`, { submit: 'Sign up', locate: () => 'b' }, run, file);
  expect(calls.count).toBe(7);
});

test("several pages' passes are kept side by side: switching between them opens no browser", async ({}, testInfo) => {
  const file = testInfo.outputPath('kept.json');
  const { calls, run } = counted();
  for (const round of [1, 2]) {
    for (const at of [url, `${url}?custom-form`, `${url}?branded`]) await keptPageCheck(at, { round: 1 }, run, file);
    expect(calls.count, `after round ${round}`).toBe(3);
  }
});

test('a failure is never kept, and clears the pass on record', async ({}, testInfo) => {
  const file = testInfo.outputPath('kept.json');
  const passing = counted();
  await keptPageCheck(url, {}, passing.run, file);
  const failing = counted('fail');
  expect((await keptPageCheck(`${url}?other`, {}, failing.run, file)).status).toBe('fail');
  await keptPageCheck(`${url}?other`, {}, failing.run, file);
  expect(failing.calls.count).toBe(2);
  await keptPageCheck(url, {}, passing.run, file);
  expect(passing.calls.count, 'the earlier pass was cleared by the failure').toBe(2);
});

test('a page or an asset that cannot be read is always opened', async ({}, testInfo) => {
  const file = testInfo.outputPath('kept.json');
  const { calls, run } = counted();
  await keptPageCheck(`${url}missing`, {}, run, file);
  await keptPageCheck(`${url}missing`, {}, run, file);
  page.html = '<html><script src="/assets/gone.js"></script></html>';
  await keptPageCheck(url, {}, run, file);
  await keptPageCheck(url, {}, run, file);
  expect(calls.count).toBe(4);
});
