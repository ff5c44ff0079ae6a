import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  type CognitoIdentityProviderClient,
  type GetUserPoolMfaConfigResponse,
  type UserPoolClientType,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ActionableError } from '../errors.js';

/** DescribeUserPool's answer, with the sign-in code's template and the passkeys' relying party from GetUserPoolMfaConfig. */
export type PoolDescription = UserPoolType & Pick<GetUserPoolMfaConfigResponse, 'EmailMfaConfiguration' | 'WebAuthnConfiguration'>;

/**
 * The pool as it is configured, as the stories read it. DescribeUserPool does
 * not show the sign-in code's template and email MFA (EmailMfaConfiguration),
 * nor the passkeys' relying party (WebAuthnConfiguration): GetUserPoolMfaConfig adds them.
 */
export async function describePool(client: CognitoIdentityProviderClient, userPoolId: string): Promise<PoolDescription> {
  return withEmailMfaConfiguration(client, userPoolId, await describeUserPool(client, userPoolId));
}

/** DescribeUserPool alone; `which` names the pool in the error, when it is not the main one. */
export async function describeUserPool(client: CognitoIdentityProviderClient, userPoolId: string, which?: string): Promise<UserPoolType> {
  const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  if (!UserPool) throw new Error(`DescribeUserPool returned no pool for ${userPoolId}${which ? ` (${which})` : ''}`);
  return UserPool;
}

/** The pool DescribeUserPool gave, with GetUserPoolMfaConfig's EmailMfaConfiguration and WebAuthnConfiguration when it has them. */
export async function withEmailMfaConfiguration(client: CognitoIdentityProviderClient, userPoolId: string, pool: UserPoolType): Promise<PoolDescription> {
  const { EmailMfaConfiguration, WebAuthnConfiguration } = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId })).catch((error: Error) => {
    if (error.name !== 'AccessDeniedException') throw error;
    throw new ActionableError(
      `GetUserPoolMfaConfig on ${userPoolId} was refused (AccessDeniedException): the suite reads the template of sign-in codes with it. ` +
        'Add cognito-idp:GetUserPoolMfaConfig to the policy of the identity running the suite (docs/adopting.md, "Least privilege").',
    );
  });
  return { ...pool, ...(EmailMfaConfiguration ? { EmailMfaConfiguration } : {}), ...(WebAuthnConfiguration?.RelyingPartyId ? { WebAuthnConfiguration } : {}) };
}

/** DescribeUserPoolClient: the app client's flows, secret and attribute rights. */
export async function describeAppClient(client: CognitoIdentityProviderClient, userPoolId: string, clientId: string): Promise<UserPoolClientType> {
  const { UserPoolClient } = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
  if (!UserPoolClient) throw new Error(`DescribeUserPoolClient returned no client ${clientId}`);
  return UserPoolClient;
}
