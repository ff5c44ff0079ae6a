import { existsSync } from 'node:fs';
import path from 'node:path';
import { localFunctionArn } from '../common/lambda-triggers.js';
import { QuotaSettingsError, parseDailyEmailLimit, parseRateLimits, type QuotaSettings, type RateLimits } from '../common/cognito-quotas.js';
import { AttemptLimitSettingsError, formatAttemptLimits, parseAttemptLimits, type AttemptLimitSettings } from '../common/attempt-limits.js';
import { httpUrl, isLoopbackHost, redactUrl } from '../common/urls.js';
import { AppEnvNamesError, formatAppEnvNames, parseAppEnvNames, type AppEnvNames } from './app-env.js';

/**
 * Where each piece of the embedded stack listens. Every value comes from an
 * environment variable (see `.env.example`) so that two stacks, a proxy or a
 * different mail catcher can sit side by side on one machine.
 */
export interface StackSettings {
  /** Loopback address every service binds to; another only with `network`. */
  host: string;
  /** LOCAL_ALLOW_NETWORK=1: the services may listen on an address other machines reach. */
  network: boolean;
  /**
   * The origin of your own page (BASE_URL's), whose browser calls the
   * emulator as the demo app's does; no other page's is answered.
   */
  pageOrigin?: string;
  cognitoPort: number;
  mailSmtpPort: number;
  mailWebPort: number;
  appPort: number;
  /** Where the emulator sends its mail: the catcher by default, anything SMTP otherwise. */
  cognitoSmtpHost: string;
  cognitoSmtpPort: number;
  /** Emulator database and caught mail live here, never in a shared temp folder. */
  dataDir: string;
  /**
   * How long after answering the emulator sends a code's mail: a range drawn
   * from at random, or 0 to send before answering. Real Cognito answers first
   * and mails later, typically seconds later.
   */
  mailLatencyMs: { min: number; max: number };
  /** Cognito's request rates per category (LOCAL_RATE_LIMITS), and the daily mails of its own sender (LOCAL_EMAIL_DAILY_LIMIT). */
  quotas: QuotaSettings;
  /** Each user's hourly budgets of requests and the sign-in lockout (LOCAL_ATTEMPT_LIMITS): AWS's numbers unless told. */
  attemptLimits: AttemptLimitSettings;
  /** The team's own Lambda handlers, run in-process by the emulator for every pool of the stack; none unless told. */
  triggers: StackTriggers;
  /** LOCAL_APP_ENV_NAMES: the names `npm run stack` prints the pools' settings under, for your own app; the stack's own unless told. */
  appEnvNames?: AppEnvNames;
}

/** A team's handler module: `file` (TypeScript or JavaScript) exports `exportName`; `name` is the function's name in the pool's LambdaConfig. */
export interface TriggerModule {
  file: string;
  exportName: string;
  name: string;
}

export interface StackTriggers {
  /** LOCAL_CUSTOM_MESSAGE_TRIGGER: writes the subject and body of every mail. */
  customMessage?: TriggerModule;
  /** LOCAL_PRE_SIGN_UP_TRIGGER: may reject a sign-up, or confirm and verify the user at once. */
  preSignUp?: TriggerModule;
}

type Env = Record<string, string | undefined>;

/** Every variable the embedded stack reads, and nothing else does. */
export const STACK_VARIABLES = [
  'LOCAL_HOST',
  'LOCAL_ALLOW_NETWORK',
  'LOCAL_COGNITO_PORT',
  'LOCAL_MAIL_SMTP_PORT',
  'LOCAL_MAIL_WEB_PORT',
  'LOCAL_APP_PORT',
  'LOCAL_COGNITO_SMTP_HOST',
  'LOCAL_COGNITO_SMTP_PORT',
  'LOCAL_DATA_DIR',
  'LOCAL_LOG_LEVEL',
  'LOCAL_MAIL_LATENCY_MS',
  'LOCAL_RATE_LIMITS',
  'LOCAL_EMAIL_DAILY_LIMIT',
  'LOCAL_ATTEMPT_LIMITS',
  'LOCAL_CUSTOM_MESSAGE_TRIGGER',
  'LOCAL_PRE_SIGN_UP_TRIGGER',
  'LOCAL_APP_ENV_NAMES',
] as const;

