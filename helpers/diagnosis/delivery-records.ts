import type { CognitoIdentityProviderClient, EmailConfigurationType } from '@aws-sdk/client-cognito-identity-provider';
import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { createSesClient, isAccessDenied, parseArn, sesSdk } from '../aws/clients.js';
import { readLogEvents } from '../aws/log-events.js';
import { LOG_DELIVERY_SETTING, deliveryErrorsGroup } from '../cognito/log-delivery.js';
import { clip } from '../text.js';

/** Where AWS keeps its own records of a pool's mail, and how they are reached. */
export interface DeliveryRecordSources {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  /** The pool's region: its logs are there. */
  region: string;
  emailConfiguration?: EmailConfigurationType;
  /** Endpoint overrides, for stand-ins only. */
  logsEndpoint?: string;
  sesEndpoint?: string;
  /** The CloudWatch Logs group that the SES configuration set's events reach (SES_EVENTS_LOG_GROUP). */
  sesEventsLogGroup?: string;
}

/** What AWS recorded about the mails to one address in a window, as lines, and the cause they prove when they prove one. */
export interface DeliveryRecordsFound {
  lines: string[];
  likelyCause?: string;
}

/** How far before the action the window opens: the clocks of this machine and AWS's may differ by this much. */
const CLOCK_SKEW_MS = 5_000;
/** Log events shown per source at most: the ones naming the address first. */
const SHOWN = 3;

const GRANT = 'grant the "Delivery evidence" policy of docs/adopting.md "Least privilege"';
// The Cognito client turns AccessDeniedException into a sentence (helpers/cognito/client.ts): both mean refused.
const refusal = (error: unknown) => isAccessDenied(error) || /may not call/.test((error as Error).message);
const firstLine = (error: unknown) => `${(error as Error).name}: ${(error as Error).message.split('\n')[0]}`;

/**
 * AWS's own records of the mails Cognito sent to one address, read when a
 * mail did not arrive in remote mode: the message-delivery errors Cognito
 * exported to CloudWatch Logs, and with SES, the account's suppression list and
 * the configuration set's events. Each source says what it found, "not
 * configured" with the one-line fix, or why it could not be read: a record
 * missing from the evidence is never silent.
 */
export class DeliveryRecords {
  constructor(private readonly sources: DeliveryRecordSources) {}

  async read(address: string, since: Date, until = new Date()): Promise<DeliveryRecordsFound> {
    const window = { startTime: since.getTime() - CLOCK_SKEW_MS, endTime: until.getTime() };
    const found = await Promise.all([this.cognitoErrors(address, window), this.sesSuppression(address), this.sesEvents(address, window)]);
    return { lines: found.map((f) => f.line), likelyCause: found.find((f) => f.likelyCause)?.likelyCause };
  }

  private async cognitoErrors(address: string, window: Window): Promise<Finding> {
    const source = "AWS records, Cognito's exported delivery errors";
    let exported: Awaited<ReturnType<typeof deliveryErrorsGroup>>;
    try {
      exported = await deliveryErrorsGroup(this.sources.cognito, this.sources.userPoolId, this.sources.region);
    } catch (error) {
      return refusal(error)
        ? { line: `${source}: not readable: cognito-idp:GetLogDeliveryConfiguration was refused; to see them, ${GRANT}.` }
        : { line: `${source}: could not be read (GetLogDeliveryConfiguration: ${firstLine(error)}).` };
    }
    if (!exported) return { line: `${source}: not configured: the pool exports none. To have them, set its log delivery ${LOG_DELIVERY_SETTING}.` };
    const { group, region } = exported;
    const events = await this.filter(group, region, window);
    if (typeof events === 'string') return { line: `${source} in ${group}: ${events}` };
    const naming = events.filter((e) => e.message?.includes(address));
    const shown = [...naming, ...events.filter((e) => !naming.includes(e))].slice(0, SHOWN);
    const line = events.length
      ? `${source} in ${group}, ${span(window)}: ${events.length} (${naming.length} naming ${address}): ${shown.map(describeEvent).join('; ')}`
      : `${source} in ${group}: none ${span(window)} (Cognito exports them within minutes: a late one may not be there yet).`;
    const first = naming[0];
    return { line, ...(first ? { likelyCause: `Cognito recorded a delivery error for ${address}: ${clip(first.message ?? '', 200)}` } : {}) };
  }

