import { STACK_VARIABLES, StackSettingsError, stackSettings } from '../local/stack-settings.js';
import { UI_NAMES, descriptionFile, type UiName } from '../pages/index.js';
import { ActionableError } from '../helpers/errors.js';
import { compileTestEmailPattern } from '../helpers/cognito/deletion-guard.js';
import { CodeRuleError, codeRulesFromEnv, type CodeRule } from '../helpers/mail/code-rules.js';
import type { MailKind } from '../common/cognito-operations.js';
import { hasCredentials, httpUrl, isLoopbackHost, redactUrl } from '../common/urls.js';

type Env = Record<string, string | undefined>;

export type TargetName = 'local' | 'remote';
export type { UiName } from '../pages/index.js';

/** The real services: an AWS user pool, the app under test, MailSlurp inboxes. */
export interface RemoteSettings {
  userPoolId: string;
  clientId: string;
  /** Only when the app client has a secret; used for SECRET_HASH, never printed. */
  clientSecret?: string;
  region: string;
  /** Overrides the regional endpoint: for stand-ins, never needed for AWS. */
  cognitoEndpoint?: string;
  baseUrl: string;
  mailslurp: { apiKey: string; basePath?: string };
  /** Where AWS's own records of a mail are read: endpoint overrides for stand-ins, and the log group SES's events land in. */
  deliveryRecords: { sesEndpoint?: string; logsEndpoint?: string; sesEventsLogGroup?: string };
}

export interface Settings {
  target: TargetName;
  /** How the target was chosen, for the doctor and for errors. */
  targetReason: string;
  emailTimeoutMs: number;
  /** How long one of the page's Cognito calls may take; undefined when the check is off. */
  callBudgetMs?: number;
  signupPage: UiName;
  /**
   * Against the embedded stack: your own page (BASE_URL), pointed at the
   * stack, instead of the demo app. Driven by the page object SIGNUP_PAGE names.
   */
  localAppUrl?: string;
  /** Real-service variables that TEST_TARGET=local set aside, to say so once. */
  setAside?: string[];
  /** Extra addresses the suite may delete users for, beyond its own inboxes'. */
  testEmailPattern?: RegExp;
  /** Where the code stands in each kind of mail a trigger writes (CODE_IN_*); a kind without a rule has none. */
  codeRules: Partial<Record<MailKind, CodeRule>>;
  remote?: RemoteSettings;
}

/** Every variable the suite reads for the real services, what it is for. */
export const REMOTE_VARIABLES = {
  COGNITO_USER_POOL_ID: 'the user pool your app signs users up to, e.g. eu-west-1_AbCdEf123',
  COGNITO_CLIENT_ID: 'the app client your sign-up page uses',
  BASE_URL: 'the URL of the sign-up page under test, e.g. https://staging.example.com/signup',
  MAILSLURP_API_KEY: 'the MailSlurp API key the disposable inboxes are created with',
} as const;

const OPTIONAL_VARIABLES = {
  TEST_TARGET: 'local (embedded stack) or remote (AWS + MailSlurp); inferred from the other variables when unset',
  AWS_REGION: "the pool's region; the pool ID's prefix when unset",
  COGNITO_CLIENT_SECRET: 'the app client secret, only if the client has one',
  COGNITO_ENDPOINT: 'a Cognito endpoint override, for stand-ins only',
  MAILSLURP_BASE_URL: 'a MailSlurp API URL override, for stand-ins only',
  SES_ENDPOINT: 'an Amazon SES API endpoint override, for stand-ins only',
  LOGS_ENDPOINT: 'a CloudWatch Logs endpoint override, for stand-ins only',
  SES_EVENTS_LOG_GROUP: "the CloudWatch Logs group your SES configuration set's events land in, read when a mail goes missing",
  EMAIL_TIMEOUT_MS: 'how long a test waits for a verification email, in ms',
  COGNITO_CALL_BUDGET_MS: "how long one of the page's Cognito calls may take before the test fails, in ms, or off",
  SIGNUP_PAGE: `which sign-up page object drives the UI: ${UI_NAMES.join(', ')}`,
  TEST_EMAIL_PATTERN: "for the janitor only: a regular expression for whole addresses of your own test users whose inbox record is gone",
  CODE_IN_MAIL: 'where the code stands in every kind of mail without its own CODE_IN_*_MAIL: a /regular expression/ with one capture group, or the words around {####}',
  CODE_IN_SIGN_UP_MAIL: 'where the code stands in the sign-up mail, when a trigger writes it',
  CODE_IN_RESEND_MAIL: 'where the code stands in a resent sign-up code, when a trigger writes it',
  CODE_IN_PASSWORD_RESET_MAIL: 'where the code stands in the password-reset mail, when a trigger writes it',
  CODE_IN_INVITATION_MAIL: 'where the temporary password stands in the invitation, when a trigger writes it',
  CODE_IN_ATTRIBUTE_MAIL: "where the code stands in the mail verifying a changed address, when a trigger writes it",
  CODE_IN_SIGN_IN_MAIL: 'where the code stands in a sign-in code mail, when a trigger writes it',
} as const;

