import type { Page, Request } from '@playwright/test';
import { alwaysMails } from '../../common/cognito-operations.js';

type Delivery = { Destination?: string; DeliveryMedium?: string };

/** A Cognito call the page made: its answer as the browser saw it, or that none has come yet. */
export interface CognitoCall {
  operation: string;
  /** When the page sent it. */
  at: Date;
  /** Where the page sent it: the Cognito endpoint the app is configured with. */
  url?: string;
  /** Absent while the call is pending. */
  status?: number;
  /**
   * What the answer says, and no more: CodeDeliveryDetails, a challenge's
   * name, or `__type` and `message` for an error. Never the request (it
   * carries the password), never tokens.
   */
  body?: {
    CodeDeliveryDetails?: Delivery;
    ChallengeName?: string;
    __type?: string;
    message?: string;
    /** A passkey ceremony's options, public by design (a challenge, the relying party, the user handle): StartWebAuthnRegistration's creation options, or a WEB_AUTHN challenge's CREDENTIAL_REQUEST_OPTIONS. Kept for a failed ceremony's evidence. */
    PasskeyOptions?: unknown;
  };
  /** How long the answer took, in ms; absent while pending. */
  latencyMs?: number;
  /** The network failure, when the request never got an answer. */
  failure?: string;
  /** Set for a call the suite made itself, from Node (an admin's AdminCreateUser), rather than the page. */
  bySuite?: true;
}

export const exceptionOf = (call: CognitoCall) =>
  call.body?.__type?.split('#').pop() ?? (call.failure ? `network failure (${call.failure})` : `HTTP ${call.status}`);
export const isAnswered = (call: CognitoCall) => call.status !== undefined || call.failure !== undefined;
export const isRefused = (call: CognitoCall) => call.failure !== undefined || (call.status ?? 0) >= 400;
/** Refused for the rate, not for what it asked: the client retries it. */
export const isThrottled = (call: CognitoCall) => isRefused(call) && exceptionOf(call) === 'TooManyRequestsException';
/** Whether a call is one that mails: its operation always does (SignUp …), or its answer says it did (a sign-in code's EMAIL_OTP challenge). */
export const mailed = (call: CognitoCall) => alwaysMails(call.operation) || !!call.body?.CodeDeliveryDetails;

/** A JSON text as its value; the text itself when it is not JSON; undefined for none. */
function parsedJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One line per call: operation → status, exception, latency; or still pending after N ms. */
export function describeCall(call: CognitoCall, now = Date.now()): string {
  const operation = call.bySuite ? `${call.operation} (the suite's own call)` : call.operation;
  if (!isAnswered(call)) return `${operation} → still pending after ${now - call.at.getTime()} ms`;
  const took = `${call.latencyMs} ms`;
  if (isRefused(call)) return `${operation} → ${exceptionOf(call)}${call.body?.message ? `: ${call.body.message}` : ''} (${took})`;
  const delivery = call.body?.CodeDeliveryDetails;
  return `${operation} → ${call.status} in ${took}${delivery ? `, CodeDeliveryDetails ${JSON.stringify(delivery)}` : ''}`;
}

/**
 * Records every Cognito call the page makes, from the moment it is sent to
 * its answer (never the request body: it carries the password), so a failure
 * can say what Cognito answered, how long it took, or that it has not.
 */
export class CognitoCallRecorder {
  readonly calls: CognitoCall[] = [];
  private readonly waiting = new Set<() => void>();

