import { GetLogDeliveryConfigurationCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { parseArn } from '../aws/clients.js';

/** The log delivery to set when a pool exports no message-delivery errors. */
export const LOG_DELIVERY_SETTING = '(SetLogDeliveryConfiguration: EventSource userNotification, LogLevel ERROR, a CloudWatch Logs group), as infra/ does';

/**
 * The CloudWatch Logs group a pool exports its message-delivery errors to
 * (GetLogDeliveryConfiguration, EventSource userNotification), without the
 * trailing `:*` that log delivery writes and FilterLogEvents refuses, and its
 * region (the pool's when the ARN names none); undefined when it exports none.
 * A refusal is the caller's to word.
 */
export async function deliveryErrorsGroup(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  poolRegion: string,
): Promise<{ group: string; region: string } | undefined> {
  const { LogDeliveryConfiguration } = await cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId }));
  const arn = LogDeliveryConfiguration?.LogConfigurations?.find((c) => c.EventSource === 'userNotification')?.CloudWatchLogsConfiguration?.LogGroupArn;
  if (!arn) return undefined;
  const group = arn.replace(/:\*$/, '');
  return { group, region: parseArn(group)?.region ?? poolRegion };
}
