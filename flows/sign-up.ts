import { test } from '@playwright/test';
import { withAdvice } from '../helpers/cognito/advice.js';
import { sendsMail } from '../helpers/cognito/operations.js';
import { exceptionOf, isAnswered, isRefused, type CognitoCall, type CognitoCallRecorder } from '../helpers/diagnosis/cognito-calls.js';
import { deliveredTo } from '../helpers/diagnosis/delivery.js';
import type { Explainer } from '../helpers/diagnosis/explainer.js';
import { ActionableError } from '../helpers/errors.js';
import type { DisposableInbox } from '../helpers/mail/disposable-inbox.js';
import type { VerificationEmail } from '../helpers/mail/types.js';
import { waitUntil } from '../helpers/wait-until.js';
import type { Credentials, Screens } from '../pages/index.js';

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
}

/** ": message." for Cognito's message, which may or may not end its own sentence; "." when there is none. */
const sentence = (message?: string) => (message ? `: ${message}${/[.!?]$/.test(message) ? '' : '.'}` : '.');

/** How long to wait for Cognito's answer when there is no budget: as long as a web-first assertion. */
const ANSWER_TIMEOUT_MS = 5_000;
/** Once the mail is in, its call's answer is a matter of milliseconds (the emulator mails before it answers). */
const ANSWER_AFTER_MAIL_MS = 2_000;
/** How long Cognito may take to show a confirmation it has answered 200 to. */
const STATE_SETTLE_MS = 5_000;

/**
 * Sign-up with email verification, composed once from the screens of any
 * UI: the stories and the benchmark sign up through this. Every action that
 * makes Cognito mail is followed by a wait for the mail received since the
 * click; every answer of Cognito's is checked (a refusal, an answer naming
 * another address, a call over its budget, a confirmation that did not take)
 * and fails the step at once, naming the operation and the exception. Any
 * failure carries the evidence: calls, user status, inbox, most likely cause.
 */
export class SignUpFlow {
  constructor(
    private readonly screens: Screens,
    private readonly inbox: DisposableInbox,
    private readonly options: FlowOptions,
  ) {}

  /** Signs up through the UI, and returns the verification email that caused, once the code screen shows. */
  async signUp(user: Credentials): Promise<RequestedEmail> {
    return test.step(`sign up as ${user.email} and receive the verification email`, () =>
      this.explained(async () => {
        await this.screens.signUp.open();
        await this.screens.signUp.fill(user);
        const email = await this.mailCausedBy('SignUp', () => this.screens.signUp.submit(), 'the code screen');
        await this.screens.confirmCode.expectShown();
        return email;
      }),
    );
  }

  /** Asks for a new code on the code screen, and returns the email that caused. */
  async resendCode(): Promise<RequestedEmail> {
    return test.step('resend the code and receive another verification email', () =>
      this.explained(() => this.mailCausedBy('ResendConfirmationCode', () => this.screens.confirmCode.resend(), 'a new code')),
    );
  }

  /** Enters a code; Cognito must accept it, the user must be CONFIRMED, and the app must say so. */
  async confirm(user: Credentials, code: string): Promise<void> {
    await this.explained(async () => {
      const since = new Date();
      await this.screens.confirmCode.enterCode(code);
      const call = await this.answerOf('ConfirmSignUp', since);
      if (call && isRefused(call)) {
        const { cause, likely } = this.refusalOfCode(call, code);
        throw await this.failure(cause, since, likely);
      }
      if (call && this.options.userStatus) await this.confirmationTook(user.email, since);
      await this.screens.confirmed.expectShown(user.email);
    });
  }

  /** Enters a code Cognito must refuse, and sees the page say why. */
  async expectCodeRefused(code: string, message: string | RegExp): Promise<void> {
    await this.explained(async () => {
      const since = new Date();
      await this.screens.confirmCode.enterCode(code);
      const call = await this.answerOf('ConfirmSignUp', since);
      if (call && !isRefused(call)) {
        throw await this.failure(`Cognito accepted the code ${code} (ConfirmSignUp → ${call.status}), which it should have refused: it is not the latest code.`, since);
      }
      await this.screens.alert.expectError(message);
    });
  }

  /** Signs up with an address Cognito must refuse, and sees the page say why. */
  async expectSignUpRefused(user: Credentials, message: string | RegExp): Promise<void> {
    await test.step(`sign up as ${user.email} again, and see it refused`, () =>
      this.explained(async () => {
        await this.screens.signUp.open();
        await this.screens.signUp.fill(user);
        const since = new Date();
        await this.screens.signUp.submit();
        const call = await this.answerOf('SignUp', since);
        if (call && !isRefused(call)) {
          throw await this.failure(`Cognito accepted the sign-up of ${user.email} (SignUp → ${call.status}), which it should have refused.`, since);
        }
        await this.screens.alert.expectError(message);
      }),
    );
  }

