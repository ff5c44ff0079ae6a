import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type ExplicitAuthFlowsType,
  type LambdaConfigType,
  type UpdateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { POOL_CREATION_SETTINGS, poolSettings, webAuthnConfiguration, type PoolKind } from '../common/pool-settings.js';
import { RETRY_THROTTLING } from '../common/cognito-quotas.js';
import { STACK_REGION } from './stack-settings.js';

export const STACK_POOL_NAME = 'cognito-signup-e2e';
export const STACK_CLIENT_NAME = 'demo-signup-app';
/** A second client, with a secret, as a server-side app has: for tests of SECRET_HASH. */
export const STACK_SECRET_CLIENT_NAME = 'server-side-app-with-secret';
/** A pool whose sign-up mails carry a link instead of a code (DefaultEmailOption CONFIRM_WITH_LINK). */
export const STACK_LINK_POOL_NAME = 'cognito-signup-e2e-link-verification';
export const STACK_LINK_CLIENT_NAME = 'demo-signup-app-link-verification';
/** A pool that keeps a user's original email until a new one is verified. */
export const STACK_KEEP_ORIGINAL_POOL_NAME = 'cognito-signup-e2e-keep-original-email';
export const STACK_KEEP_ORIGINAL_CLIENT_NAME = 'demo-signup-app-keep-original-email';

/** One pool and its public app client. */
export interface PoolAndClient {
  userPoolId: string;
  userPoolClientId: string;
}

/** What the app and the tests need to reach the pools: the main one at the top level, as before. */
export interface PoolIds extends PoolAndClient {
  region: string;
  /** Sign-up confirmed by a mailed link; otherwise set up as the main pool. */
  linkVerification: PoolAndClient;
  /** An email change takes effect only once the new address is verified; otherwise set up as the main pool. */
  keepOriginalEmail: PoolAndClient;
}

type PoolUpdate = Omit<UpdateUserPoolCommandInput, 'UserPoolId'>;

// One definition serves this stack and the CDK app in infra/ (common/pool-settings.ts).
// The main pool also lets users sign in with a mailed code (passwordless) or a passkey, and
// add email as a second factor (on AWS that needs SES; the emulator mails anyway); it
// leaves the invitation and the email change on AWS's defaults
// (Cognito's own invitation; an email change takes effect at once, unverified):
// the other two behaviours live in pools of their own, so the stories on the
// main pool keep seeing what they always saw.
/** The relying party of the main pool's passkeys: the demo app opened as http://localhost:<port>, the one name a browser takes as a relying party on loopback (it refuses an IP address). */
export const STACK_RELYING_PARTY_ID = 'localhost';
const MAIN_POOL: PoolKind = { confirmBy: 'code', keepOriginalEmail: false, signInByEmailCode: true, emailMfa: true, passkeys: { relyingPartyId: STACK_RELYING_PARTY_ID } };
const POOL_SETTINGS = poolSettings(MAIN_POOL) satisfies PoolUpdate;
const LINK_POOL_SETTINGS = poolSettings({ confirmBy: 'link', keepOriginalEmail: false }) satisfies PoolUpdate;
const KEEP_ORIGINAL_POOL_SETTINGS = poolSettings({ confirmBy: 'code', keepOriginalEmail: true }) satisfies PoolUpdate;

// Public clients have no secret, as a browser app cannot hold one. SRP is Amplify's default sign-in; password
// sign-in is the suite's own, from Node (CognitoAppClient); USER_AUTH is choice-based sign-in (a mailed code,
// where the pool's SignInPolicy allows it); refresh keeps a session.
const AUTH_FLOWS: ExplicitAuthFlowsType[] = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