export class StackSettingsError extends Error {
  override name = 'StackSettingsError';
}

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new StackSettingsError(
      `${name}=${JSON.stringify(raw)} is not a TCP port (1-65535). Fix it in .env or unset it to use ${fallback}.`,
    );
  }
  return value;
}

/**
 * How late the emulator mails by default: small enough to keep the stories
 * fast, never zero, so that every local run answers first and mails later as
 * Cognito does, and a test that reads the inbox without waiting goes red here.
 */
export const DEFAULT_MAIL_LATENCY_MS = { min: 20, max: 80 };

/** "0", "250" or "500-5000" (milliseconds) as a range; unset is the default. */
export function parseLatency(raw: string | undefined): { min: number; max: number } {
  if (raw === undefined || raw.trim() === '') return { ...DEFAULT_MAIL_LATENCY_MS };
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(raw);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || max < min || max > 600_000) {
    throw new StackSettingsError(
      `LOCAL_MAIL_LATENCY_MS=${JSON.stringify(raw)} is not a delay in milliseconds: a number (250) or a range (500-5000), up to 600000. Fix it in .env, or unset it for the default (${DEFAULT_MAIL_LATENCY_MS.min}-${DEFAULT_MAIL_LATENCY_MS.max}).`,
    );
  }
  return { min, max };
}

/** LOCAL_RATE_LIMITS (AWS's rates unless told) and LOCAL_EMAIL_DAILY_LIMIT (none unless told: see docs/embedded-stack.md, "Known differences from real Cognito"). */
export function quotaSettings(env: Env): StackSettings['quotas'] {
  try {
    return { rateLimits: parseRateLimits(env.LOCAL_RATE_LIMITS), emailDailyLimit: parseDailyEmailLimit(env.LOCAL_EMAIL_DAILY_LIMIT) };
  } catch (error) {
    if (error instanceof QuotaSettingsError) throw new StackSettingsError(error.message);
    throw error;
  }
}

/** LOCAL_ATTEMPT_LIMITS: AWS's hourly budgets per user and its sign-in lockout unless told (see docs/embedded-stack.md). */
export function attemptLimitSettings(env: Env): AttemptLimitSettings {
  try {
    return parseAttemptLimits(env.LOCAL_ATTEMPT_LIMITS);
  } catch (error) {
    if (error instanceof AttemptLimitSettingsError) throw new StackSettingsError(error.message);
    throw error;
  }
}

/** LOCAL_APP_ENV_NAMES: the names your app reads the stack's settings by (see local/app-env.ts). */
export function appEnvNamesOf(env: Env): AppEnvNames {
  try {
    return parseAppEnvNames(env.LOCAL_APP_ENV_NAMES);
  } catch (error) {
    if (error instanceof AppEnvNamesError) throw new StackSettingsError(error.message);
    throw error;
  }
}

/**
 * "lambda/custom-message.ts" or "lambda/custom-message.ts#customMessage": the
 * module, relative to the working directory, and the export that is the
 * handler (`handler` unless told, as a Lambda's `index.handler`).
 */
export function parseTriggerModule(variable: string, raw: string | undefined, cwd = process.cwd()): TriggerModule | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const [spec = '', exportName = 'handler', ...rest] = raw.trim().split('#');
  const file = path.resolve(cwd, spec);
  const example = `${variable}=lambda/custom-message.ts#handler`;
  if (rest.length || !/^[A-Za-z_$][\w$]*$/.test(exportName)) {
    throw new StackSettingsError(`${variable}=${JSON.stringify(raw)}: after "#" comes the name of the handler's export, once. Fix it in .env, e.g. ${example}.`);
  }
  if (!/\.(?:[cm]?[jt]s)$/.test(spec)) {
    throw new StackSettingsError(`${variable}=${JSON.stringify(raw)} is not a JavaScript or TypeScript module (.js, .mjs, .cjs, .ts, .mts): name the file that exports the handler, e.g. ${example}.`);
  }
  if (!existsSync(file)) {
    throw new StackSettingsError(`${variable}=${JSON.stringify(raw)}: there is no ${file}. The path is read from ${cwd}; fix it in .env, or unset it to run no trigger.`);
  }
  return { file, exportName, name: path.basename(spec).replace(/\.[^.]+$/, '') };
}

/** The rates as LOCAL_RATE_LIMITS reads them back. */
const formatRateLimits = (limits: RateLimits): string =>
  limits === 'off' ? 'off' : Object.entries(limits).map(([category, rps]) => `${category}=${rps}`).join(',');

