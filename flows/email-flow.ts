import { withAdvice } from '../helpers/cognito/advice.js';
import { exceptionOf, isAnswered, isRefused, mailed, type CognitoCall, type CognitoCallRecorder } from '../helpers/diagnosis/cognito-calls.js';
import { attemptLimitCause, isAttemptLimit, type LimitHistory } from '../helpers/diagnosis/attempt-limit.js';
import { codeRefusal, sentence } from '../helpers/diagnosis/code-refusal.js';
import { deliveredTo } from '../helpers/diagnosis/delivery.js';
import type { Explainer } from '../helpers/diagnosis/explainer.js';
import { ActionableError } from '../helpers/errors.js';
import type { DisposableInbox } from '../helpers/mail/disposable-inbox.js';
import type { VerificationEmail } from '../helpers/mail/types.js';
import type { MailTriggers } from '../common/lambda-triggers.js';
import { VERIFICATION_MAIL_KINDS, mailKindOf, type OperationName, type VerificationMailKind } from '../common/cognito-operations.js';
import type { Screens } from '../pages/index.js';

/** An email a flow waited for, the instant of the click that asked for it, and when the test had it. */
export interface RequestedEmail extends VerificationEmail {
  requestedAt: Date;
  seenAt: Date;
}

export interface FlowOptions {
  /** How long the email may take, from the click that causes it (EMAIL_TIMEOUT_MS). */
  emailTimeout: number;
  /** The page's Cognito calls: their answers are checked, and a refusal fails the step at once. */
  calls?: CognitoCallRecorder;
  /** Puts the evidence under a failure. */
  explainer?: Explainer;
  /** The user's status in Cognito, to check that a confirmation Cognito claims has taken. */
  userStatus?: (email: string) => Promise<string | undefined>;
  /** How long one Cognito call may take (COGNITO_CALL_BUDGET_MS); undefined: no limit. */
  budgetMs?: number;
  /** Against AWS: where a refusal for Cognito's attempt limit is kept, for the doctor to warn of within the hour, and the pool's ID. */
  limitHistory?: { history: LimitHistory; userPoolId: string };
}

/**
 * " The pool's CustomMessage trigger is function acme-custom-message.", when
 * Cognito's message names a trigger ("CustomMessage failed with error …",
 * "PreSignUp invocation failed …") whose function the pool's LambdaConfig names.
 */
function triggerFunction(message: string | undefined, triggers: MailTriggers): string {
  const trigger = /^(CustomMessage|PreSignUp) (?:failed|invocation failed)/.exec(message ?? '')?.[1];
  const name = trigger === 'CustomMessage' ? triggers.customMessage : trigger === 'PreSignUp' ? triggers.preSignUp : undefined;
  return name ? ` The pool's ${trigger} trigger is function ${name}.` : '';
}

/** How long to wait for Cognito's answer when there is no budget: as long as a web-first assertion. */
const ANSWER_TIMEOUT_MS = 5_000;
/** Once the mail is in, its call's answer is a matter of milliseconds (the emulator mails before it answers). */
const ANSWER_AFTER_MAIL_MS = 2_000;

/**
 * The mechanics every email flow shares: an action that makes Cognito mail,
 * a wait for the mail received since that click, a check of every answer
 * Cognito gives the page (a refusal, an answer naming another address, a
 * call over its budget) that fails the step at once, naming the operation and
 * the exception, and the evidence under any failure. A flow (sign-up,
 * password reset …) is a subclass that strings screens together with these.
 */
export abstract class EmailFlow {
  constructor(
    protected readonly screens: Screens,
    protected readonly inbox: DisposableInbox,
    protected readonly options: FlowOptions,
  ) {}

