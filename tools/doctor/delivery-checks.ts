import type { CognitoIdentityProviderClient, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { createSesClient, isAccessDenied, parseArn, sesSdk } from '../../helpers/aws/clients.js';
import { readLogEvents } from '../../helpers/aws/log-events.js';
import type { Target } from '../../config/target.js';
import type { CheckResult } from './check-result.js';
import { mailTriggers } from '../../common/lambda-triggers.js';
import { LOG_DELIVERY_SETTING, deliveryErrorsGroup } from '../../helpers/cognito/log-delivery.js';

const GRANT = 'Grant the "Delivery evidence" policy of docs/adopting.md "Least privilege", or accept that the doctor cannot check this.';
const notAllowed = (action: string, error: unknown): CheckResult => ({
  status: 'warn',
  title: `Not allowed: ${action}`,
  detail: (error as Error).message.split('\n')[0],
  fix: GRANT,
});

/**
 * A pool that sends through SES (EmailSendingAccount DEVELOPER): the identity
 * it sends from is verified, the account is out of the sandbox (where mail
 * reaches verified addresses only, and every test inbox is a new random one),
 * today's quota covers the mails this run will cause, and the configuration
 * set it names exists. SES calls go to the identity's region, which may differ from the pool's.
 */
export async function sesChecks(pool: UserPoolType, target: Target, plannedEmails: number): Promise<CheckResult[]> {
  const configuration = pool.EmailConfiguration;
  if (configuration?.EmailSendingAccount !== 'DEVELOPER' || target.name !== 'remote') return [];
  // A CustomEmailSender function sends every mail itself: the pool's SES configuration is not used (senderCheck says who sends).
  if (mailTriggers(pool.LambdaConfig).customEmailSender) return [];
  const identity = parseArn(configuration.SourceArn ?? '');
  if (!identity) {
    return [{ status: 'fail', title: 'The pool sends through SES, but its SourceArn names no SES identity', detail: `SourceArn: ${configuration.SourceArn ?? 'none'}`, fix: 'Set EmailConfiguration.SourceArn to the ARN of a verified SES identity.' }];
  }
  const { region, resource: name } = identity;
  const { GetAccountCommand, GetEmailIdentityCommand } = await sesSdk();
  const ses = await createSesClient({ region, ...(target.deliveryRecords?.sesEndpoint ? { endpoint: target.deliveryRecords.sesEndpoint } : {}) });
  const results: CheckResult[] = [];
  try {
    try {
      const found = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: name }));
      results.push(
        found.VerifiedForSendingStatus
          ? { status: 'ok', title: `The SES identity ${name} is verified for sending`, detail: `region ${region}` }
          : {
              status: 'fail',
              title: `The SES identity ${name} is not verified for sending`,
              detail: `region ${region}, VerificationStatus ${found.VerificationStatus ?? 'unknown'}`,
              fix: `Finish its verification in SES (${region}): the DNS records of a domain, the link mailed to an address. Until then Cognito's mail is refused.`,
            },
      );
    } catch (error) {
      results.push(
        (error as Error).name === 'NotFoundException'
          ? { status: 'fail', title: `The SES identity ${name} does not exist in ${region}`, fix: 'Create and verify it in SES, or point the pool\'s SourceArn at one that exists.' }
          : notAllowed('ses:GetEmailIdentity', error),
      );
    }

    try {
      const account = await ses.send(new GetAccountCommand({}));
      if (account.SendingEnabled === false) {
        results.push({ status: 'fail', title: `Sending is paused for the SES account in ${region}`, fix: "See SES's Account dashboard in that region: AWS paused it (a review), or someone did." });
      }
      results.push(
        account.ProductionAccessEnabled
          ? { status: 'ok', title: `The SES account in ${region} has production access`, detail: 'it delivers to any address' }
          : {
              status: 'fail',
              title: `The SES account in ${region} is in the sandbox`,
              detail: "it delivers only to verified addresses, and every test's inbox is a new random one",
              fix: "Request production access (SES console, Account dashboard); until then the suite's mails never reach its inboxes.",
            },
      );
      results.push(quotaCheck(account.SendQuota, region, plannedEmails));
    } catch (error) {
      if (!isAccessDenied(error)) throw error;
      results.push(notAllowed('ses:GetAccount', error));
    }

    if (configuration.ConfigurationSet) results.push(await configurationSetCheck(ses, configuration.ConfigurationSet, region));
  } finally {
    ses.destroy();
  }
  return results;
}