  /**
   * The email an action causes. The wait counts from just before the action,
   * and ends at once when Cognito refuses the call, answers that it mailed
   * another address, or takes longer than its budget, or when the page shows
   * an error instead.
   */
  private async mailCausedBy(operation: string, action: () => Promise<void>, instead: string): Promise<RequestedEmail> {
    const requestedAt = new Date();
    await action();
    const mail = this.inbox.waitForVerificationEmail({ since: requestedAt });
    mail.catch(() => undefined); // Settled below, or abandoned when Cognito's answer or the page fails first.
    const answerFails = this.answerOf(operation, requestedAt, this.options.budgetMs ?? this.options.emailTimeout).then(async (call) => {
      if (call) await this.checkAnswer(call, requestedAt);
      return new Promise<never>(() => undefined); // A good answer decides nothing: the mail does.
    });
    answerFails.catch(() => undefined);
    const email = await this.screens.alert.unlessShown(Promise.race([mail, answerFails]), this.options.emailTimeout, instead).catch((error: unknown) => {
      const refused = this.options.calls?.lastError();
      throw refused && error instanceof ActionableError && !error.message.includes(refused) ? new ActionableError(withAdvice(refused, error.message)) : error;
    });
    const seenAt = new Date();
    // The mail may come before the page has Cognito's answer (the emulator mails before it answers): check it now.
    const call = await this.answerOf(operation, requestedAt, ANSWER_AFTER_MAIL_MS);
    if (call) await this.checkAnswer(call, requestedAt);
    return { ...email, requestedAt, seenAt };
  }

  /**
   * Cognito's answer to the page's call, once it comes; undefined when the
   * page made no such call (an app that calls Cognito from its server). A
   * call still pending when its budget (or the wait) runs out fails the step.
   */
  private async answerOf(operation: string, since: Date, timeout = this.options.budgetMs ?? ANSWER_TIMEOUT_MS): Promise<CognitoCall | undefined> {
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

  /** Each answer is checked once, however many waits look at it. */
  private readonly checked = new WeakMap<CognitoCall, Promise<void>>();

  private checkAnswer(call: CognitoCall, since: Date): Promise<void> {
    const check = this.checked.get(call) ?? this.factCheck(call, since);
    this.checked.set(call, check);
    return check;
  }

  /** The facts an answer must hold: not refused, within budget, and naming this test's inbox when it mailed a code. */
  private async factCheck(call: CognitoCall, since: Date): Promise<void> {
    if (isRefused(call)) {
      const type = exceptionOf(call);
      throw await this.failure(withAdvice(type, `${call.operation} failed: Cognito answered ${type}${sentence(call.body?.message)}`), since);
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
    if (sendsMail(call.operation) && delivery && !deliveredTo(delivery, this.inbox.address)) {
      throw await this.failure(
        `Cognito answered ${call.operation} that it sent the code to ${delivery.Destination} by ${delivery.DeliveryMedium}, ` +
          `but this test's inbox is ${this.inbox.address}: the code went elsewhere, or nowhere.`,
        since,
      );
    }
  }

  /** Cognito's 200 to ConfirmSignUp is a claim: the user's status must agree. */
  private async confirmationTook(email: string, since: Date): Promise<void> {
    const userStatus = this.options.userStatus as (email: string) => Promise<string | undefined>;
    await waitUntil(() => userStatus(email), (status) => status === 'CONFIRMED', {
      timeout: STATE_SETTLE_MS,
      what: `user ${email} to be CONFIRMED`,
    }).catch(async () => {
      throw await this.failure(
        `Cognito answered ConfirmSignUp with 200, but the user ${email} is still ${(await userStatus(email)) ?? 'absent'} ` +
          `${STATE_SETTLE_MS} ms later: Cognito claimed a confirmation that did not take.`,
        since,
      );
    });
  }

  /** Why Cognito refused a code: the exception, and whose code it was (an earlier mail's, or the latest mail's). */
  private refusalOfCode(call: CognitoCall, code: string): { cause: string; likely?: string } {
    const type = exceptionOf(call);
    const refused = `Cognito refused the code ${code}: ConfirmSignUp answered ${type}${sentence(call.body?.message)}`;
    const mails = this.inbox.handedOut;
    const from = mails.findLast((m) => m.code === code);
    const latest = mails.at(-1);
    if (type === 'CodeMismatchException' && from && latest && from === latest) {
      return {
        cause: `${refused} It is the code of the latest mail (received ${latest.receivedAt.toISOString()}).`,
        likely:
          'The mail carries a code Cognito did not issue: something between Cognito and the inbox changed it (a CustomMessage trigger, ' +
          'a template that rewrites {####}, a mail path that alters the body), or another action replaced the code after this mail.',
      };
    }
    if (from && latest && from !== latest) {
      return { cause: `${refused} It is the code of an earlier mail (received ${from.receivedAt.toISOString()}); the latest mail holds ${latest.code}.` };
    }
    return { cause: withAdvice(type, refused) };
  }

  private async failure(cause: string, since: Date, likely?: string): Promise<Error> {
    return this.options.explainer ? this.options.explainer.failure(cause, since, likely) : new ActionableError(cause);
  }

  private explained<T>(work: () => Promise<T>): Promise<T> {
    return this.options.explainer ? this.options.explainer.explained(work) : work();
  }
}