  /**
   * The email an action causes. The wait counts from just before the action,
   * and ends at once when Cognito refuses the call, answers that it mailed
   * another address, or takes longer than its budget, or when the page shows
   * an error instead.
   */
  protected async mailCausedBy<E extends VerificationEmail = VerificationEmail>(
    operation: OperationName,
    action: () => Promise<void>,
    instead: string,
    {
      inbox = this.inbox,
      read = this.verificationMail(operation, inbox) as (since: Date) => Promise<E>,
    }: {
      /** Where the mail should go: this test's inbox, or another (a changed address's). */
      inbox?: DisposableInbox;
      /** How to wait for it and read it: by default the code of the kind of mail the operation sends; a link, an invitation, a sign-in code … */
      read?: (since: Date) => Promise<E>;
    } = {},
  ): Promise<E & Pick<RequestedEmail, 'requestedAt' | 'seenAt'>> {
    const stale = await this.screens.alert.shown();
    const requestedAt = new Date();
    await action();
    const mail = this.whenMailMissing(read(requestedAt), requestedAt);
    mail.catch(() => undefined); // Settled below, or abandoned when Cognito's answer or the page fails first.
    const answerFails = this.answerOf(operation, requestedAt, this.options.budgetMs ?? this.options.emailTimeout).then(async (call) => {
      if (call) await this.checkAnswer(call, requestedAt, inbox.address);
      return new Promise<never>(() => undefined); // A good answer decides nothing: the mail does.
    });
    answerFails.catch(() => undefined);
    const email = await this.screens.alert.unlessShown(Promise.race([mail, answerFails]), this.options.emailTimeout, instead, stale).catch(async (error: unknown) => {
      // The page's error and the check of Cognito's refusal race, and the page often shows it first; Cognito's answer, with
      // its evidence and the trigger behind it, says more, so it decides whenever the call is already refused.
      const refusal = this.options.calls?.since(requestedAt).find((call) => call.operation === operation && isAnswered(call) && isRefused(call));
      if (refusal) await this.checkAnswer(refusal, requestedAt, inbox.address);
      const refused = this.options.calls?.lastError();
      throw refused && error instanceof ActionableError && !error.message.includes(refused) ? new ActionableError(withAdvice(refused, error.message)) : error;
    });
    const seenAt = new Date();
    // The mail may come before the page has Cognito's answer (the emulator mails before it answers): check it now.
    const call = await this.answerOf(operation, requestedAt, ANSWER_AFTER_MAIL_MS);
    if (call) await this.checkAnswer(call, requestedAt, inbox.address);
    return { ...email, requestedAt, seenAt };
  }

  /**
   * The wait for the code an operation mails, read as its kind of mail is
   * (sign-up, resend, reset, attribute: each may have its own CODE_IN_* rule).
   * An operation that mails no such code must say how its mail is read.
   */
  private verificationMail(operation: OperationName, inbox: DisposableInbox): (since: Date) => Promise<VerificationEmail> {
    const kind = mailKindOf(operation);
    if (!VERIFICATION_MAIL_KINDS.includes(kind as VerificationMailKind)) {
      throw new Error(`${operation} mails no verification code (its mail: ${kind ?? 'none known'}): mailCausedBy must be given how to read its mail (read).`);
    }
    return (since) => inbox.waitForVerificationEmail({ since, kind: kind as VerificationMailKind });
  }

  /**
   * Cognito's answer to the page's call, once it comes; undefined when the
   * page made no such call (an app that calls Cognito from its server). A
   * call still pending when its budget (or the wait) runs out fails the step.
   */
  protected async answerOf(operation: OperationName, since: Date, timeout = this.options.budgetMs ?? ANSWER_TIMEOUT_MS): Promise<CognitoCall | undefined> {
    const calls = this.options.calls;
    if (!calls) return undefined;
    const call = await calls.answer(operation, since, timeout);
    if (call) return call;
    const pending = calls.since(since).find((c) => c.operation === operation && !isAnswered(c));
    if (pending) {
      const waited = Date.now() - pending.at.getTime();
      throw await this.failure(
        this.options.budgetMs && timeout === this.options.budgetMs
          ? `${operation} has not answered after ${waited} ms, over its budget of ${this.options.budgetMs} ms (COGNITO_CALL_BUDGET_MS).`
          : `${operation} has not answered after ${waited} ms.`,
        since,
      );
    }
    return undefined;
  }

  /**
   * Cognito's verdict on a sign-in the page made since then: InitiateAuth's
   * answer; or, when that began SRP (Amplify's default sign-in, which answers
   * PASSWORD_VERIFIER), the answer to the password's proof that follows, where
   * Cognito accepts the password or refuses it.
   */
  protected async signInAnswer(since: Date): Promise<CognitoCall | undefined> {
    const initiated = await this.answerOf('InitiateAuth', since);
    if (!initiated || isRefused(initiated) || initiated.body?.ChallengeName !== 'PASSWORD_VERIFIER') return initiated;
    return this.answerOf('RespondToAuthChallenge', initiated.at);
  }

