import type { AppRuntimeConfig } from '../local/app/src/runtime-config.js';
import { STACK_REGION } from '../local/bootstrap.js';
import { stackSettings, stackUrls } from '../local/stack-settings.js';
import type { CognitoEndpoint } from './cognito-client.js';

/** Everything the suite needs to know about what it is testing. */
export interface Target {
  name: 'local';
  appUrl: string;
  cognito: CognitoEndpoint & { userPoolId: string; userPoolClientId: string };
  mail: { kind: 'maildev'; url: string };
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
    throw new Error(
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
      userPoolId: config.userPoolId,
      userPoolClientId: config.userPoolClientId,
    },
    mail: { kind: 'maildev', url: urls.mailWeb },
  };
}
