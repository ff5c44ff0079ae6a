import { SETTING_VARIABLES, SettingsError, loadSettings } from '../../config/settings';
import { DEFAULT_CODE_RULE_VARIABLE } from '../../helpers/mail/code-rules';
import { MAIL_KINDS } from '../../common/cognito-operations';
import { networkWarning, stackSettings } from '../../local/stack-settings';
import { expect, test } from '@playwright/test';

const REMOTE = {
  COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123',
  COGNITO_CLIENT_ID: '1example23456789',
  BASE_URL: 'https://staging.example.com/signup',
  MAILSLURP_API_KEY: 'a'.repeat(64),
};

const problemsOf = (env: Record<string, string>) => {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error;
  }
  throw new Error('expected a SettingsError');
};

test.describe('loadSettings', () => {
  test('no real-service variables: the embedded stack', () => {
    expect(loadSettings({})).toMatchObject({ target: 'local', emailTimeoutMs: 10_000, signupPage: 'amplify' });
  });

  test('pool and key: the real services, region from the pool ID', () => {
    const settings = loadSettings(REMOTE);
    expect(settings.target).toBe('remote');
    expect(settings.remote).toMatchObject({ region: 'eu-west-1', userPoolId: REMOTE.COGNITO_USER_POOL_ID, baseUrl: REMOTE.BASE_URL });
  });

  test('TEST_TARGET=local sets real-service variables aside, and says which', () => {
    const settings = loadSettings({ COGNITO_USER_POOL_ID: REMOTE.COGNITO_USER_POOL_ID, MAILSLURP_API_KEY: REMOTE.MAILSLURP_API_KEY, TEST_TARGET: 'local' });
    expect(settings.target).toBe('local');
    expect(settings.setAside).toEqual(['COGNITO_USER_POOL_ID', 'MAILSLURP_API_KEY']);
  });

  test('against the embedded stack, BASE_URL and SIGNUP_PAGE name your own page', () => {
    expect(loadSettings({ BASE_URL: 'http://localhost:3000/signup', SIGNUP_PAGE: 'custom-form' })).toMatchObject({
      target: 'local',
      localAppUrl: 'http://localhost:3000/signup',
      signupPage: 'custom-form',
    });
  });

  test('a setting that does not apply to the target stops the run', () => {
    expect(problemsOf({ SIGNUP_PAGE: 'custom-form' }).problems).toEqual([
      expect.stringMatching(/^SIGNUP_PAGE=custom-form names the page object for your own page, but BASE_URL is not set, so the run would test the demo app instead\./),
    ]);
    expect(problemsOf({ COGNITO_CLIENT_ID: 'abc', MAILSLURP_BASE_URL: 'http://x' }).problems).toEqual([
      expect.stringMatching(/^COGNITO_CLIENT_ID is set, but it applies to the real services only and the target is the embedded stack/),
      expect.stringMatching(/^MAILSLURP_BASE_URL is set, but it applies to the real services only/),
    ]);
    expect(problemsOf({ ...REMOTE, LOCAL_APP_PORT: '4173' }).problems).toEqual([
      expect.stringMatching(/^LOCAL_APP_PORT is set, but it applies to the embedded stack only and the target is the real services/),
    ]);
    expect(problemsOf({ SIGNUP_PAGE: 'nope', BASE_URL: 'http://localhost:3000' }).problems).toEqual([
      expect.stringMatching(/^SIGNUP_PAGE is "nope", but there is no pages\/ui\/nope.ts; the pages described are .*\bamplify, custom-form, minimal-form, portal\b/),
    ]);
  });

  test('half a configuration is an error naming what is missing', () => {
    const error = problemsOf({ MAILSLURP_API_KEY: REMOTE.MAILSLURP_API_KEY });
    expect(error.problems).toEqual([
      expect.stringMatching(/^MAILSLURP_API_KEY is set but COGNITO_USER_POOL_ID is not: set both/),
    ]);
  });

  test('lists every missing and malformed variable at once, with its purpose and where it goes', () => {
    const error = problemsOf({ TEST_TARGET: 'remote', COGNITO_USER_POOL_ID: 'pool', BASE_URL: 'staging.example.com', EMAIL_TIMEOUT_MS: 'soon' });
    expect(error.problems).toEqual([
      expect.stringContaining('EMAIL_TIMEOUT_MS is "soon", not a whole number'),
      expect.stringContaining('COGNITO_USER_POOL_ID is "pool", not a pool ID like eu-west-1_AbCdEf123'),
      'COGNITO_CLIENT_ID is missing: the app client your sign-up page uses.',
      expect.stringContaining('BASE_URL is "staging.example.com", not an http(s) URL'),
      'MAILSLURP_API_KEY is missing: the MailSlurp API key the disposable inboxes are created with.',
    ]);
    expect(error.message).toContain('Set these in .env (copy .env.example), or as CI secrets of the same names.');
  });

  test('never repeats a secret value', () => {
    const error = problemsOf({ ...REMOTE, MAILSLURP_API_KEY: 'secret with spaces inside it' });
    expect(error.message).toContain('MAILSLURP_API_KEY does not look like an API key');
    expect(error.message).not.toContain('secret with spaces');
  });

  test('a region that disagrees with the pool is an error', () => {
    expect(problemsOf({ ...REMOTE, AWS_REGION: 'us-east-1' }).problems).toEqual([
      expect.stringContaining('AWS_REGION is us-east-1, but the pool eu-west-1_AbCdEf123 lives in eu-west-1'),
    ]);
  });

  test('a bad embedded-stack port is reported too', () => {
    expect(problemsOf({ LOCAL_APP_PORT: '99999' }).problems).toEqual([expect.stringContaining('LOCAL_APP_PORT="99999" is not a TCP port')]);
  });

  test("LOCAL_APP_ENV_NAMES (the names npm run stack prints for your app) is checked with the stack's settings, and refused beside the real services", () => {
    expect(loadSettings({ LOCAL_APP_ENV_NAMES: 'USER_POOL_ID=VITE_USER_POOL_ID' }).target).toBe('local');
    expect(stackSettings({ LOCAL_APP_ENV_NAMES: 'USER_POOL_ENDPOINT=COGNITO_ENDPOINT' }).appEnvNames).toEqual({ USER_POOL_ENDPOINT: ['COGNITO_ENDPOINT'] });
    expect(problemsOf({ LOCAL_APP_ENV_NAMES: 'POOL_ID=VITE_USER_POOL_ID' }).problems).toEqual([
      expect.stringMatching(/^LOCAL_APP_ENV_NAMES="POOL_ID=VITE_USER_POOL_ID": "POOL_ID" is not a setting the stack prints .* e\.g\. LOCAL_APP_ENV_NAMES=USER_POOL_ID=VITE_USER_POOL_ID,/),
    ]);
    expect(problemsOf({ ...REMOTE, LOCAL_APP_ENV_NAMES: 'USER_POOL_ID=VITE_USER_POOL_ID' }).problems).toEqual([
      expect.stringMatching(/^LOCAL_APP_ENV_NAMES is set, but it applies to the embedded stack only/),
    ]);
  });

  test('your app\'s COGNITO_ENDPOINT exported in the shell that runs the suite stops a local run, naming it', () => {
    expect(problemsOf({ COGNITO_ENDPOINT: 'http://127.0.0.1:9230' }).problems).toEqual([
      expect.stringMatching(/^COGNITO_ENDPOINT is set, but it applies to the real services only and the target is the embedded stack/),
    ]);
    expect(problemsOf({ COGNITO_ENDPOINT: 'http://127.0.0.1:9230' }).problems[0]).toContain(
      "If it is your own app's variable, give it to your app only, not to the shell that runs the suite: `LOCAL_APP_ENV_NAMES=USER_POOL_ENDPOINT=COGNITO_ENDPOINT npm run stack -- --write-env <a file your app reads>`",
    );
    expect(problemsOf({ MAILSLURP_BASE_URL: 'http://127.0.0.1:1' }).problems[0]).not.toContain("your own app's variable");
  });
});

