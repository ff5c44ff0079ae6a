import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export interface CognitoEndpoint {
  region: string;
  /** Set for the emulator; absent for AWS, where the SDK picks the regional endpoint. */
  endpoint?: string;
}

/**
 * An SDK v3 client. Against AWS it takes credentials from the SDK's default
 * chain (environment, profile, SSO); the emulator checks none, so it gets
 * placeholders and never touches a real credential.
 */
export function createCognitoClient({ region, endpoint }: CognitoEndpoint): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } } : {}),
  });
}
