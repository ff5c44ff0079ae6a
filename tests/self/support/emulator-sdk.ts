import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoEndpoint } from '../../../helpers/cognito/client';

/**
 * The SDK's own client on the emulator: the suite's adds advice to a
 * refusal's message, and the emulator's self-tests read its words alone.
 */
export const emulatorSdkClient = (cognito: Pick<CognitoEndpoint, 'region' | 'endpoint'>) =>
  new CognitoIdentityProviderClient({ region: cognito.region, endpoint: cognito.endpoint, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } });

/** How a call ended: accepted, or `name: message`. */
export const outcome = (call: Promise<unknown>): Promise<string> => call.then(() => 'accepted', (error: Error) => `${error.name}: ${error.message}`);