type Variable = keyof typeof REMOTE_VARIABLES | keyof typeof OPTIONAL_VARIABLES;
/** Every variable of the suite's own configuration (the embedded stack's LOCAL_* aside). */
export const SETTING_VARIABLES = [...Object.keys(REMOTE_VARIABLES), ...Object.keys(OPTIONAL_VARIABLES)] as Variable[];
const purposeOf = (name: Variable) =>
  (REMOTE_VARIABLES as Record<string, string>)[name] ?? (OPTIONAL_VARIABLES as Record<string, string>)[name];

/** Every problem with the configuration, found at once, so one run fixes them all. */
export class SettingsError extends ActionableError {
  constructor(readonly problems: string[]) {
    super(
      `The test configuration is incomplete or wrong (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nSet these in .env (copy .env.example), or as CI secrets of the same names. ' +
        'With no Cognito or MailSlurp variables at all, the tests run against the embedded stack.',
    );
  }
}

/** COGNITO_CALL_BUDGET_MS when unset: see where it is read for why these values. */
export const DEFAULT_BUDGET_MS = { local: 2_000, remote: 6_000 };

// Region prefix, underscore, then Cognito's alphanumeric pool suffix.
const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;
// Behind COGNITO_ENDPOINT (a stand-in, the emulator) any "region_id" will do, e.g. local_AbC123.
const STAND_IN_POOL_ID = /^([\w-]+)_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;

/** The variables as the parts below read them, and the problems they find, gathered for one SettingsError. */
class Reading {
  readonly problems: string[] = [];
  constructor(readonly env: Env) {}

  /** A variable's value; empty or white space counts as unset, as in .env.example. */
  value(name: Variable): string | undefined {
    return this.env[name]?.trim() || undefined;
  }
  missing(name: Variable): void {
    this.problems.push(`${name} is missing: ${purposeOf(name)}.`);
  }
  malformed(name: Variable, why: string): void {
    this.problems.push(`${name} ${why} (${purposeOf(name)}).`);
  }
}

/** Which services: TEST_TARGET, or inferred from whether the real services are configured, and why, for the doctor and for errors. */
function chosenTarget(read: Reading): { target: TargetName; targetReason: string } {
  const explicit = read.value('TEST_TARGET');
  const hasPool = !!read.value('COGNITO_USER_POOL_ID');
  const hasKey = !!read.value('MAILSLURP_API_KEY');
  if (explicit) {
    if (explicit === 'local' || explicit === 'remote') return { target: explicit, targetReason: `TEST_TARGET=${explicit}` };
    read.malformed('TEST_TARGET', `is "${explicit}", not local or remote`);
  } else if (hasPool && hasKey) {
    return { target: 'remote', targetReason: 'COGNITO_USER_POOL_ID and MAILSLURP_API_KEY are set: the real services' };
  } else if (hasPool !== hasKey) {
    const [set, unset] = hasPool ? ['COGNITO_USER_POOL_ID', 'MAILSLURP_API_KEY'] : ['MAILSLURP_API_KEY', 'COGNITO_USER_POOL_ID'];
    read.problems.push(
      `${set} is set but ${unset} is not: set both (and the other real-service variables) to test AWS and MailSlurp, ` +
        'or neither for the embedded stack, or TEST_TARGET=local to ignore them.',
    );
  }
  return { target: 'local', targetReason: 'no COGNITO_USER_POOL_ID and no MAILSLURP_API_KEY: the embedded stack' };
}

/** How long a test waits for a mail, and how long one of the page's Cognito calls may take (undefined: the check is off). */
function timeouts(read: Reading, target: TargetName): Pick<Settings, 'emailTimeoutMs' | 'callBudgetMs'> {
  const timeoutRaw = read.value('EMAIL_TIMEOUT_MS');
  const emailTimeoutMs = timeoutRaw === undefined ? 10_000 : Number(timeoutRaw);
  if (!Number.isInteger(emailTimeoutMs) || emailTimeoutMs < 1_000 || emailTimeoutMs > 600_000) {
    read.malformed('EMAIL_TIMEOUT_MS', `is "${timeoutRaw}", not a whole number of milliseconds from 1000 to 600000`);
  }

  // The embedded stack answers in tens of ms: median 44 ms, p99 495 ms, worst 655 ms over 196 calls on 2 cores
  // with the stories on 2 workers and self-tests' child runs beside them; 2 s is a wide margin. On AWS a call
  // that runs a Lambda trigger may take up to the trigger's 5 s timeout, and Cognito's own time on top.
  const budgetRaw = read.value('COGNITO_CALL_BUDGET_MS');
  const callBudgetMs = budgetRaw === 'off' ? undefined : budgetRaw === undefined ? DEFAULT_BUDGET_MS[target] : Number(budgetRaw);
  if (callBudgetMs !== undefined && (!Number.isInteger(callBudgetMs) || callBudgetMs < 100 || callBudgetMs > 600_000)) {
    read.malformed('COGNITO_CALL_BUDGET_MS', `is "${budgetRaw}", not a whole number of milliseconds from 100 to 600000, or off`);
  }
  return { emailTimeoutMs, ...(callBudgetMs !== undefined ? { callBudgetMs } : {}) };
}

/** Which page description drives the UI (SIGNUP_PAGE): a file in pages/ui/, by its name. */
function signupPageOf(read: Reading): UiName {
  const signupPage = (read.value('SIGNUP_PAGE') ?? 'amplify') as UiName;
  if (!UI_NAMES.includes(signupPage)) read.malformed('SIGNUP_PAGE', `is "${signupPage}", but there is no ${descriptionFile(signupPage)}; the pages described are ${UI_NAMES.join(', ')}`);
  return signupPage;
}

/** The deletion guard's extra addresses (TEST_EMAIL_PATTERN), compiled and vetted for shape; undefined when unset or refused. */
function testEmailPatternOf(read: Reading): RegExp | undefined {
  const patternSource = read.value('TEST_EMAIL_PATTERN');
  if (patternSource === undefined) return undefined;
  const testEmailPattern = compileTestEmailPattern(patternSource);
  if (typeof testEmailPattern === 'string') {
    read.malformed('TEST_EMAIL_PATTERN', `"${patternSource}" ${testEmailPattern}`);
    return undefined;
  }
  return testEmailPattern;
}

/** Where the code stands in each kind of mail (CODE_IN_*), on both targets: the rules describe the team's own mail, wherever its pool runs. */
function codeRulesOf(read: Reading): Settings['codeRules'] {
  try {
    return codeRulesFromEnv(read.env);
  } catch (error) {
    if (!(error instanceof CodeRuleError)) throw error;
    read.problems.push(...error.problems);
    return {};
  }
}

/** The pool (COGNITO_USER_POOL_ID) and its region: AWS_REGION, or the pool ID's prefix, which must agree. */
function userPoolOf(read: Reading): { userPoolId?: string; region?: string } {
  const userPoolId = read.value('COGNITO_USER_POOL_ID');
  const poolIdPattern = read.value('COGNITO_ENDPOINT') ? STAND_IN_POOL_ID : POOL_ID;
  const poolRegion = userPoolId ? poolIdPattern.exec(userPoolId)?.[1] : undefined;
  if (!userPoolId) read.missing('COGNITO_USER_POOL_ID');
  else if (!poolRegion) read.malformed('COGNITO_USER_POOL_ID', `is "${userPoolId}", not a pool ID like eu-west-1_AbCdEf123`);

  const awsRegion = read.value('AWS_REGION');
  if (awsRegion && poolRegion && awsRegion !== poolRegion) {
    read.malformed('AWS_REGION', `is ${awsRegion}, but the pool ${userPoolId} lives in ${poolRegion}; unset it or make them agree`);
  }
  return { userPoolId, region: awsRegion ?? poolRegion };
}

function appClientIdOf(read: Reading): string | undefined {
  const clientId = read.value('COGNITO_CLIENT_ID');
  if (!clientId) read.missing('COGNITO_CLIENT_ID');
  else if (!CLIENT_ID.test(clientId)) read.malformed('COGNITO_CLIENT_ID', `is "${clientId}", not an app client ID (letters, digits, up to 128)`);
  return clientId;
}

/** Each URL setting, and where what a team might put in its URL belongs instead. */
const CREDENTIALS_INSTEAD = {
  BASE_URL: 'the suite does not sign in to a page behind HTTP authentication; let the test runner in by its network address instead',
  MAILSLURP_BASE_URL: 'MailSlurp takes its key from MAILSLURP_API_KEY',
  COGNITO_ENDPOINT: "AWS credentials come from the SDK's default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID …), never from a URL",
  SES_ENDPOINT: "AWS credentials come from the SDK's default chain, never from a URL",
  LOGS_ENDPOINT: "AWS credentials come from the SDK's default chain, never from a URL",
} as const;

/**
 * A URL setting: http(s), with no user name or password. Those would be
 * printed wherever the URL is (the doctor's lines, errors, the report that CI
 * uploads), so they are refused, and never repeated: the URL is shown with
 * `***` in their place. Undefined when unset or refused.
 */
function urlOf(read: Reading, name: keyof typeof CREDENTIALS_INSTEAD): URL | undefined {
  const value = read.value(name);
  if (!value) return undefined;
  const url = httpUrl(value);
  if (!url) {
    read.malformed(name, `is "${redactUrl(value)}", not an http(s) URL`);
    return undefined;
  }
  if (hasCredentials(url)) {
    read.problems.push(
      `${name} has a user name or password in it (${redactUrl(value)}, shown without them), and a URL is printed wherever it is used: ` +
        `the doctor's lines, errors, the report CI uploads. Take them out of ${name}; ${CREDENTIALS_INSTEAD[name]}.`,
    );
    return undefined;
  }
  return url;
}

