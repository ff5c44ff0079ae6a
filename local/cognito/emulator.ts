import type { Server } from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { createServer } from 'cognito-local/lib/server/server.js';
import { DefaultConfig, type Config } from 'cognito-local/lib/server/config.js';
import { DateClock } from 'cognito-local/lib/services/clock.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import type { Triggers } from 'cognito-local/lib/services/triggers/triggers.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import { JsonFileStoreFactory } from './json-file-store.js';
import { confirmUserPage } from './confirm-user-link.js';
import { emulatorRouter, linkConfirmSignUp } from './router.js';
import { SmtpMailer } from './smtp-mailer.js';
import { UserClocks, userClockEndpoint } from './user-clocks.js';
import { USER_CLOCK_PATH } from '../../common/user-clock.js';
import { VerificationMessages } from './verification-messages.js';
import { Quotas, quotasEndpoint } from './quotas.js';
import { AttemptLimits } from './attempt-limits.js';
import type { AttemptLimitSettings } from '../../common/attempt-limits.js';
import { QUOTAS_PATH, type QuotaSettings } from '../../common/cognito-quotas.js';
import { closeServer, type RunningService } from '../running-service.js';
import { admitOrigins, type Admission } from '../origin-gate.js';
import type { StackTriggers, TriggerModule } from '../stack-settings.js';
import { TeamFunction, type TriggerName } from './team-function.js';
import { TeamTriggers } from './team-triggers.js';

export interface CognitoEmulatorOptions {
  host: string;
  port: number;
  dataDir: string;
  /** Where verification mail goes. */
  smtp: { host: string; port: number };
  /** How long after answering a code's mail is sent; 0 sends it before answering. */
  mailLatencyMs?: { min: number; max: number };
  /** Cognito's request rates per category (AWS's by default), and the daily mails of its own sender. */
  quotas: QuotaSettings;
  /** Each user's hourly budgets of requests and the sign-in lockout (AWS's numbers by default, or off). */
  attemptLimits: AttemptLimitSettings;
  /** The team's own handlers, run for the pools whose LambdaConfig names such a trigger. */
  triggers?: StackTriggers;
  logLevel?: string;
  /** The pages whose browser calls it answers (the demo app's, your own page's), and by which names; see admitOrigins. */
  admission: Admission;
}


/**
 * cognito-local 5.3.0, assembled by hand: its `createDefaultServer` hard-codes a
 * console message sender, and we want real SMTP mail, rendered templates,
 * ResendConfirmationCode, confirmation links, and a database that survives concurrent writes.
 */
export async function startCognitoEmulator(options: CognitoEmulatorOptions): Promise<RunningService> {
  const logger = pino({ name: 'cognito', level: options.logLevel ?? 'error' }, pino.destination(2));
  const ctx = { logger };
  const url = `http://${options.host}:${options.port}`;
  const config: Config = {
    ...DefaultConfig,
    TriggerFunctions: {},
    UserPoolDefaults: { UsernameAttributes: ['email'] },
    TokenConfig: { IssuerDomain: url },
    ServerConfig: { hostname: options.host, port: options.port, development: false, https: false },
  };

  const dataDirectory = path.join(options.dataDir, 'cognito');
  const clock = new DateClock();
  const stores = new JsonFileStoreFactory(dataDirectory);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDirectory,
    stores,
    new UserPoolServiceFactoryImpl(clock, stores),
  ).create(ctx, config.UserPoolDefaults);
  const mailer = new SmtpMailer(options.smtp);
  const quotas = new Quotas(options.quotas);
  const handler = (trigger: TriggerName, module: TriggerModule | undefined) => (module ? new TeamFunction(trigger, module) : undefined);
  const messages = new VerificationMessages(cognito, mailer, url, quotas, options.mailLatencyMs, handler('CustomMessage', options.triggers?.customMessage));
  const triggers = new TeamTriggers(cognito, handler('PreSignUp', options.triggers?.preSignUp)) as unknown as Triggers;
  const services = {
    clock,
    cognito,
    config,
    messages,
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };

  const clocks = new UserClocks(() => clock.get().getTime());
  const attempts = new AttemptLimits(services, clocks, options.attemptLimits);
  const created = createServer(emulatorRouter(services, clocks, quotas, attempts), logger, config.ServerConfig, services);
  // A story's "three minutes later", for one user (see UserClocks); a POST to its own path, never meeting cognito-local's POST /.
  created.application.post(USER_CLOCK_PATH, userClockEndpoint(services, clocks, ctx));
  created.application.get(QUOTAS_PATH, quotasEndpoint(quotas));
  // The hosted domain's page that a CONFIRM_WITH_LINK mail points to; a GET, so it never meets cognito-local's POST /.
  // A followed link is a ConfirmSignUp, counted in the user's hourly budget as the app's are.
  created.application.get(['/confirmUser', '/confirmUser/'], confirmUserPage(services, attempts.budgeted('ConfirmSignUp', linkConfirmSignUp(services)), ctx));
  const server = (await created.start()) as Server;
  admitOrigins(server, options.admission, 'The Cognito emulator');
  return {
    name: 'Cognito emulator',
    url,
    async close() {
      await messages.close();
      mailer.close();
      await closeServer(server);
      await stores.flush();
    },
  };
}
