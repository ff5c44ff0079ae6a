import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolCommand,
  type UpdateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';

export const STACK_POOL_NAME = 'cognito-signup-e2e';
export const STACK_CLIENT_NAME = 'demo-signup-app';
/** A second client, with a secret, as a server-side app has: for tests of SECRET_HASH. */
export const STACK_SECRET_CLIENT_NAME = 'server-side-app-with-secret';
export const STACK_REGION = 'local';

/** What the app and the tests need to reach the pool. */
export interface PoolIds {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
}

/** A pool set up as a real one would be for sign-up with email verification. */
const POOL_SETTINGS = {
  AutoVerifiedAttributes: ['email'],
  Policies: {
    PasswordPolicy: {
      MinimumLength: 12,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    },
  },
  VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
  EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
  AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
} satisfies Omit<UpdateUserPoolCommandInput, 'UserPoolId'>;

/**
 * Finds the stack's pool and app client by name, or creates them, through the
 * same SDK calls a setup script would make against AWS. A pool found again gets
 * the settings reapplied, so an earlier experiment cannot leave it changed.
 */
export async function ensureUserPool(cognitoUrl: string): Promise<PoolIds> {
  // The emulator checks no signature: placeholder credentials, never a real one.
  const client = new CognitoIdentityProviderClient({
    region: STACK_REGION,
    endpoint: cognitoUrl,
    credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
  });
  try {
    const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    let userPoolId = UserPools.find((pool) => pool.Name === STACK_POOL_NAME)?.Id;
    if (userPoolId) {
      await client.send(new UpdateUserPoolCommand({ UserPoolId: userPoolId, ...POOL_SETTINGS }));
    } else {
      const { UserPool } = await client.send(
        // Email as the username is fixed at creation; Cognito cannot change it later.
        new CreateUserPoolCommand({ PoolName: STACK_POOL_NAME, UsernameAttributes: ['email'], ...POOL_SETTINGS }),
      );
      userPoolId = UserPool?.Id as string;
    }

    const { UserPoolClients = [] } = await client.send(
      new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
    );
    if (!UserPoolClients.some((c) => c.ClientName === STACK_SECRET_CLIENT_NAME)) {
      await client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: STACK_SECRET_CLIENT_NAME,
          GenerateSecret: true,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
    }
    let userPoolClientId = UserPoolClients.find((c) => c.ClientName === STACK_CLIENT_NAME)?.ClientId;
    if (!userPoolClientId) {
      const { UserPoolClient } = await client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: STACK_CLIENT_NAME,
          // A public client, as a browser app has: no secret. The emulator has no SRP, so password auth.
          GenerateSecret: false,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      userPoolClientId = UserPoolClient?.ClientId as string;
    }
    return { region: STACK_REGION, userPoolId, userPoolClientId };
  } finally {
    client.destroy();
  }
}