/** The pool by name, created or with its settings reapplied; and its clients by name, created when missing. */
async function ensurePool(
  client: CognitoIdentityProviderClient,
  name: string,
  settings: PoolUpdate,
  clients: { name: string; generateSecret: boolean }[],
): Promise<{ userPoolId: string; clientIds: Record<string, string> }> {
  const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = UserPools.find((pool) => pool.Name === name)?.Id;
  if (userPoolId) {
    await client.send(new UpdateUserPoolCommand({ UserPoolId: userPoolId, ...settings }));
  } else {
    const { UserPool } = await client.send(
      // Email as the username is fixed at creation; Cognito cannot change it later.
      new CreateUserPoolCommand({ PoolName: name, ...POOL_CREATION_SETTINGS, ...settings }),
    );
    userPoolId = UserPool?.Id as string;
  }
  const { UserPoolClients = [] } = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  const clientIds: Record<string, string> = {};
  for (const wanted of clients) {
    let clientId = UserPoolClients.find((c) => c.ClientName === wanted.name)?.ClientId;
    if (clientId) {
      // A client made by an earlier version of this stack may lack a flow: the emulator checks them, as Cognito does.
      await client.send(new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId, ExplicitAuthFlows: AUTH_FLOWS }));
    } else {
      const { UserPoolClient } = await client.send(
        new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: wanted.name, GenerateSecret: wanted.generateSecret, ExplicitAuthFlows: AUTH_FLOWS }),
      );
      clientId = UserPoolClient?.ClientId as string;
    }
    clientIds[wanted.name] = clientId;
  }
  return { userPoolId, clientIds };
}

/**
 * Finds the stack's pools and app clients by name, or creates them, through the
 * same SDK calls a setup script would make against AWS. A pool found again gets
 * the settings reapplied, so an earlier experiment cannot leave it changed.
 */
export async function ensureUserPool(cognitoUrl: string, lambdaConfig: LambdaConfigType = {}): Promise<PoolIds> {
  // The emulator checks no signature: placeholder credentials, never a real one.
  const client = new CognitoIdentityProviderClient({
    region: STACK_REGION,
    endpoint: cognitoUrl,
    credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
    // The emulator throttles as Cognito does: a stack started beside running shards must get through.
    ...RETRY_THROTTLING,
  });
  try {
    // The team's triggers (LOCAL_CUSTOM_MESSAGE_TRIGGER …) on every pool, by name, as DescribeUserPool shows them on AWS; none removes them.
    const withTriggers = (settings: PoolUpdate): PoolUpdate => ({ ...settings, LambdaConfig: lambdaConfig });
    const main = await ensurePool(client, STACK_POOL_NAME, withTriggers(POOL_SETTINGS), [
      { name: STACK_SECRET_CLIENT_NAME, generateSecret: true },
      { name: STACK_CLIENT_NAME, generateSecret: false },
    ]);
    // Email as a second factor, with AWS's default message (no template of the pool's own: the suite reads the code without one).
    // Passkeys verified as a user's device chooses ('preferred': Chromium's virtual authenticator verifies the user anyway).
    await client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: main.userPoolId,
        MfaConfiguration: POOL_SETTINGS.MfaConfiguration,
        EmailMfaConfiguration: {},
        WebAuthnConfiguration: webAuthnConfiguration(MAIN_POOL),
      }),
    );
    const link = await ensurePool(client, STACK_LINK_POOL_NAME, withTriggers(LINK_POOL_SETTINGS), [{ name: STACK_LINK_CLIENT_NAME, generateSecret: false }]);
    const keep = await ensurePool(client, STACK_KEEP_ORIGINAL_POOL_NAME, withTriggers(KEEP_ORIGINAL_POOL_SETTINGS), [
      { name: STACK_KEEP_ORIGINAL_CLIENT_NAME, generateSecret: false },
    ]);
    return {
      region: STACK_REGION,
      userPoolId: main.userPoolId,
      userPoolClientId: main.clientIds[STACK_CLIENT_NAME] as string,
      linkVerification: { userPoolId: link.userPoolId, userPoolClientId: link.clientIds[STACK_LINK_CLIENT_NAME] as string },
      keepOriginalEmail: { userPoolId: keep.userPoolId, userPoolClientId: keep.clientIds[STACK_KEEP_ORIGINAL_CLIENT_NAME] as string },
    };
  } finally {
    client.destroy();
  }
}
