import { expect, test } from '@playwright/test';
import { asLocalhost, isLoopbackHost, redactUrl, screenUrl } from '../../common/urls';
import { explainCognitoError } from '../../helpers/cognito/client';

test('loopback is 127.0.0.0/8, ::1 and localhost, in any spelling; nothing else', () => {
  for (const host of ['127.0.0.1', '127.8.9.10', '127.1', 'localhost', 'LOCALHOST', '::1', '[::1]', '0:0:0:0:0:0:0:1']) {
    expect(isLoopbackHost(host), host).toBe(true);
  }
  for (const host of ['0.0.0.0', '::', '[::]', '192.168.1.5', '10.0.0.1', '128.0.0.1', 'localhost.example.com', 'evil.localhost', 'my host', '']) {
    expect(isLoopbackHost(host), host).toBe(false);
  }
});

test.describe('redactUrl', () => {
  test('a user name and password become ***, the rest stays', () => {
    expect(redactUrl('https://admin:hunter2@staging.example.com/signup?pool=a')).toBe('https://***@staging.example.com/signup?pool=a');
    expect(redactUrl('https://ghp_token@staging.example.com/')).toBe('https://***@staging.example.com/');
  });

  test('a URL without them is shown as it was written', () => {
    for (const url of ['http://127.0.0.1:9230', 'https://staging.example.com/users/a@example.com', 'staging.example.com']) expect(redactUrl(url)).toBe(url);
  });

  test('in what is not an http(s) URL, all before the last "@" is hidden', () => {
    expect(redactUrl('admin:hunter2@staging.example.com/signup')).toBe('***@staging.example.com/signup');
    expect(redactUrl('https//admin:hunter2@staging.example.com')).toBe('***@staging.example.com');
  });
});

test("a Cognito endpoint's credentials never reach the error that names it", () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  const explained = explainCognitoError(refused, 'DescribeUserPool', { region: 'local', endpoint: 'http://admin:hunter2@127.0.0.1:1' }) as Error;
  expect(explained.message).toBe('DescribeUserPool failed: Cognito (http://***@127.0.0.1:1/) is unreachable (ECONNREFUSED).');
});

test.describe('screenUrl: the URL the doctor and every story open a screen at', () => {
  test("the page's own URL keeps its hash: a sign-up screen at #join is opened there, not on the page's default screen", () => {
    expect(screenUrl('http://localhost:3000/app/#join')).toBe('http://localhost:3000/app/#join');
    expect(screenUrl('http://localhost:3000/app/#join', '')).toBe('http://localhost:3000/app/#join');
  });

  test("a hash, a query or a path is the screen's place relative to the page", () => {
    expect(screenUrl('http://localhost:3000/app/#join', '#login')).toBe('http://localhost:3000/app/#login');
    expect(screenUrl('http://localhost:3000/app/', '?signin=email-code')).toBe('http://localhost:3000/app/?signin=email-code');
    expect(screenUrl('http://localhost:3000/app/', 'login')).toBe('http://localhost:3000/app/login');
  });

  test("another pool's query is added to the screen's place, its hash kept", () => {
    expect(screenUrl('http://localhost:3000/app/#join', '', '?pool=link-verification')).toBe('http://localhost:3000/app/?pool=link-verification#join');
    expect(screenUrl('http://localhost:3000/app/', '?signin=email-code', '?pool=x')).toBe('http://localhost:3000/app/?signin=email-code&pool=x');
  });
});

test("a loopback URL is spelt with localhost, the one loopback name a browser takes as a passkey's relying party; any other URL stays as it was", () => {
  expect(asLocalhost('http://127.0.0.1:4173/custom-signup/?x=1')).toBe('http://localhost:4173/custom-signup/?x=1');
  expect(asLocalhost('http://[::1]:4173/')).toBe('http://localhost:4173/');
  expect(asLocalhost('http://localhost:4173/')).toBe('http://localhost:4173/');
  expect(asLocalhost('https://app.example.com/signup')).toBe('https://app.example.com/signup');
  expect(asLocalhost('not a url')).toBe('not a url');
});
