import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { STACK_REGION, stackSettings, stackUrls, type AppRuntimeConfig } from '../local/stack-settings.js';
import type { CognitoEndpoint } from '../helpers/cognito/client.js';
import { ActionableError } from '../helpers/errors.js';
import type { Settings } from './settings.js';
import type { VariantName } from '../common/pool-settings.js';
import type { TargetAbilities } from '../plan/story-support.js';
import { UserClock } from '../helpers/cognito/user-clock.js';

export type MailTarget = { kind: 'maildev'; url: string } | { kind: 'mailslurp'; apiKey: string; basePath?: string };

/**
 * Another pool of the target, for stories its main pool cannot tell (links
 * instead of codes, say). Where the page uses it is the page's description's
 * to say (`pools`), unless it is the main pool itself.
 */
export interface PoolVariant {
  userPoolId: string;
  userPoolClientId: string;
  /** Where this pool's confirmation links must point: its hosted domain (the emulator, locally). */
  linkOrigin?: string;
}

/** Everything the suite needs to know about what it is testing. */
export interface Target {
  name: Settings['target'];
  appUrl: string;
  cognito: CognitoEndpoint & { userPoolId: string; userPoolClientId: string; clientSecret?: string };
  mail: MailTarget;
  /** The real services only: where AWS's own records of a mail are read (endpoint overrides for stand-ins, SES's event log group). */
  deliveryRecords?: { sesEndpoint?: string; logsEndpoint?: string; sesEventsLogGroup?: string };
  /** The embedded stack's other pools, by what they are set up for; absent elsewhere (the real services, your own page): see `poolsFor`. */
  variants?: Partial<Record<VariantName, PoolVariant>>;
}

/** The embedded stack, as its running demo app describes it at `/config.json`. */
export async function localTarget(env: Record<string, string | undefined> = process.env): Promise<Target> {
  const urls = stackUrls(stackSettings(env));
  let config: AppRuntimeConfig;
  try {
    const response = await fetch(urls.appConfig);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    config = (await response.json()) as AppRuntimeConfig;
  } catch (error) {
    // The cause is quoted, not attached: the reporter would print its stack trace under this sentence.
    throw new ActionableError(
      `The embedded stack is not answering at ${urls.appConfig} (${(error as Error).message}). ` +
        'Run the tests with `npx playwright test` (it starts the stack), or start it by hand with `npm run stack`.',
    );
  }
  return {
    name: 'local',
    appUrl: urls.app,
    cognito: {
      region: STACK_REGION,
      endpoint: config.userPoolEndpoint,
      emulator: true,
      userPoolId: config.userPoolId,
      userPoolClientId: config.userPoolClientId,
    },
    mail: { kind: 'maildev', url: urls.mailWeb },
    // Where a page uses them is its description's `pools` (the demo app's: `?pool=`).
    variants: {
      ...(config.linkVerification
        ? { linkVerification: { ...config.linkVerification, ...(config.userPoolEndpoint ? { linkOrigin: new URL(config.userPoolEndpoint).origin } : {}) } }
        : {}),
      ...(config.keepOriginalEmail ? { keepOriginalEmail: config.keepOriginalEmail } : {}),
    },
  };
}

/** The target the settings name: the embedded stack (whose addresses `env` gives), or the real services. */
export async function resolveTarget(settings: Settings, env: Record<string, string | undefined> = process.env): Promise<Target> {
  const remote = settings.remote;
  if (settings.target === 'local' || !remote) {
    const stack = await localTarget(env);
    // Your own page has the stack's other pools too, where its description says it uses them (`pools`).
    return settings.localAppUrl ? { ...stack, appUrl: settings.localAppUrl } : stack;
  }
  return {
    name: 'remote',
    appUrl: remote.baseUrl,
    cognito: {
      region: remote.region,
      ...(remote.cognitoEndpoint ? { endpoint: remote.cognitoEndpoint } : {}),
      userPoolId: remote.userPoolId,
      userPoolClientId: remote.clientId,
      ...(remote.clientSecret ? { clientSecret: remote.clientSecret } : {}),
    },
    mail: { kind: 'mailslurp', ...remote.mailslurp },
    deliveryRecords: remote.deliveryRecords,
  };
}

/**
 * Where a pool's confirmation links must point: its hosted domain, custom or
 * Cognito's, or the endpoint standing in for Cognito (the emulator serves
 * /confirmUser itself). Undefined when the pool has no domain: its links lead nowhere.
 */
export function linkOriginOf(target: Target, pool: Pick<UserPoolType, 'Domain' | 'CustomDomain'>): string | undefined {
  if (target.cognito.endpoint) return new URL(target.cognito.endpoint).origin;
  if (pool.CustomDomain) return `https://${pool.CustomDomain}`;
  if (pool.Domain) return `https://${pool.Domain}.auth.${target.cognito.region}.amazoncognito.com`;
  return undefined;
}

/**
 * The pools for the stories that need one set up their own way. The embedded
 * stack has one of each beside its main pool. Elsewhere there is one pool, and
 * it serves when it is set up that way: a pool that confirms by link (with a
 * domain for its links), a pool that keeps the original email until the new one
 * is verified. A team with both kinds runs the suite once per pool.
 */
export function poolsFor(target: Target, pool: UserPoolType): Partial<Record<VariantName, PoolVariant>> {
  if (target.variants) return target.variants;
  const main = { userPoolId: target.cognito.userPoolId, userPoolClientId: target.cognito.userPoolClientId };
  const linkOrigin = linkOriginOf(target, pool);
  const byLink = pool.VerificationMessageTemplate?.DefaultEmailOption === 'CONFIRM_WITH_LINK';
  const keepsOriginal = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate?.includes('email');
  return {
    ...(byLink && linkOrigin ? { linkVerification: { ...main, linkOrigin } } : {}),
    ...(keepsOriginal ? { keepOriginalEmail: main } : {}),
  };
}

/** The target's pools of their own kind that are not its main pool: a page must say where it uses each (its description's `pools`). */
export function separatePools(target: Target, pool: UserPoolType): VariantName[] {
  return (Object.entries(poolsFor(target, pool)) as [VariantName, PoolVariant][]).filter(([, variant]) => variant.userPoolId !== target.cognito.userPoolId).map(([name]) => name);
}

/** The embedded mail catcher's URL, for tests that only make sense against the embedded stack. */
export function mailDevUrl(target: Target): string {
  if (target.mail.kind !== 'maildev') throw new Error(`This needs the embedded stack's MailDev, but the target is ${target.name}.`);
  return target.mail.url;
}

/** What the target can do beyond Cognito's API, which decides some stories: only the embedded emulator has a clock to move forward. */
export const abilitiesOf = (target: Target): TargetAbilities => ({ movableClock: new UserClock(target.cognito).supported });
