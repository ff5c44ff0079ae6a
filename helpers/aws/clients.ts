import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { SESv2Client } from '@aws-sdk/client-sesv2';

/** Where one of AWS's services is reached: its region, and an endpoint override for a stand-in. */
export interface AwsEndpoint {
  region: string;
  endpoint?: string;
}

/**
 * The clients that read AWS's own records of a mail: SES (the sending account,
 * the identity, the suppression list) and CloudWatch Logs (Cognito's exported
 * delivery errors, SES's events). Credentials come from the SDK's default chain, as for Cognito.
 */
export async function createSesClient({ region, endpoint }: AwsEndpoint): Promise<SESv2Client> {
  const { SESv2Client } = await sesSdk();
  return new SESv2Client({ region, ...(endpoint ? { endpoint } : {}) });
}
export async function createLogsClient({ region, endpoint }: AwsEndpoint): Promise<CloudWatchLogsClient> {
  const { CloudWatchLogsClient } = await logsSdk();
  return new CloudWatchLogsClient({ region, ...(endpoint ? { endpoint } : {}) });
}

/**
 * The two SDKs, loaded on first use: only a failure against a pool that sends
 * through SES, or the doctor of a remote run, reads these records, and each
 * SDK is a tenth of a second's load in every worker and every doctor.
 */
export const sesSdk = () => import('@aws-sdk/client-sesv2');
export const logsSdk = () => import('@aws-sdk/client-cloudwatch-logs');

/** An ARN's region and the part after its resource type: `arn:aws:ses:eu-west-1:123:identity/example.com` → eu-west-1, example.com. */
export function parseArn(arn: string): { region: string; resource: string } | undefined {
  const match = /^arn:aws[\w-]*:[\w-]+:([\w-]*):\d*:[\w-]+[/:](.+)$/.exec(arn);
  return match ? { region: match[1] as string, resource: match[2] as string } : undefined;
}

/** Whether AWS refused a call for want of permission (the SDK's error names for it differ by service). */
export const isAccessDenied = (error: unknown) =>
  error instanceof Error && ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'NotAuthorizedException'].includes(error.name);
