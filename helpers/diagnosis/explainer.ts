import { ActionableError } from '../errors.js';
import { EmailTimeoutError } from '../mail/types.js';
import { describeCall, type CognitoCallRecorder } from './cognito-calls.js';
import { diagnose, type Evidence } from './diagnose.js';

/** Where the evidence for one test comes from. */
export interface EvidenceSources {
  calls: CognitoCallRecorder;
  address: string;
  /** What the inbox holds, in words. */
  inboxContents: () => Promise<string>;
  userStatus: () => Promise<string | undefined>;
  /** Mail for addresses that are no test inbox, since an instant (the embedded stack sees all mail). */
  strangersSince?: (since: Date) => string[];
  pool: { sendingAccount: string; autoVerifiedAttributes: string[] };
  remote: boolean;
  endpoint?: string;
  budgetMs?: number;
  /** What AWS recorded about the mails to the address since an instant (remote mode): see DeliveryRecords. */
  deliveryRecords?: (since: Date) => Promise<{ lines: string[]; likelyCause?: string }>;
  /** Puts the evidence into the report too. */
  attach?: (name: string, body: string) => Promise<void>;
}

/** A failure whose message already carries the evidence: not to be explained twice. */
const EXPLAINED = Symbol('explained');
export const markExplained = <E extends Error>(error: E): E => Object.assign(error, { [EXPLAINED]: true });
// A missing email's error already ends with its evidence (whenMailMissing): it says "Most likely:".
const isExplained = (error: unknown) => error instanceof Error && (EXPLAINED in error || error.message.includes('\nMost likely: '));

/**
 * Explains a failure with what the page, Cognito and the inbox show at that
 * moment: the Cognito calls since the step began (answered, refused or still
 * pending), the user's status, the inbox, and one "Most likely:" sentence.
 */
export class Explainer {
  constructor(private readonly sources: EvidenceSources) {}

  /** The user lives in another pool for this story (a pool that confirms by link, say): their status comes from there. */
  userIn(userStatus: EvidenceSources['userStatus']): void {
    this.sources.userStatus = userStatus;
  }

  /** The evidence, as lines a person reads, ending with the most likely cause (or the one the caller knows better). */
  async evidence(kind: Evidence['kind'], since: Date, knownCause?: string): Promise<string> {
    const s = this.sources;
    const [userStatus, inbox, awsRecords] = await Promise.all([
      s.userStatus().catch((error: Error) => `unknown (${error.name})`),
      s.inboxContents().catch((error: Error) => `(could not list: ${error.message})`),
      kind === 'missing email' ? s.deliveryRecords?.(since).catch((error: Error) => ({ lines: [`AWS records: could not be read (${error.message})`] })) : undefined,
    ]);
    const { lines, likelyCause } = diagnose({
      kind,
      address: s.address,
      calls: kind === 'missing email' ? s.calls.mailSendingSince(since) : s.calls.since(since),
      userStatus,
      inbox,
      strangers: s.strangersSince?.(since),
      sendingAccount: s.pool.sendingAccount,
      autoVerifiedAttributes: s.pool.autoVerifiedAttributes,
      remote: s.remote,
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      ...(s.budgetMs ? { budgetMs: s.budgetMs } : {}),
      ...(awsRecords ? { awsRecords } : {}),
    });
    const text = `${lines.join('\n')}\nMost likely: ${knownCause ?? likelyCause}`;
    await s.attach?.(`${kind}: evidence`, text);
    return text;
  }

  /** Runs one step of a flow; when it fails, its error carries the evidence from the step's start. */
  async explained<T>(work: () => Promise<T>): Promise<T> {
    const since = new Date();
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Error) || isExplained(error)) throw error;
      error.message += `\n${await this.evidence('failed step', since)}`;
      throw markExplained(error);
    }
  }

  /** A failure the suite found itself (a fact about Cognito's answers), with the evidence under it. */
  /** The wait for a mail an action caused: when no mail comes in time, the evidence goes under the inbox's own words. */
  async whenMailMissing<T>(wait: Promise<T>, since: Date): Promise<T> {
    try {
      return await wait;
    } catch (error) {
      if (!(error instanceof EmailTimeoutError)) throw error;
      throw new EmailTimeoutError(`${error.message}\n${await this.evidence('missing email', since)}`);
    }
  }

  async failure(cause: string, since: Date, knownCause?: string): Promise<ActionableError> {
    return markExplained(new ActionableError(`${cause}\n${await this.evidence('failed step', since, knownCause)}`));
  }

  /** The page's calls since an instant, described: for messages that name what Cognito answered. */
  callsSince(since: Date): string {
    return this.sources.calls.since(since).map((c) => describeCall(c)).join('; ') || 'none seen';
  }
}
