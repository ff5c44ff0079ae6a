import { SETTING_VARIABLES, SettingsError, loadSettings } from '../../config/settings';
import { DEFAULT_CODE_RULE_VARIABLE } from '../../helpers/mail/code-rules';
import { MAIL_KINDS } from '../../common/cognito-operations';
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
      expect.stringContaining('SIGNUP_PAGE is "nope", not one of amplify, custom-form, minimal-form'),
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