/** What an endpoint override carries, which plain http to another machine would show to the network. */
const CARRIED_BY = {
  MAILSLURP_BASE_URL: 'the MailSlurp API key',
  COGNITO_ENDPOINT: 'your AWS session token and signed requests',
  SES_ENDPOINT: 'your AWS session token and signed requests',
  LOGS_ENDPOINT: 'your AWS session token and signed requests',
} as const;

/** An endpoint override: https, or http on this machine (a stand-in), as the key and the signed calls travel to it. */
function endpointOf(read: Reading, name: keyof typeof CARRIED_BY): string | undefined {
  const url = urlOf(read, name);
  if (url?.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    read.problems.push(
      `${name} is ${read.value(name)}: plain http to another machine, so ${CARRIED_BY[name]} would cross the network unencrypted. ` +
        `Use https, or http on loopback (127.0.0.1, ::1, localhost) for a stand-in; or unset ${name} for the real service.`,
    );
    return undefined;
  }
  return url && read.value(name);
}

/** BASE_URL, when given: an http(s) URL without credentials. */
function pageUrlOf(read: Reading): string | undefined {
  return urlOf(read, 'BASE_URL') && read.value('BASE_URL');
}

/** MAILSLURP_API_KEY, checked for shape only: its value never appears in a message. */
function mailSlurpKeyOf(read: Reading): string | undefined {
  const apiKey = read.value('MAILSLURP_API_KEY');
  if (!apiKey) read.missing('MAILSLURP_API_KEY');
  else if (/\s/.test(read.env.MAILSLURP_API_KEY ?? '') || apiKey.length < 16) {
    read.malformed('MAILSLURP_API_KEY', 'does not look like an API key (too short, or has white space inside; its value is not shown)');
  }
  return apiKey;
}