/** What anyone who can reach the stack's ports can do there: said when LOCAL_HOST is refused, and when LOCAL_ALLOW_NETWORK lets it be. */
const REACHABLE =
  'read every test mail and its codes in the catcher, send it mail of their own, make admin calls to the emulator ' +
  "(create, confirm and delete users, set their passwords) and move users' clocks; nothing there asks for a password";

/** LOCAL_HOST, loopback unless LOCAL_ALLOW_NETWORK=1 says otherwise. */
function hostOf(env: Env): { host: string; network: boolean } {
  const host = env.LOCAL_HOST?.trim() || '127.0.0.1';
  const allow = env.LOCAL_ALLOW_NETWORK?.trim() ?? '';
  if (allow !== '' && allow !== '1') {
    throw new StackSettingsError(`LOCAL_ALLOW_NETWORK=${JSON.stringify(allow)} is not 1. Unset it to keep the stack on loopback, or set it to 1 to let LOCAL_HOST be a network address.`);
  }
  if (!isLoopbackHost(host) && allow !== '1') {
    throw new StackSettingsError(
      `LOCAL_HOST=${host} is not a loopback address (127.0.0.0/8, ::1, localhost): the embedded stack would listen on the network, where anyone who can reach this machine could ${REACHABLE}. ` +
        'Unset LOCAL_HOST (127.0.0.1), or set a loopback address. To serve a network you trust on purpose, set LOCAL_ALLOW_NETWORK=1 as well.',
    );
  }
  return { host, network: allow === '1' };
}

/**
 * BASE_URL's origin: against the embedded stack, your own page's, the one
 * page beside the demo app's whose browser calls the stack answers.
 */
function pageOriginOf(env: Env): { pageOrigin?: string } {
  const raw = env.BASE_URL?.trim();
  if (!raw) return {};
  const url = httpUrl(raw);
  if (!url) {
    throw new StackSettingsError(`BASE_URL="${redactUrl(raw)}" is not an http(s) URL: the stack answers your page's origin, taken from it. Fix it, or unset it to test the demo app.`);
  }
  return { pageOrigin: url.origin };
}

/** The warning for a stack on the network (LOCAL_ALLOW_NETWORK=1); undefined on loopback. */
export function networkWarning(settings: StackSettings): string | undefined {
  if (isLoopbackHost(settings.host)) return undefined;
  const ports = [settings.mailSmtpPort, settings.mailWebPort, settings.cognitoPort, settings.appPort].join(', ');
  return `LOCAL_ALLOW_NETWORK=1: the stack listens on ${settings.host} (ports ${ports}), where anyone who can reach this machine can ${REACHABLE}. Use it only on a network you trust.`;
}

export function stackSettings(env: Env = process.env): StackSettings {
  const { host, network } = hostOf(env);
  const mailSmtpPort = port(env, 'LOCAL_MAIL_SMTP_PORT', 1025);
  return {
    host,
    network,
    ...pageOriginOf(env),
    // 9229 is cognito-local's default, and also Node's inspector port: a debugger would collide with it.
    cognitoPort: port(env, 'LOCAL_COGNITO_PORT', 9230),
    mailSmtpPort,
    mailWebPort: port(env, 'LOCAL_MAIL_WEB_PORT', 1080),
    appPort: port(env, 'LOCAL_APP_PORT', 4173),
    cognitoSmtpHost: env.LOCAL_COGNITO_SMTP_HOST || host,
    cognitoSmtpPort: port(env, 'LOCAL_COGNITO_SMTP_PORT', mailSmtpPort),
    dataDir: path.resolve(env.LOCAL_DATA_DIR || '.stack'),
    mailLatencyMs: parseLatency(env.LOCAL_MAIL_LATENCY_MS),
    quotas: quotaSettings(env),
    attemptLimits: attemptLimitSettings(env),
    triggers: {
      customMessage: parseTriggerModule('LOCAL_CUSTOM_MESSAGE_TRIGGER', env.LOCAL_CUSTOM_MESSAGE_TRIGGER),
      preSignUp: parseTriggerModule('LOCAL_PRE_SIGN_UP_TRIGGER', env.LOCAL_PRE_SIGN_UP_TRIGGER),
    },
    appEnvNames: appEnvNamesOf(env),
  };
}

