import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { explicitAuthFlowsOf } from '../../common/auth-flows.js';
import type { Settings } from '../../config/settings.js';
import type { CheckResult } from './check-result.js';

/** The app client the UI uses: it allows the UI's sign-in, and is public or has the secret COGNITO_CLIENT_SECRET gives. */
export function appClientChecks(client: UserPoolClientType, settings: Settings): CheckResult[] {
  const results: CheckResult[] = [{ status: 'ok', title: 'The app client exists', detail: `${client.ClientName ?? ''} ${client.ClientId}`.trim() }];
  const flows = explicitAuthFlowsOf(client);
  const needed = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'];
  results.push(
    needed.some((flow) => flows.includes(flow))
      ? { status: 'ok', title: 'The app client allows the sign-in the UI uses', detail: flows.join(', ') }
      : {
          status: 'fail',
          title: 'The app client allows no sign-in the UI can use',
          detail: flows.join(', '),
          fix: `Add ${needed.join(' or ')} to the client's ExplicitAuthFlows: the UI signs the new user in after confirmation.`,
        },
  );
  const configured = settings.remote?.clientSecret;
  if (!client.ClientSecret) {
    results.push({ status: 'ok', title: 'The app client is public (no secret)', detail: 'as a browser app needs' });
  } else if (!configured) {
    results.push({
      status: 'warn',
      title: 'The app client has a secret',
      detail: 'a browser app (Amplify) cannot sign up with it: Cognito demands SECRET_HASH',
      fix: 'Set COGNITO_CLIENT_SECRET so the suite can compute SECRET_HASH, or point COGNITO_CLIENT_ID at a public client.',
    });
  } else if (configured === client.ClientSecret) {
    results.push({ status: 'ok', title: 'The app client has a secret, and COGNITO_CLIENT_SECRET matches it', detail: 'calls carry SECRET_HASH' });
  } else {
    results.push({
      status: 'fail',
      title: 'COGNITO_CLIENT_SECRET does not match the app client',
      fix: "Copy the client's secret into COGNITO_CLIENT_SECRET again (its value is not shown here).",
    });
  }
  return results;
}