/** The real services' settings; every variable of the embedded stack is refused beside them. */
function remoteSettingsOf(read: Reading, targetReason: string): RemoteSettings {
  const { userPoolId, region } = userPoolOf(read);
  const clientId = appClientIdOf(read);
  const baseUrl = pageUrlOf(read);
  if (!read.value('BASE_URL')) read.missing('BASE_URL');
  const apiKey = mailSlurpKeyOf(read);
  const cognitoEndpoint = endpointOf(read, 'COGNITO_ENDPOINT');
  const mailSlurpUrl = endpointOf(read, 'MAILSLURP_BASE_URL');
  const sesEndpoint = endpointOf(read, 'SES_ENDPOINT');
  const logsEndpoint = endpointOf(read, 'LOGS_ENDPOINT');
  // A setting that cannot apply stops the run: a green run against something else would be a false pass.
  for (const name of STACK_VARIABLES) {
    if (read.env[name]?.trim()) {
      read.problems.push(`${name} is set, but it applies to the embedded stack only and the target is the real services (${targetReason}). Unset it.`);
    }
  }
  const present = <K extends string>(key: K, value: string | undefined) => (value ? ({ [key]: value } as Record<K, string>) : {});
  return {
    userPoolId: userPoolId ?? '',
    clientId: clientId ?? '',
    ...present('clientSecret', read.value('COGNITO_CLIENT_SECRET')),
    region: region ?? '',
    ...present('cognitoEndpoint', cognitoEndpoint),
    baseUrl: baseUrl ?? '',
    mailslurp: { apiKey: apiKey ?? '', ...present('basePath', mailSlurpUrl) },
    deliveryRecords: {
      ...present('sesEndpoint', sesEndpoint),
      ...present('logsEndpoint', logsEndpoint),
      ...present('sesEventsLogGroup', read.value('SES_EVENTS_LOG_GROUP')),
    },
  };
}

