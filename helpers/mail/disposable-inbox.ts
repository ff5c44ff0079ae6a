import { VerificationCodeError, extractVerificationCode } from './verification-code.js';
import type { VerificationTemplate } from '../../common/cognito-texts.js';
import { EmailTimeoutError, type InboxHandle, type MailBackend, type ReceivedEmail, type VerificationEmail } from './types.js';

/** The shortest wait, enough for one look at what the inbox already holds. */
const MINIMUM_LOOK_MS = 500;

/** The inbox a test holds: its address, and waiting for what Cognito sends to it. */
/** What the test harness does around a wait: keep evidence, explain a failure. */
export interface InboxHooks {
  /** Milliseconds the test has left: no wait outlives the test's own timeout. */
  timeLeft?: () => number;
  /** Called with every verification email handed to the test (to attach it to the report). */
  onReceived?: (email: VerificationEmail, index: number) => Promise<void>;
  /** Evidence for a wait that timed out: appended to the error. */
  explainTimeout?: (since: Date) => Promise<string>;
}

export class DisposableInbox {
  /** Every mail already handed to the test, so a later wait never returns one again. */
  private readonly received = new Set<string>();

  constructor(
    private readonly backend: MailBackend,
    private readonly handle: InboxHandle,
    /** The pool's verification template, whose words find the code and whose subject the mail must carry. */
    readonly template: VerificationTemplate,
    private readonly defaultTimeout: number,
    private readonly hooks: InboxHooks = {},
  ) {}

  private timeLeft(): number {
    return this.hooks.timeLeft?.() ?? Infinity;
  }

  get address(): string {
    return this.handle.address;
  }

  /** Where this inbox lives, for messages. */
  get service(): string {
    return this.backend.description;
  }

  /**
   * The first mail received since `since`, with the code taken out of it. The
   * deadline counts from `since` (the click), not from this call: the email
   * must arrive within `timeout` of the action that causes it. Fails with the
   * inbox's contents when none comes in time, when one comes too late, and with
   * the mail's text when it holds no single code.
   */
  async waitForVerificationEmail({ since, timeout = this.defaultTimeout }: { since: Date; timeout?: number }): Promise<VerificationEmail> {
    const elapsed = Date.now() - since.getTime();
    // At least one look, even when the UI took the whole deadline; never past the test's own timeout.
    const budget = Math.max(Math.min(timeout - elapsed, this.timeLeft() - 1_000), MINIMUM_LOOK_MS);
    const email = await this.backend.waitForEmail(this.handle, { since, timeout: budget, excludeIds: this.received }).catch(async (error: unknown) => {
      if (!(error instanceof EmailTimeoutError) || !this.hooks.explainTimeout) throw error;
      throw new EmailTimeoutError(`${error.message}\n${await this.hooks.explainTimeout(since)}`);
    });
    this.received.add(email.id);

    let code = '';
    let unreadable: VerificationCodeError | undefined;
    try {
      code = extractVerificationCode(email, this.template.message);
    } catch (error) {
      if (!(error instanceof VerificationCodeError)) throw error;
      unreadable = error;
    }
    // Every mail the test got goes into the report, good or bad.
    await this.hooks.onReceived?.({ ...email, code }, this.received.size);

    const took = email.receivedAt.getTime() - since.getTime();
    if (took > timeout + this.backend.clockSkewAllowanceMs) {
      throw new EmailTimeoutError(
        `The email "${email.subject}" reached ${this.address} at ${this.service}, but ${took} ms after the action that sent it: ` +
          `later than the ${timeout} ms deadline (EMAIL_TIMEOUT_MS).`,
      );
    }
    if (unreadable) {
      throw new VerificationCodeError(
        `The mail "${email.subject}" from ${email.from} to ${this.address} (${email.receivedAt.toISOString()}): ${unreadable.message}`,
      );
    }
    return { ...email, code };
  }

  /** Everything the inbox holds now, oldest first. */
  emails(): Promise<ReceivedEmail[]> {
    return this.backend.listEmails(this.handle);
  }

}