  /** Each answer is checked once, however many waits look at it. */
  protected readonly checked = new WeakMap<CognitoCall, Promise<void>>();

  protected checkAnswer(call: CognitoCall, since: Date, address = this.inbox.address): Promise<void> {
    const check = this.checked.get(call) ?? this.factCheck(call, since, address);
    this.checked.set(call, check);
    return check;
  }

  /** The facts an answer must hold: not refused, within budget, and naming this test's inbox when it mailed a code. */
  protected async factCheck(call: CognitoCall, since: Date, address = this.inbox.address): Promise<void> {
    if (isRefused(call)) {
      const type = exceptionOf(call);
      if (isAttemptLimit(type, call.body?.message)) throw await this.failure(this.overAttemptLimit(call.operation, address), since);
      const fn = triggerFunction(call.body?.message, this.inbox.mailTriggers);
      throw await this.failure(withAdvice(type, `${call.operation} failed: Cognito answered ${type}${sentence(call.body?.message)}${fn}`), since);
    }
    const budget = this.options.budgetMs;
    if (budget && (call.latencyMs ?? 0) > budget) {
      throw await this.failure(
        `${call.operation} took ${call.latencyMs} ms, over its budget of ${budget} ms (COGNITO_CALL_BUDGET_MS): a regression users feel ` +
          '(a slow Lambda trigger, a throttled dependency, a mail sent before answering).',
        since,
      );
    }
    const delivery = call.body?.CodeDeliveryDetails;
    if (mailed(call) && delivery && !deliveredTo(delivery, address)) {
      throw await this.failure(
        `Cognito answered ${call.operation} that it sent the code to ${delivery.Destination} by ${delivery.DeliveryMedium}, ` +
          `but the inbox it should reach is ${address}: the code went elsewhere, or nowhere.`,
        since,
      );
    }
  }

  /** Why Cognito refused a code: the exception, and whose code it was (an earlier mail's, or the latest mail's). */
  protected refusalOfCode(call: CognitoCall, code: string, operation: OperationName = 'ConfirmSignUp'): { cause: string; likely?: string } {
    return codeRefusal({ operation, exception: exceptionOf(call), message: call.body?.message }, code, this.inbox.handedOut);
  }

  /**
   * Cognito refused one of the suite's addresses for its attempt limit: the
   * failure says which operation, whose, what AWS documents and what to do;
   * against AWS, the refusal is kept for the doctor's next run.
   */
  protected overAttemptLimit(operation: string, address = this.inbox.address): string {
    const kept = this.options.limitHistory;
    kept?.history.record({ operation, address, userPoolId: kept.userPoolId });
    return attemptLimitCause(operation, address);
  }

  /** "InitiateAuth answered NotAuthorizedException: Incorrect username or password.", with advice when there is some. */
  protected answered(call: CognitoCall): string {
    const type = exceptionOf(call);
    if (isAttemptLimit(type, call.body?.message)) return this.overAttemptLimit(call.operation);
    return withAdvice(type, `${call.operation} answered ${type}${sentence(call.body?.message)}`);
  }

  /** A call the suite makes itself (an admin's), recorded with the page's so the evidence shows it. */
  protected suiteCall<T>(operation: OperationName, work: () => Promise<T>): Promise<T> {
    return this.options.calls ? this.options.calls.own(operation, work) : work();
  }

  /** The wait for a mail an action caused: a missing one fails with the evidence under the inbox's words. */
  protected whenMailMissing<T>(wait: Promise<T>, since: Date): Promise<T> {
    return this.options.explainer ? this.options.explainer.whenMailMissing(wait, since) : wait;
  }

  protected async failure(cause: string, since: Date, likely?: string): Promise<Error> {
    return this.options.explainer ? this.options.explainer.failure(cause, since, likely) : new ActionableError(cause);
  }

  protected explained<T>(work: () => Promise<T>): Promise<T> {
    return this.options.explainer ? this.options.explainer.explained(work) : work();
  }
}