/** Variables that configure the real services only. */
const REMOTE_ONLY_VARIABLES = [
  'COGNITO_USER_POOL_ID',
  'COGNITO_CLIENT_ID',
  'COGNITO_CLIENT_SECRET',
  'COGNITO_ENDPOINT',
  'MAILSLURP_API_KEY',
  'MAILSLURP_BASE_URL',
  'SES_ENDPOINT',
  'LOGS_ENDPOINT',
  'SES_EVENTS_LOG_GROUP',
] as const;

/** Real-service names an app of its own often reads too (Amplify apps' COGNITO_ENDPOINT, say), which then stop a local run. */
const APP_LIKE_NAMES = new Set<string>(['COGNITO_ENDPOINT', 'COGNITO_CLIENT_ID']);
const APP_NAMES_HINT =
  '`LOCAL_APP_ENV_NAMES=USER_POOL_ENDPOINT=COGNITO_ENDPOINT npm run stack -- --write-env <a file your app reads>` writes the stack\'s values under your names into its file ' +
  '(docs/adopting.md, "Your page against the embedded stack")';

/**
 * The embedded stack's side: its own settings (LOCAL_*), your own page in
 * place of the demo app (BASE_URL, SIGNUP_PAGE), and the real-service
 * variables, set aside by TEST_TARGET=local and refused otherwise.
 */
function embeddedStackSettingsOf(read: Reading, targetReason: string): Pick<Settings, 'localAppUrl' | 'setAside'> {
  try {
    // BASE_URL is checked below, as your page's URL, with its own messages.
    stackSettings({ ...read.env, BASE_URL: undefined });
  } catch (error) {
    if (!(error instanceof StackSettingsError)) throw error;
    read.problems.push(error.message);
  }
  const localAppUrl = pageUrlOf(read);
  const signupPageRaw = read.value('SIGNUP_PAGE');
  if (signupPageRaw && !read.value('BASE_URL')) {
    read.problems.push(
      `SIGNUP_PAGE=${signupPageRaw} names the page object for your own page, but BASE_URL is not set, so the run would test the demo app instead. ` +
        'Against the embedded stack, set BASE_URL to your page, with your app pointed at the stack (`npm run stack` prints the values it needs); ' +
        'or unset SIGNUP_PAGE to test the demo app.',
    );
  }
  const remoteOnly = REMOTE_ONLY_VARIABLES.filter((name) => read.value(name));
  if (read.value('TEST_TARGET') === 'local') {
    return { ...(localAppUrl ? { localAppUrl } : {}), ...(remoteOnly.length ? { setAside: remoteOnly } : {}) };
  }
  for (const name of remoteOnly) {
    if (name === 'COGNITO_USER_POOL_ID' || name === 'MAILSLURP_API_KEY') continue; // reported by chosenTarget, as half a configuration
    read.problems.push(
      `${name} is set, but it applies to the real services only and the target is the embedded stack (${targetReason}). ` +
        'Unset it, or set the real-service variables to test AWS (TEST_TARGET=remote).' +
        (APP_LIKE_NAMES.has(name) ? ` If it is your own app's variable, give it to your app only, not to the shell that runs the suite: ${APP_NAMES_HINT}.` : ''),
    );
  }
  return localAppUrl ? { localAppUrl } : {};
}

/**
 * Reads and checks every setting once. Either returns settings the whole suite
 * can rely on, or throws one SettingsError that lists every missing or
 * malformed variable, what it is for, and where it goes. Secret values are
 * never repeated in a message.
 */
export function loadSettings(env: Env = process.env): Settings {
  const read = new Reading(env);
  const { target, targetReason } = chosenTarget(read);
  const times = timeouts(read, target);
  const signupPage = signupPageOf(read);
  const testEmailPattern = testEmailPatternOf(read);
  const codeRules = codeRulesOf(read);
  const side = target === 'remote' ? { remote: remoteSettingsOf(read, targetReason) } : embeddedStackSettingsOf(read, targetReason);
  if (read.problems.length) throw new SettingsError(read.problems);
  return {
    target,
    targetReason,
    ...times,
    signupPage,
    ...(testEmailPattern ? { testEmailPattern } : {}),
    codeRules,
    ...side,
  };
}
