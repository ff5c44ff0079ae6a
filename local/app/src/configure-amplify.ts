import { Amplify } from 'aws-amplify';
import type { AppRuntimeConfig } from './runtime-config';

/** Points Amplify at the pool the server names in `/config.json`: one build, any pool. */
export async function configureAmplify(): Promise<void> {
  const response = await fetch('/config.json');
  if (!response.ok) throw new Error(`GET /config.json answered ${response.status}: is the stack running?`);
  const config = (await response.json()) as AppRuntimeConfig;
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
        loginWith: { email: true },
        signUpVerificationMethod: 'code',
      },
    },
  });
}
