import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SESv2Client } from '@aws-sdk/client-sesv2';

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
export const createSesClient = ({ region, endpoint }: AwsEndpoint) => new SESv2Client({ region, ...(endpoint ? { endpoint } : {}) });
export const createLogsClient = ({ region, endpoint }: AwsEndpoint) => new CloudWatchLogsClient({ region, ...(endpoint ? { endpoint } : {}) });

/** An ARN's region and the part after its resource type: `arn:aws:ses:eu-west-1:123:identity/example.com` → eu-west-1, example.com. */
export function parseArn(arn: string): { region: string; resource: string } | undefined {
  const match = /^arn:aws[\w-]*:[\w-]+:([\w-]*):\d*:[\w-]+[/:](.+)$/.exec(arn);
  return match ? { region: match[1] as string, resource: match[2] as string } : undefined;
}

/** Whether AWS refused a call for want of permission (the SDK's error names for it differ by service). */
export const isAccessDenied = (error: unknown) =>
  error instanceof Error && ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'NotAuthorizedException'].includes(error.name);