test.describe('URL settings', () => {
  const URL_SETTINGS = ['BASE_URL', 'MAILSLURP_BASE_URL', 'COGNITO_ENDPOINT', 'SES_ENDPOINT', 'LOGS_ENDPOINT'] as const;
  const ENDPOINTS = URL_SETTINGS.filter((name) => name !== 'BASE_URL');

  test('a user name or password in any of them stops the run, naming the setting and the fix, and is never repeated', () => {
    for (const name of URL_SETTINGS) {
      for (const url of ['https://admin:hunter2@stand-in.example.com/api', 'https://hunter2@stand-in.example.com/api']) {
        const error = problemsOf({ ...REMOTE, [name]: url });
        expect(error.problems, `${name}=${url}`).toEqual([
          expect.stringMatching(new RegExp(`^${name} has a user name or password in it \\(https://\\*\\*\\*@stand-in\\.example\\.com/api, shown without them\\).* Take them out of ${name}; `)),
        ]);
        expect(error.message).not.toContain('hunter2');
        expect(error.message).not.toContain('admin');
      }
    }
    expect(problemsOf({ ...REMOTE, BASE_URL: 'https://admin:hunter2@staging.example.com/signup' }).problems).toEqual([
      'BASE_URL has a user name or password in it (https://***@staging.example.com/signup, shown without them), and a URL is printed wherever it is used: ' +
        "the doctor's lines, errors, the report CI uploads. Take them out of BASE_URL; the suite does not sign in to a page behind HTTP authentication; " +
        'let the test runner in by its network address instead.',
    ]);
  });

  test('against the embedded stack too, your page\'s URL may carry none', () => {
    const error = problemsOf({ BASE_URL: 'http://dev:hunter2@localhost:3000/signup', SIGNUP_PAGE: 'custom-form' });
    expect(error.problems).toEqual([expect.stringMatching(/^BASE_URL has a user name or password in it \(http:\/\/\*\*\*@localhost:3000\/signup, shown without them\)/)]);
    expect(error.message).not.toContain('hunter2');
  });

  test('what is not a URL is shown without what comes before an "@", as that may be a password', () => {
    const error = problemsOf({ ...REMOTE, BASE_URL: 'admin:hunter2@staging.example.com/signup' });
    expect(error.problems).toEqual([expect.stringContaining('BASE_URL is "***@staging.example.com/signup", not an http(s) URL')]);
    expect(error.message).not.toContain('hunter2');
  });

  test('an endpoint override is https, or http on loopback', () => {
    for (const name of ENDPOINTS) {
      for (const url of ['https://stand-in.example.com', 'http://127.0.0.1:9230', 'http://127.8.9.10', 'http://localhost:8080/api', 'http://[::1]:9230']) {
        expect(() => loadSettings({ ...REMOTE, [name]: url }), `${name}=${url}`).not.toThrow();
      }
      for (const url of ['http://stand-in.example.com', 'http://10.0.0.5:9230', 'http://0.0.0.0:9230', 'http://localhost.example.com']) {
        expect(problemsOf({ ...REMOTE, [name]: url }).problems, `${name}=${url}`).toEqual([
          expect.stringMatching(new RegExp(`^${name} is ${url.replace(/\./g, '\\.')}: plain http to another machine, so .+ would cross the network unencrypted\\. Use https, or http on loopback`)),
        ]);
      }
    }
    expect(problemsOf({ ...REMOTE, MAILSLURP_BASE_URL: 'http://mailslurp.example.com' }).problems).toEqual([
      'MAILSLURP_BASE_URL is http://mailslurp.example.com: plain http to another machine, so the MailSlurp API key would cross the network unencrypted. ' +
        'Use https, or http on loopback (127.0.0.1, ::1, localhost) for a stand-in; or unset MAILSLURP_BASE_URL for the real service.',
    ]);
  });

  test('the page under test may be plain http anywhere: it is given no key', () => {
    expect(loadSettings({ ...REMOTE, BASE_URL: 'http://staging.internal.example.com/signup' }).remote?.baseUrl).toBe('http://staging.internal.example.com/signup');
  });
});

