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
  /** The pool's verification template now (DescribeUserPool), and as the run read it: asked only when a mail did not read as the template. */
  templateNow?: () => Promise<{ subject: string; message: string }>;
  templateAtStart?: { subject: string; message: string };
  /** Mail for the address by its SMTP envelope whose headers name another, since an instant (the embedded catcher keeps envelopes). */
  heldByEnvelope?: (since: Date) => Promise<string[]>;
}

/** What the test's clean-up is about to remove: read before it does, so that later evidence describes the state the test failed in. */
interface Frozen {
  userStatus: string | undefined;
  inbox: string;
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
  private frozen?: Frozen;

  constructor(private readonly sources: EvidenceSources) {}

  /**
   * Called by the clean-up of a failed or timed-out test before it deletes the
   * user and empties the inbox: from now on, the evidence reports them as they
   * were here. A step still pending when the test ran out of time fails during
   * the clean-up, and would otherwise find no user and an empty inbox.
   */
  async freeze(): Promise<void> {
    if (this.frozen) return;
    const [userStatus, inbox] = await this.current();
    this.frozen = { userStatus, inbox: `${inbox} (as the test ended)` };
  }

  private current(): Promise<[string | undefined, string]> {
    const s = this.sources;
    return Promise.all([s.userStatus().catch((error: Error) => `unknown (${error.name})`), s.inboxContents().catch((error: Error) => `(could not list: ${error.message})`)]);
  }

  /** The user lives in another pool for this story (a pool that confirms by link, say): their status comes from there. */
  userIn(userStatus: EvidenceSources['userStatus']): void {
    this.sources.userStatus = userStatus;
  }

  /** The evidence, as lines a person reads, ending with the most likely cause (or the one the caller knows better). */
  async evidence(kind: Evidence['kind'], since: Date, knownCause?: string, failure?: Error): Promise<string> {
    const s = this.sources;
    const aboutTheMail = failure && /^(VerificationCodeError|MailNotAsTemplateError)$/.test(failure.name);
    const [[userStatus, inbox], awsRecords, templateNow, heldByEnvelope] = await Promise.all([
      this.frozen ? Promise.resolve<[string | undefined, string]>([this.frozen.userStatus, this.frozen.inbox]) : this.current(),
      kind === 'missing email' ? s.deliveryRecords?.(since).catch((error: Error) => ({ lines: [`AWS records: could not be read (${error.message})`] })) : undefined,
      aboutTheMail ? s.templateNow?.().catch(() => undefined) : undefined,
      kind === 'missing email' ? s.heldByEnvelope?.(since).catch(() => undefined) : undefined,
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
      ...(failure ? { failure: { name: failure.name, message: failure.message } } : {}),
      ...(templateNow ? { templateNow } : {}),
      ...(aboutTheMail && s.templateAtStart ? { templateAtStart: s.templateAtStart } : {}),
      ...(heldByEnvelope?.length ? { heldByEnvelope } : {}),
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
      error.message += `\n${await this.evidence('failed step', since, undefined, error)}`;
      throw markExplained(error);
    }
  }

  /** The wait for a mail an action caused: when no mail comes in time, the evidence goes under the inbox's own words. */
  async whenMailMissing<T>(wait: Promise<T>, since: Date): Promise<T> {
    try {
      return await wait;
    } catch (error) {
      if (!(error instanceof EmailTimeoutError)) throw error;
      throw new EmailTimeoutError(`${error.message}\n${await this.evidence('missing email', since)}`);
    }
  }

  /** A failure the suite found itself (a fact about Cognito's answers), with the evidence under it. */
  async failure(cause: string, since: Date, knownCause?: string): Promise<ActionableError> {
    return markExplained(new ActionableError(`${cause}\n${await this.evidence('failed step', since, knownCause)}`));
  }

  /** The page's calls since an instant, described: for messages that name what Cognito answered. */
  callsSince(since: Date): string {
    return this.sources.calls.since(since).map((c) => describeCall(c)).join('; ') || 'none seen';
  }
}
