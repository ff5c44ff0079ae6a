import { VerificationCodeError, extractVerificationCode } from '../verification-code.js';
import type { VerificationTemplate } from '../verification-template.js';
import type { InboxHandle, MailBackend, ReceivedEmail, VerificationEmail } from './types.js';

/** The inbox a test holds: its address, and waiting for what Cognito sends to it. */
export class DisposableInbox {
  /** Every mail already handed to the test, so a later wait never returns one again. */
  private readonly received = new Set<string>();

  constructor(
    private readonly backend: MailBackend,
    private readonly handle: InboxHandle,
    private readonly template: VerificationTemplate,
    private readonly defaultTimeout: number,
    /** Milliseconds the test has left: no wait outlives the test's own timeout. */
    private readonly timeLeft: () => number = () => Infinity,
  ) {}

  get address(): string {
    return this.handle.address;
  }

  /** Where this inbox lives, for messages. */
  get service(): string {
    return this.backend.description;
  }

  /**
   * The first mail received since `since`, with the code taken out of it.
   * Fails with the inbox's contents when none comes in time, and with the
   * mail's text when it holds no single code.
   */
  async waitForVerificationEmail({ since, timeout = this.defaultTimeout }: { since: Date; timeout?: number }): Promise<VerificationEmail> {
    // Leave a second for the error to be built and reported before the test's own timeout strikes.
    const budget = Math.max(Math.min(timeout, this.timeLeft() - 1_000), 0);
    const email = await this.backend.waitForEmail(this.handle, { since, timeout: budget, excludeIds: this.received });
    this.received.add(email.id);
    try {
      return { ...email, code: extractVerificationCode(email, this.template.message) };
    } catch (error) {
      if (!(error instanceof VerificationCodeError)) throw error;
      throw new VerificationCodeError(
        `The mail "${email.subject}" from ${email.from} to ${this.address} (${email.receivedAt.toISOString()}): ${error.message}`,
      );
    }
  }

  /** Everything the inbox holds now, oldest first. */
  emails(): Promise<ReceivedEmail[]> {
    return this.backend.listEmails(this.handle);
  }

}