test.describe('LOCAL_HOST', () => {
  test('a network address stops the run, saying what it would open to whom, and the fix', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'my-laptop.example.com']) {
      expect(problemsOf({ LOCAL_HOST: host }).problems, host).toEqual([
        `LOCAL_HOST=${host} is not a loopback address (127.0.0.0/8, ::1, localhost): the embedded stack would listen on the network, where anyone who can reach this machine could ` +
          'read every test mail and its codes in the catcher, send it mail of their own, make admin calls to the emulator (create, confirm and delete users, set their passwords) ' +
          "and move users' clocks; nothing there asks for a password. Unset LOCAL_HOST (127.0.0.1), or set a loopback address. " +
          'To serve a network you trust on purpose, set LOCAL_ALLOW_NETWORK=1 as well.',
      ]);
    }
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(stackSettings({ LOCAL_HOST: host }).host).toBe(host);
  });

  test('LOCAL_ALLOW_NETWORK=1 lets it, and the stack says what anyone there can reach', () => {
    const settings = stackSettings({ LOCAL_HOST: '0.0.0.0', LOCAL_ALLOW_NETWORK: '1' });
    expect(settings).toMatchObject({ host: '0.0.0.0', network: true });
    expect(networkWarning(settings)).toBe(
      'LOCAL_ALLOW_NETWORK=1: the stack listens on 0.0.0.0 (ports 1025, 1080, 9230, 4173), where anyone who can reach this machine can read every test mail and its codes in the catcher, ' +
        "send it mail of their own, make admin calls to the emulator (create, confirm and delete users, set their passwords) and move users' clocks; nothing there asks for a password. " +
        'Use it only on a network you trust.',
    );
    expect(networkWarning(stackSettings({}))).toBeUndefined();
    expect(loadSettings({ LOCAL_HOST: '0.0.0.0', LOCAL_ALLOW_NETWORK: '1' }).target).toBe('local');
  });

  test('LOCAL_ALLOW_NETWORK is 1 or unset, and applies to the embedded stack only', () => {
    expect(problemsOf({ LOCAL_HOST: '0.0.0.0', LOCAL_ALLOW_NETWORK: 'yes' }).problems).toEqual([
      'LOCAL_ALLOW_NETWORK="yes" is not 1. Unset it to keep the stack on loopback, or set it to 1 to let LOCAL_HOST be a network address.',
    ]);
    expect(problemsOf({ ...REMOTE, LOCAL_ALLOW_NETWORK: '1' }).problems).toEqual([
      expect.stringMatching(/^LOCAL_ALLOW_NETWORK is set, but it applies to the embedded stack only/),
    ]);
  });
});

