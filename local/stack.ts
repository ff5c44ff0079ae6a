/**
 * The embedded stack: mail catcher, Cognito emulator and demo app on loopback.
 * Its command line is in ./stack-command.ts; Playwright's webServer starts the
 * same command for a test run.
 */
import { Console } from 'node:console';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appEnvLines, appSettingsOf, ENV_FILE_MARK, envFileText, jsonLine, mayWriteEnvFile } from './app-env.js';
import { startDemoApp, ensureAppBuilt } from './app/serve.js';
import { ensureUserPool } from './bootstrap.js';
import { startCognitoEmulator } from './cognito/emulator.js';
import { startMailCatcher } from './mail/catcher.js';
import type { RunningService } from './running-service.js';
import { parseStackCommand, SERVICES, type ServiceName, type StackCommand } from './stack-command.js';
import { allowedOrigins, lambdaConfigOf, networkWarning, stackSettings, stackUrls, type StackSettings } from './stack-settings.js';

const log = (line: string) => process.stderr.write(`[stack] ${line}\n`);

/** Which variable moves each port, for the error that says a port is taken. */
function portVariables(settings: StackSettings): Record<string, string> {
  return {
    [settings.mailSmtpPort]: 'LOCAL_MAIL_SMTP_PORT',
    [settings.mailWebPort]: 'LOCAL_MAIL_WEB_PORT',
    [settings.cognitoPort]: 'LOCAL_COGNITO_PORT',
    [settings.appPort]: 'LOCAL_APP_PORT',
  };
}

function explainStartFailure(service: string, error: unknown, variables: Record<string, string>): Error {
  const cause = error as NodeJS.ErrnoException & { port?: number };
  // Node says EADDRINUSE; Vite's preview server says "Port 4173 is already in use".
  if (cause.code === 'EADDRINUSE' || /already in use/.test(cause.message)) {
    const port = cause.port ?? /(?:port |:)(\d+)/i.exec(cause.message)?.[1];
    const variable = variables[String(port)] ?? 'the LOCAL_*_PORT variables';
    return new Error(
      `${service} could not listen on port ${port}: it is already in use. ` +
        `Another stack may be running (stop it, or let Playwright reuse it), or set ${variable} in .env.`,
      { cause },
    );
  }
  return new Error(`${service} failed to start: ${cause.message}`, { cause });
}


export interface RunningStack {
  /** The services that are up, in start order. */
  services: RunningService[];
  /** Stops one service, for tests of what happens when it dies. */
  stopService(name: ServiceName): Promise<void>;
  /** Stops whatever still runs, last started first. */
  stop(): Promise<void>;
}

export interface StackOptions {
  /**
   * The Cognito endpoint the app is told to use, when something stands
   * between it and the emulator (a fault injector in the suite's own tests).
   */
  appCognitoUrl?: string;
}