/** The pools' LambdaConfig for these handlers: each named by its module, as a Lambda function's ARN. */
export function lambdaConfigOf(triggers: StackTriggers): { CustomMessage?: string; PreSignUp?: string } {
  return {
    ...(triggers.customMessage ? { CustomMessage: localFunctionArn(triggers.customMessage.name) } : {}),
    ...(triggers.preSignUp ? { PreSignUp: localFunctionArn(triggers.preSignUp.name) } : {}),
  };
}

const triggerSetting = (module: TriggerModule | undefined) => (module ? `${module.file}#${module.exportName}` : '');

export function stackUrls(settings: StackSettings) {
  const at = (p: number) => `http://${settings.host}:${p}`;
  return {
    cognito: at(settings.cognitoPort),
    mailWeb: at(settings.mailWebPort),
    app: at(settings.appPort),
    /** Served by the app once the whole stack is ready; it carries the pool and client IDs. */
    appConfig: `${at(settings.appPort)}/config.json`,
  };
}

/** An origin on loopback under each of its names (a browser may open the demo app as localhost), or the origin alone. */
function spellings(origin: string): string[] {
  const url = new URL(origin);
  if (!isLoopbackHost(url.hostname)) return [url.origin];
  const port = url.port ? `:${url.port}` : '';
  return [url.origin, ...['127.0.0.1', 'localhost', '[::1]'].map((name) => `${url.protocol}//${name}${port}`)];
}

/**
 * The web origins whose pages may call the emulator and the catcher from a
 * browser: the demo app's, and your page's (BASE_URL) when it is set. Any
 * other page open in the developer's browser gets no answer it can read.
 */
export function allowedOrigins(settings: StackSettings): string[] {
  return [...new Set([stackUrls(settings).app, ...(settings.pageOrigin ? [settings.pageOrigin] : [])].flatMap(spellings))];
}

/** The region the stack creates its pools in, and the one the suite's Cognito client names for them. */
export const STACK_REGION = 'local';

/**
 * What the app learns at run time from `/config.json` (appConfig above), so
 * one build serves any pool: the stack's emulator pool, or a real one.
 */
export interface AppRuntimeConfig {
  userPoolId: string;
  userPoolClientId: string;
  /** The emulator's URL; absent for AWS. */
  userPoolEndpoint?: string;
  /** The embedded stack's pool whose sign-up mails carry a confirmation link; absent for AWS. */
  linkVerification?: { userPoolId: string; userPoolClientId: string };
  /** The embedded stack's pool that keeps the original email until a new one is verified; absent for AWS. */
  keepOriginalEmail?: { userPoolId: string; userPoolClientId: string };
}

/** The environment that points the suite (or a child process) at these settings. */
export function stackEnv(settings: StackSettings): Record<string, string> {
  return {
    LOCAL_HOST: settings.host,
    LOCAL_ALLOW_NETWORK: settings.network ? '1' : '',
    LOCAL_COGNITO_PORT: String(settings.cognitoPort),
    LOCAL_MAIL_SMTP_PORT: String(settings.mailSmtpPort),
    LOCAL_MAIL_WEB_PORT: String(settings.mailWebPort),
    LOCAL_APP_PORT: String(settings.appPort),
    LOCAL_COGNITO_SMTP_HOST: settings.cognitoSmtpHost,
    LOCAL_COGNITO_SMTP_PORT: String(settings.cognitoSmtpPort),
    LOCAL_DATA_DIR: settings.dataDir,
    LOCAL_MAIL_LATENCY_MS: `${settings.mailLatencyMs.min}-${settings.mailLatencyMs.max}`,
    LOCAL_RATE_LIMITS: formatRateLimits(settings.quotas.rateLimits),
    LOCAL_EMAIL_DAILY_LIMIT: String(settings.quotas.emailDailyLimit),
    LOCAL_ATTEMPT_LIMITS: formatAttemptLimits(settings.attemptLimits),
    LOCAL_CUSTOM_MESSAGE_TRIGGER: triggerSetting(settings.triggers.customMessage),
    LOCAL_PRE_SIGN_UP_TRIGGER: triggerSetting(settings.triggers.preSignUp),
    LOCAL_APP_ENV_NAMES: formatAppEnvNames(settings.appEnvNames ?? {}),
  };
}
