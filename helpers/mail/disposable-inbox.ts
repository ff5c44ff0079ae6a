import { ActionableError } from '../errors.js';
import { CodeReader, type CodeReading } from './code-reading.js';
import type { VerificationMailKind } from '../../common/cognito-operations.js';
import { VerificationCodeError, type MailBody } from './verification-code.js';
import type { VerificationTemplate } from '../../common/cognito-texts.js';
import type { MailTriggers } from '../../common/lambda-triggers.js';
import {
  EmailTimeoutError,
  describeEmails,
  type InboxHandle,
  type InvitationEmail,
  type LinkEmail,
  type MailBackend,
  type ReceivedEmail,
  type VerificationEmail,
} from './types.js';

/** A CustomMessage trigger's message that Cognito set aside, sending the pool's template instead (as the embedded stack notes in the mail). */
export class TriggerMessageSetAsideError extends ActionableError {
  override name = 'TriggerMessageSetAsideError';
}

/** The shortest wait, enough for one look at what the inbox already holds. */
const MINIMUM_LOOK_MS = 500;

/** What the test harness does around a wait (a missing mail's evidence is the flow's: Explainer.whenMailMissing). */
export interface InboxHooks {
  /** Milliseconds the test has left: no wait outlives the test's own timeout. */
  timeLeft?: () => number;
  /** Called with every verification email handed to the test (to attach it to the report). */
  onReceived?: (email: VerificationEmail, index: number) => Promise<void>;
}

/** The inbox a test holds: its address, and waiting for what Cognito sends to it. */
export class DisposableInbox {
  /** Every mail already handed to the test, so a later wait never returns one again. */
  private readonly received = new Set<string>();
  /** The mails handed to the test, in order, with their codes. */
  readonly handedOut: VerificationEmail[] = [];
  /** How many of the test's actions were meant to cause a mail: one per wait. */
  private caused = 0;
  /** Mails beyond one per action that the test said it expects, and why. */
  private extra: { count: number; why: string }[] = [];
  /** The pool's templates for mails other than verification codes, for the waits that read them. */
  readonly templates: { invitation?: VerificationTemplate; signInCode?: VerificationTemplate } = {};

  constructor(
    private readonly backend: MailBackend,
    private readonly handle: InboxHandle,
    /** The pool's verification template, whose words find the code and whose subject the mail must carry. */
    readonly template: VerificationTemplate,
    private readonly defaultTimeout: number,
    /** Filled in by the fixtures that keep evidence; mutable so they can be set after the inbox exists. */
    readonly hooks: InboxHooks = {},
    /** The CODE_IN_* rules, and the trigger that writes the pool's mail; without either, the templates' words find every code. */
    private readonly reading: CodeReading = { rules: {} },
  ) {
    this.reader = new CodeReader(this, reading);
  }

  /** The pool's mail triggers by function name (DescribeUserPool's LambdaConfig), for errors that name them. */
  get mailTriggers(): MailTriggers {
    return this.reading.functions ?? {};
  }

  /** Reads each kind of mail by its rule, as a trigger's, or by the templates. */
  private readonly reader: CodeReader;
  /** How each kind of mail waited for so far reads its code: extraMails() compares codes the same way. */
  private readonly readers = new Map<string, (mail: MailBody) => string>();

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

  /** What a verification mail's subject must be (see CodeReader.expectedSubject). */
  get expectedSubject(): RegExp {
    return this.reader.expectedSubject;
  }

  /**
   * The first mail received since `since`, with the code taken out of it as
   * `kind`'s mail reads (CodeReader.code). The deadline counts from `since` (the
   * click), not from this call: the email must arrive within `timeout` of the
   * action that causes it. Fails with the inbox's contents when none comes in
   * time, when one comes too late, with the mail's text when it holds no
   * single code, and with both subjects when the mail's is not the template's.
   */
  async waitForVerificationEmail({ since, kind, timeout = this.defaultTimeout }: { since: Date; kind: VerificationMailKind; timeout?: number }): Promise<VerificationEmail> {
    const email = await this.waitFor(since, timeout, kind, (mail) => ({ code: this.reader.code(mail, kind) }));
    // Read by the template's words, the mail is the template's, subject and all; a trigger's or a rule's mail has a subject of its own.
    const byTemplate = !this.reading.trigger && !this.reading.rules[kind];
    if (byTemplate && email.subject !== this.template.subject) {
      throw new VerificationCodeError(
        `The mail to ${this.address} (${email.receivedAt.toISOString()}) has the subject ${JSON.stringify(email.subject)}, ` +
          `not the pool's template's subject ${JSON.stringify(this.template.subject)}, as the run read it: it is not the mail the pool's template writes.`,
      );
    }
    return email;
  }

  /**
   * An AdminCreateUser invitation received since `since`, its user name and
   * temporary password read by the pool's invitation template (set in
   * `templates.invitation`), or by CODE_IN_INVITATION_MAIL (CodeReader.invitation).
   * As a verification mail, within `timeout` of the action; its `code` is the
   * temporary password.
   */
  async waitForInvitationEmail({ since, timeout = this.defaultTimeout }: { since: Date; timeout?: number }): Promise<InvitationEmail> {
    return this.waitFor(since, timeout, 'invitation', (email) => {
      const { username, temporaryPassword } = this.reader.invitation(email);
      return { code: temporaryPassword, username, temporaryPassword };
    });
  }