  watch(page: Page): void {
    const pending = new Map<Request, CognitoCall>();
    page.on('request', (request) => {
      const operation = request.headers()['x-amz-target']?.split('.').pop();
      if (request.method() !== 'POST' || !operation) return;
      const call: CognitoCall = { operation, at: new Date(), url: request.url() };
      pending.set(request, call);
      this.calls.push(call);
    });
    page.on('response', (response) => {
      const call = pending.get(response.request());
      if (!call) return;
      pending.delete(response.request());
      const latencyMs = Date.now() - call.at.getTime();
      void response
        .json()
        .catch(() => undefined)
        .then((json: (CognitoCall['body'] & { CodeDeliveryDetailsList?: Delivery[]; ChallengeParameters?: Record<string, string>; CredentialCreationOptions?: unknown }) | undefined) => {
          const { CodeDeliveryDetails: single, CodeDeliveryDetailsList: list, ChallengeName, ChallengeParameters: challenge, CredentialCreationOptions, __type, message } = json ?? {};
          // UpdateUserAttributes names its destinations in a list, one per attribute to verify: the email's is the one mailed.
          // A sign-in code's challenge (EMAIL_OTP) names its destination among its parameters.
          const CodeDeliveryDetails =
            single ??
            list?.find((d) => d.DeliveryMedium === 'EMAIL') ??
            (challenge?.CODE_DELIVERY_DESTINATION ? { Destination: challenge.CODE_DELIVERY_DESTINATION, DeliveryMedium: challenge.CODE_DELIVERY_DELIVERY_MEDIUM } : undefined);
          const PasskeyOptions = CredentialCreationOptions ?? parsedJson(challenge?.CREDENTIAL_REQUEST_OPTIONS);
          const body = Object.fromEntries(Object.entries({ CodeDeliveryDetails, ChallengeName, __type, message, PasskeyOptions }).filter(([, v]) => v !== undefined));
          Object.assign(call, { status: response.status(), body, latencyMs });
          this.waiting.forEach((wake) => wake());
        });
    });
    page.on('requestfailed', (request) => {
      const call = pending.get(request);
      if (!call) return;
      pending.delete(request);
      Object.assign(call, { failure: request.failure()?.errorText ?? 'failed', latencyMs: Date.now() - call.at.getTime() });
      this.waiting.forEach((wake) => wake());
    });
  }

  /**
   * A call the suite makes itself, from Node (an admin inviting a user),
   * recorded beside the page's so a missing mail's evidence shows it: its
   * answer, or the exception the SDK threw.
   */
  async own<T>(operation: string, work: () => Promise<T>, answer: (result: T) => CognitoCall['body'] = () => ({})): Promise<T> {
    const call: CognitoCall = { operation, at: new Date(), bySuite: true };
    this.calls.push(call);
    const answered = (fields: Partial<CognitoCall>) => {
      Object.assign(call, { latencyMs: Date.now() - call.at.getTime(), ...fields });
      this.waiting.forEach((wake) => wake());
    };
    try {
      const result = await work();
      answered({ status: 200, body: answer(result) });
      return result;
    } catch (error) {
      const { name, message, $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
      answered({ status: $metadata?.httpStatusCode ?? 400, body: { __type: name, message } });
      throw error;
    }
  }

  /**
   * Resolves once none of the page's calls of `operation` is pending, or after
   * `timeoutMs`: a call still on its way when a test ends (a timeout) is
   * answered, and its effect (a sign-up's user) made, before the cleanup runs.
   */
  async settled(operation: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.calls.some((call) => !call.bySuite && call.operation === operation && !isAnswered(call)) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiting.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        this.waiting.add(wake);
      });
    }
  }

  /** The calls sent since an instant. */
  since(since: Date): CognitoCall[] {
    return this.calls.filter((call) => call.at >= since);
  }

  /** The calls since an action that can make Cognito send mail. */
  mailSendingSince(since: Date): CognitoCall[] {
    return this.since(since).filter(mailed);
  }

  /** The last failed call's exception name, if the last call failed. */
  lastError(): string | undefined {
    const last = this.calls.filter(isAnswered).at(-1);
    return last && isRefused(last) ? exceptionOf(last) : undefined;
  }

  /**
   * The first answer to `operation` sent since `since`, as soon as it comes;
   * undefined when none comes within `timeout` (the page never made the call,
   * or it is still pending: `since()` tells which). A throttled answer is not
   * the answer while the page may still retry (Amplify retries
   * TooManyRequestsException, as the SDK does): it is returned only when
   * nothing else came by the deadline.
   */
  answer(operation: string, since: Date, timeout: number): Promise<CognitoCall | undefined> {
    const answered = () => this.since(since).filter((call) => call.operation === operation && isAnswered(call));
    const find = () => answered().find((call) => !isThrottled(call));
    return new Promise((resolve) => {
      const done = (call: CognitoCall | undefined) => {
        clearTimeout(deadline);
        this.waiting.delete(check);
        resolve(call);
      };
      const check = () => {
        const call = find();
        if (call) done(call);
      };
      const deadline = setTimeout(() => done(answered().at(-1)), timeout);
      this.waiting.add(check);
      check();
    });
  }
}