test("TEST_EMAIL_PATTERN must hold the suite's marker and name a domain of the team's own", () => {
  expect(loadSettings({ TEST_EMAIL_PATTERN: 'cse2e-signup-.+@qa\\.example\\.com' }).testEmailPattern?.test('cse2e-signup-1@qa.example.com')).toBe(true);
  expect(problemsOf({ TEST_EMAIL_PATTERN: '.+@qa\\.example\\.com' }).problems).toEqual([
    expect.stringContaining('TEST_EMAIL_PATTERN ".+@qa\\.example\\.com" does not hold the suite\'s marker "cse2e" as a literal before "@"'),
  ]);
  expect(problemsOf({ TEST_EMAIL_PATTERN: 'cse2e-.+@gmail\\.com' }).problems).toEqual([
    expect.stringMatching(/^TEST_EMAIL_PATTERN "cse2e-\.\+@gmail\\\.com" names gmail\.com, a public mail domain .+; use a domain of your own .+ \(for the janitor only: /),
  ]);
});

test.describe('CODE_IN_* settings', () => {
  test('are read for both targets, each kind by its own rule or CODE_IN_MAIL', () => {
    const local = loadSettings({ CODE_IN_MAIL: 'Your Acme code: {####}', CODE_IN_SIGN_IN_MAIL: '/sign-in code (\\d{8})/' });
    expect(local.codeRules.signUp).toMatchObject({ form: 'words', variable: 'CODE_IN_MAIL' });
    expect(local.codeRules.signInCode).toMatchObject({ form: 'pattern', variable: 'CODE_IN_SIGN_IN_MAIL' });
    expect(loadSettings({ ...REMOTE, CODE_IN_PASSWORD_RESET_MAIL: 'Reset code {####}' }).codeRules).toEqual({
      passwordReset: expect.objectContaining({ variable: 'CODE_IN_PASSWORD_RESET_MAIL' }),
    });
    expect(loadSettings({}).codeRules).toEqual({});
  });

  test('a wrong one stops the run at start-up with the fix, beside every other problem', () => {
    expect(problemsOf({ EMAIL_TIMEOUT_MS: 'soon', CODE_IN_SIGN_UP_MAIL: '/code \\d{6}/', CODE_IN_INVITATION_MAIL: 'Your password is' }).problems).toEqual([
      expect.stringContaining('EMAIL_TIMEOUT_MS is "soon"'),
      'CODE_IN_SIGN_UP_MAIL="/code \\d{6}/" has no capture group: wrap the code in one, e.g. /code (\\d{6})/',
      'CODE_IN_INVITATION_MAIL="Your password is" has no {####}: put {####} where the code stands, e.g. CODE_IN_INVITATION_MAIL="Your password is: {####}"',
    ]);
  });

  test('are settings of the suite, blanked for its child runs as every other', () => {
    expect(SETTING_VARIABLES).toEqual(expect.arrayContaining([DEFAULT_CODE_RULE_VARIABLE, ...Object.values(MAIL_KINDS).map((kind) => kind.codeRule)]));
  });
});