  /**
   * A sign-in code's mail (passwordless, or email MFA) received since `since`,
   * its code read by CODE_IN_SIGN_IN_MAIL, by the trigger's mail's one
   * standing code, or by the words of the pool's own template
   * (`templates.signInCode`, its EmailMfaConfiguration), or without one as
   * the mail's one run of six to eight digits.
   */
  async waitForSignInCodeEmail({ since, timeout = this.defaultTimeout }: { since: Date; timeout?: number }): Promise<VerificationEmail> {
    return this.waitFor(since, timeout, 'signInCode', (email) => ({ code: this.reader.code(email, 'signInCode') }));
  }

  /**
   * A CONFIRM_WITH_LINK mail received since `since`: its confirmation link,
   * found by the words of `template` (the pool's EmailMessageByLink), or in a
   * trigger's mail as the one link carrying `confirmation_code`; its `code` is
   * the link's confirmation_code.
   */
  async waitForLinkEmail({ since, template, timeout = this.defaultTimeout }: { since: Date; template: string; timeout?: number }): Promise<LinkEmail> {
    return this.waitFor(since, timeout, 'confirmation link', (email) => this.reader.link(email, template));
  }

  /**
   * The first mail received since `since`, read by `read`. The deadline counts
   * from `since` (the click), not from this call: the email must arrive within
   * `timeout` of the action that causes it. Fails with the inbox's contents
   * when none comes in time, when one comes too late, and with the mail's text
   * when `read` finds no single code in it.
   */
  private async waitFor<T extends { code: string }>(since: Date, timeout: number, kind: string, read: (email: MailBody) => T): Promise<ReceivedEmail & T> {
    this.caused++;
    this.readers.set(kind, (mail) => read(mail).code);
    const elapsed = Date.now() - since.getTime();
    // At least one look, even when the UI took the whole deadline; never past the test's own timeout.
    const budget = Math.max(Math.min(timeout - elapsed, this.timeLeft() - 1_000), MINIMUM_LOOK_MS);
    const email = await this.backend.waitForEmail(this.handle, { since, timeout: budget, excludeIds: this.received });
    this.received.add(email.id);

    let found: T | undefined;
    let unreadable: VerificationCodeError | undefined;
    try {
      found = read(email);
    } catch (error) {
      if (!(error instanceof VerificationCodeError)) throw error;
      unreadable = error;
    }
    // Every mail the test got goes into the report, good or bad.
    const code = found?.code ?? '';
    this.handedOut.push({ ...email, code });
    await this.hooks.onReceived?.({ ...email, code }, this.received.size);

    const took = email.receivedAt.getTime() - since.getTime();
    if (took > timeout + this.backend.clockSkewAllowanceMs) {
      throw new EmailTimeoutError(
        `The email "${email.subject}" reached ${this.address} at ${this.service}, but ${took} ms after the action that sent it: ` +
          `later than the ${timeout} ms deadline (EMAIL_TIMEOUT_MS).`,
      );
    }
    if (email.emulatorNote) {
      // The code may well be readable: the mail is still not the one the team's trigger meant to send.
      throw new TriggerMessageSetAsideError(
        `The mail "${email.subject}" to ${this.address} is the pool's own template, not its trigger's: ${email.emulatorNote} ` +
          'On AWS the user would get this unbranded mail, and nothing would fail: fix the trigger so that its message carries what Cognito fills in.',
      );
    }
    if (!found) {
      throw new VerificationCodeError(
        `The mail "${email.subject}" from ${email.from} to ${this.address} (${email.receivedAt.toISOString()}): ${unreadable?.message}`,
      );
    }
    return { ...email, ...found };
  }

  /** Everything the inbox holds now, oldest first. */
  emails(): Promise<ReceivedEmail[]> {
    return this.backend.listEmails(this.handle);
  }

  /** What the inbox holds now, in words, for evidence. */
  async describeContents(): Promise<string> {
    return describeEmails(await this.emails());
  }

  /** For a test whose actions rightly cause more than one mail each: say how many more, and why. */
  expectExtraMails(count: number, why: string): void {
    this.extra.push({ count, why });
  }

  /**
   * One action, one mail: more mails than the test's actions caused are a
   * fault (a duplicate delivery, mail nobody asked for), and each burns
   * Cognito's sending quota. Returns the problem, or undefined when none.
   */
  async extraMails(): Promise<string | undefined> {
    const all = await this.emails();
    const allowed = this.caused + this.extra.reduce((sum, e) => sum + e.count, 0);
    if (all.length <= allowed) return undefined;
    // Read as the test's own waits read their mails (a duplicate is one of them); none yet: as a sign-up mail.
    const readers = this.readers.size ? [...this.readers.values()] : [(mail: MailBody) => this.reader.code(mail, 'signUp')];
    const code = (email: ReceivedEmail) => {
      for (const read of readers) {
        try {
          return read(email);
        } catch {
          // Another kind's reading may find it.
        }
      }
      return 'no code';
    };
    const codes = all.map(code);
    const repeated = codes.filter((c, i) => c !== 'no code' && codes.indexOf(c) !== i);
    return (
      `${all.length} mails reached ${this.address} where the test's actions caused ${allowed}` +
      `${this.extra.length ? ` (${this.extra.map((e) => `${e.count} more: ${e.why}`).join('; ')})` : ''}: ` +
      all.map((e, i) => `${e.receivedAt.toISOString()} "${e.subject}" code ${codes[i]}`).join('; ') +
      '. ' +
      (repeated.length
        ? `The same code came more than once (${[...new Set(repeated)].join(', ')}): the mail path delivers each mail more than once.`
        : codes.every((c) => c === 'no code')
          ? `${this.service} lists no bodies here, so the codes cannot be compared: a duplicate delivery, or mail no action asked for.`
          : 'Different codes: something sent mails no action of the test asked for.') +
      ' Each extra mail also burns the sending quota (Cognito\'s own sender: about 50 a day).'
    );
  }
}