  private async sesSuppression(address: string): Promise<Finding> {
    const source = "AWS records, SES's account suppression list";
    const ses = this.ses();
    if (!ses) return { line: `${source}: not used: the pool sends through Cognito's own sender (COGNITO_DEFAULT), whose SES records are not yours to read.` };
    const { GetSuppressedDestinationCommand } = await sesSdk();
    const client = await createSesClient({ region: ses.region, ...(this.sources.sesEndpoint ? { endpoint: this.sources.sesEndpoint } : {}) });
    try {
      const { SuppressedDestination: listed } = await client.send(new GetSuppressedDestinationCommand({ EmailAddress: address }));
      return {
        line: `${source} (${ses.region}): ${address} is listed, for ${listed?.Reason ?? 'an unknown reason'}, since ${listed?.LastUpdateTime?.toISOString() ?? 'an unknown time'}.`,
        likelyCause: `SES's suppression list holds ${address} (${listed?.Reason ?? 'no reason given'}): SES drops every mail to it without trying. Remove it from the list (SES console, Suppression list), or let the test use a new address.`,
      };
    } catch (error) {
      if ((error as Error).name === 'NotFoundException') return { line: `${source} (${ses.region}): ${address} is not listed.` };
      return refusal(error)
        ? { line: `${source}: not readable: ses:GetSuppressedDestination was refused; to see it, ${GRANT}.` }
        : { line: `${source}: could not be read (${firstLine(error)}).` };
    } finally {
      client.destroy();
    }
  }

  private async sesEvents(address: string, window: Window): Promise<Finding> {
    const source = "AWS records, SES's events";
    const ses = this.ses();
    if (!ses) return { line: `${source}: not used (COGNITO_DEFAULT).` };
    const set = this.sources.emailConfiguration?.ConfigurationSet;
    if (!set) {
      return { line: `${source}: not configured: the pool names no configuration set (EmailConfiguration.ConfigurationSet), so SES records no events for its mail.` };
    }
    const group = this.sources.sesEventsLogGroup;
    if (!group) {
      return {
        line:
          `${source} of configuration set ${set}: not configured here: send them to a CloudWatch Logs group ` +
          '(an EventBridge destination and a rule to the group) and name the group in SES_EVENTS_LOG_GROUP.',
      };
    }
    const events = await this.filter(group, this.sources.region, window, address);
    if (typeof events === 'string') return { line: `${source} in ${group}: ${events}` };
    if (!events.length) return { line: `${source} in ${group}: none for ${address} ${span(window)}.` };
    const types = events.map(sesEventType);
    const trouble = events.find((e) => ['Bounce', 'Reject', 'Complaint', 'RenderingFailure', 'DeliveryDelay'].includes(sesEventType(e)));
    return {
      line: `${source} in ${group} for ${address}, ${span(window)}: ${types.join(', ')}; ${events.slice(0, SHOWN).map(describeEvent).join('; ')}`,
      ...(trouble ? { likelyCause: `SES recorded ${sesEventType(trouble)} for ${address}: ${clip(trouble.message ?? '', 200)}` } : {}),
    };
  }

  /** The SES identity the pool sends from, when it sends through SES (DEVELOPER). */
  private ses(): { region: string } | undefined {
    const configuration = this.sources.emailConfiguration;
    if (configuration?.EmailSendingAccount !== 'DEVELOPER') return undefined;
    return { region: parseArn(configuration.SourceArn ?? '')?.region || this.sources.region };
  }

  /** A log group's events in the window (with a term), or why they could not be read, in words. */
  private async filter(group: string, region: string, window: Window, term?: string): Promise<FilteredLogEvent[] | string> {
    const read = await readLogEvents({ region, ...(this.sources.logsEndpoint ? { endpoint: this.sources.logsEndpoint } : {}) }, group, window, term ? { term } : {});
    if ('events' in read) return read.events;
    if (read.problem === 'missing') return 'the log group does not exist (deleted, or another region?).';
    return read.problem === 'refused' ? `not readable: logs:FilterLogEvents was refused; to see them, ${GRANT}.` : `could not be read (${read.message}).`;
  }
}

interface Window {
  startTime: number;
  endTime: number;
}

interface Finding {
  line: string;
  likelyCause?: string;
}

const span = (window: Window) => `from ${new Date(window.startTime).toISOString()} to ${new Date(window.endTime).toISOString()}`;
const describeEvent = (event: FilteredLogEvent) => `${new Date(event.timestamp ?? 0).toISOString()} ${clip((event.message ?? '').trim(), 300)}`;

/** An SES event's type, from the event itself (a configuration set's) or EventBridge's envelope around it. */
function sesEventType(event: FilteredLogEvent): string {
  try {
    const parsed = JSON.parse(event.message ?? '') as { eventType?: string; detail?: { eventType?: string } };
    return parsed.eventType ?? parsed.detail?.eventType ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