function quotaCheck(quota: { Max24HourSend?: number; SentLast24Hours?: number } | undefined, region: string, planned: number): CheckResult {
  const max = quota?.Max24HourSend ?? 0;
  if (max < 0) return { status: 'ok', title: `SES's daily quota in ${region} is unlimited`, detail: `this run sends about ${planned}` };
  const left = Math.max(0, Math.floor(max - (quota?.SentLast24Hours ?? 0)));
  const numbers = `${left} of ${max} left in the last 24 hours; this run sends about ${planned}`;
  return left >= planned
    ? { status: 'ok', title: `SES's daily quota in ${region} covers this run`, detail: numbers }
    : {
        status: 'fail',
        title: `SES's daily quota in ${region} does not cover this run`,
        detail: numbers,
        fix: 'Run fewer stories or fewer repeats (--grep, --repeat-each), wait for the 24-hour window to move on, or ask AWS for a higher quota (Service Quotas).',
      };
}

async function configurationSetCheck(ses: SESv2Client, name: string, region: string): Promise<CheckResult> {
  const { GetConfigurationSetCommand, GetConfigurationSetEventDestinationsCommand } = await sesSdk();
  try {
    await ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: name }));
  } catch (error) {
    if ((error as Error).name !== 'NotFoundException') return notAllowed('ses:GetConfigurationSet', error);
    return {
      status: 'fail',
      title: `The pool names SES configuration set ${name}, which does not exist in ${region}`,
      fix: 'Create it in SES, or clear EmailConfiguration.ConfigurationSet: SES refuses mail sent with a configuration set it does not have.',
    };
  }
  try {
    const { EventDestinations = [] } = await ses.send(new GetConfigurationSetEventDestinationsCommand({ ConfigurationSetName: name }));
    const enabled = EventDestinations.filter((d) => d.Enabled);
    const kinds = enabled.map((d) => Object.keys(d).find((k) => k.endsWith('Destination'))?.replace(/Destination$/, '') ?? 'unknown');
    return { status: 'ok', title: `The SES configuration set ${name} exists`, detail: enabled.length ? `its events go to ${kinds.join(', ')}` : 'it sends its events nowhere' };
  } catch (error) {
    return notAllowed('ses:GetConfigurationSetEventDestinations', error);
  }
}

/**
 * Where a lost mail's evidence finds AWS's own records (remote mode): the
 * message-delivery errors Cognito exports to CloudWatch Logs, and SES's
 * events when SES_EVENTS_LOG_GROUP names their group. Each is a ✓ when it can
 * be read, a ⚠ with the fix when it is not configured or not allowed: the
 * tests run without them, with less evidence.
 */
export async function deliveryRecordChecks(client: CognitoIdentityProviderClient, target: Target): Promise<CheckResult[]> {
  if (target.name !== 'remote') return [];
  const logsAt = (region: string) => ({ region, ...(target.deliveryRecords?.logsEndpoint ? { endpoint: target.deliveryRecords.logsEndpoint } : {}) });
  // A readable group answers this probe, of the last minute, with events or none.
  const probe = (group: string, region: string) => readLogEvents(logsAt(region), group, { startTime: Date.now() - 60_000, endTime: Date.now() }, { limit: 1 });
  const readable = async (group: string, region: string, title: string): Promise<CheckResult> => {
    const read = await probe(group, region);
    if ('events' in read) return { status: 'ok', title, detail: `${group}, readable` };
    return read.problem === 'missing'
      ? { status: 'warn', title: `The log group ${group} does not exist`, detail: title, fix: 'Create it, or fix the name (and the region) that points to it.' }
      : read.problem === 'refused'
        ? notAllowed(`logs:FilterLogEvents on ${group}`, new Error(read.message))
        : { status: 'warn', title: `The log group ${group} could not be read`, detail: read.message, fix: 'Check the network and the credentials.' };
  };

  const results: CheckResult[] = [];
  try {
    const exported = await deliveryErrorsGroup(client, target.cognito.userPoolId, target.cognito.region);
    results.push(
      exported
        ? await readable(exported.group, exported.region, 'Cognito exports its message-delivery errors to CloudWatch Logs')
        : {
            status: 'warn',
            title: 'Cognito exports no message-delivery errors',
            detail: "a lost mail's evidence will hold no record of it from AWS",
            fix: `Set the pool's log delivery ${LOG_DELIVERY_SETTING}.`,
          },
    );
  } catch (error) {
    // The Cognito client words a refusal itself (helpers/cognito/client.ts).
    results.push(
      /may not call/.test((error as Error).message)
        ? notAllowed('cognito-idp:GetLogDeliveryConfiguration', error)
        : { status: 'warn', title: "The pool's log delivery could not be read", detail: (error as Error).message.split('\n')[0], fix: 'Check the network and the credentials.' },
    );
  }
  const sesGroup = target.deliveryRecords?.sesEventsLogGroup;
  if (sesGroup) results.push(await readable(sesGroup, target.cognito.region, "SES's events reach SES_EVENTS_LOG_GROUP"));
  return results;
}