export async function startStack(settings: StackSettings, only: readonly ServiceName[] = SERVICES, options: StackOptions = {}): Promise<RunningStack> {
  const urls = stackUrls(settings);
  const running = new Map<ServiceName, RunningService>();
  const start = async (name: ServiceName, label: string, starting: () => Promise<RunningService>) => {
    try {
      running.set(name, await starting());
    } catch (error) {
      throw explainStartFailure(label, error, portVariables(settings));
    }
  };
  const stopService = async (name: ServiceName) => {
    const service = running.get(name);
    running.delete(name);
    await service?.close();
  };
  const stop = async () => {
    for (const name of [...running.keys()].reverse()) await stopService(name);
  };
  const admission = { origins: allowedOrigins(settings), network: settings.network };
  const warning = networkWarning(settings);
  if (warning) log(`WARNING: ${warning}`);
  try {
    // The app is built (when stale) while the servers come up.
    const appBuilt = only.includes('app') ? ensureAppBuilt(log) : Promise.resolve();
    if (only.includes('mail')) {
      await start('mail', 'Mail catcher', () =>
        startMailCatcher({
          ...settings,
          smtpPort: settings.mailSmtpPort,
          webPort: settings.mailWebPort,
          acceptLog: process.env.LOCAL_BENCH_ACCEPT_LOG || undefined,
          admission,
        }),
      );
    }
    if (only.includes('cognito')) {
      await start('cognito', 'Cognito emulator', () =>
        startCognitoEmulator({
          host: settings.host,
          port: settings.cognitoPort,
          dataDir: settings.dataDir,
          smtp: { host: settings.cognitoSmtpHost, port: settings.cognitoSmtpPort },
          mailLatencyMs: settings.mailLatencyMs,
          quotas: settings.quotas,
          attemptLimits: settings.attemptLimits,
          triggers: settings.triggers,
          logLevel: process.env.LOCAL_LOG_LEVEL,
          admission,
        }),
      );
    }
    if (only.includes('app')) {
      const pool = await ensureUserPool(urls.cognito, lambdaConfigOf(settings.triggers)).catch((error: Error) => {
        throw new Error(`Could not set up the user pool on the Cognito emulator at ${urls.cognito}: ${error.message}`, {
          cause: error,
        });
      });
      await appBuilt;
      await start('app', 'Demo app', () =>
        startDemoApp({ host: settings.host, port: settings.appPort, config: { ...pool, userPoolEndpoint: options.appCognitoUrl ?? urls.cognito } }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    get services() {
      return [...running.values()];
    },
    stopService,
    stop,
  };
}

/** What the file --write-env names holds now; undefined when there is none. */
const readIfThere = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

/** Refuses, before anything starts, a file --write-env would overwrite that the stack did not write. */
function checkEnvFile(file: string): void {
  if (!existsSync(path.dirname(file))) throw new Error(`--write-env ${file}: there is no folder ${path.dirname(file)}. Name a file in your app's folder.`);
  if (mayWriteEnvFile(readIfThere(file))) return;
  throw new Error(
    `--write-env ${file}: the file exists and was not written by npm run stack, so it is left alone. ` +
      'Name a file of its own that your app also reads (Vite: .env.<mode>.local with --mode <mode>; Next.js: .env.development.local), or move this one away.',
  );
}

/**
 * What your own app needs to point at this stack (Amplify: Auth.Cognito's
 * userPoolId, userPoolClientId and userPoolEndpoint), on stdout once it is
 * ready: .env lines, or with --json one line of JSON; the log lines go to
 * stderr. With --write-env, the .env lines go to that file too.
 */
async function printAppSettings(settings: StackSettings, command: StackCommand): Promise<void> {
  const cognitoUrl = stackUrls(settings).cognito;
  const pools = await ensureUserPool(cognitoUrl, lambdaConfigOf(settings.triggers));
  const lines = appEnvLines(appSettingsOf(pools, cognitoUrl), settings.appEnvNames);
  const comments = [
    'Point your own app at this stack (then run the suite with BASE_URL=<your page> and SIGNUP_PAGE=<its page object>):',
    settings.pageOrigin
      ? `It answers the browser calls of the demo app and of your page, ${settings.pageOrigin} (BASE_URL), and no other page's.`
      : "It answers the browser calls of the demo app only: start it with BASE_URL=<your page> in its environment to have it answer your page's.",
  ];
  if (command.envFile) {
    const file = path.resolve(command.envFile);
    const before = readIfThere(file);
    if (!mayWriteEnvFile(before)) throw new Error(`--write-env ${file}: the file appeared while the stack started, and was not written by npm run stack; it is left alone.`);
    writeFileSync(file, `${ENV_FILE_MARK}\n${envFileText(lines, comments)}`);
    log(`${before === undefined ? 'wrote' : 'replaced'} ${file}: ${lines.map(([name]) => name).join(', ')}`);
  }
  if (command.json) {
    for (const comment of comments) log(comment);
    process.stdout.write(jsonLine(lines));
  } else {
    process.stdout.write(envFileText(lines, comments));
  }
}

/** `npm run stack [services…]`: starts them, prints where they are and how to point an app at them, and stops on a signal. */
async function main(requested: readonly string[] = process.argv.slice(2)) {
  // The SDK's notice that 2027 releases need Node 22 is for whoever upgrades the lockfile, not for every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // stdout carries the app's settings and nothing else, so that they pipe into jq or a file: what a library
  // prints (MailDev's API announces itself with console.info) goes to stderr with the log.
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  const command = parseStackCommand(requested);
  const began = performance.now();
  const settings = stackSettings();
  if (command.envFile) checkEnvFile(path.resolve(command.envFile));
  const { services, stop } = await startStack(settings, command.services);
  log(`ready in ${Math.round(performance.now() - began)} ms`);
  for (const service of services) log(`  ${service.name.padEnd(24)} ${service.url}`);
  log(`  data in ${settings.dataDir}`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    stop().then(
      () => process.exit(0),
      (error: Error) => {
        log(`shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // After the handlers: a test run takes the stack as ready at "ready in", and may stop it while this prints.
  if (command.services.includes('cognito')) await printAppSettings(settings, command);
}

/** The stack as a command; a start that fails says why and exits 1. */
export function runStackCommand(requested: readonly string[] = process.argv.slice(2)): void {
  main(requested).catch((error: Error) => {
    log(`could not start: ${error.message}`);
    process.exit(1);
  });
}

// local/run-stack.mjs runs it from a bundle; `node --import tsx local/stack.ts` still works too.
if (import.meta.url === `file://${process.argv[1]}`) runStackCommand();
