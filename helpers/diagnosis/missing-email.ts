import { COGNITO_ADVICE } from '../cognito/advice.js';
import { MAIL_SENDING_OPERATIONS } from '../cognito/operations.js';

/** A Cognito call the page made, as the browser saw its answer. */
export interface CognitoCall {
  operation: string;
  status: number;
  /** The answer's JSON: CodeDeliveryDetails, or `__type` and `message` for an error. Never the request. */
  body?: { CodeDeliveryDetails?: { Destination?: string; DeliveryMedium?: string }; __type?: string; message?: string };
  at: Date;
  /** Where the page sent it: the Cognito endpoint the app is configured with. */
  url?: string;
}

export interface MissingEmailEvidence {
  address: string;
  /** Calls that can make Cognito send mail (MAIL_SENDING_OPERATIONS) answered since the action. */
  calls: CognitoCall[];
  /** The user's status in Cognito now; undefined when there is no such user. */
  userStatus?: string;
  /** The pool's EmailSendingAccount, and its source when SES. */
  sendingAccount: string;
  autoVerifiedAttributes: string[];
  /** Whether the target is AWS (limits apply) or the emulator. */
  remote: boolean;
  /** The Cognito endpoint this run's pool lives at, when it is not AWS's (the embedded stack, a stand-in). */
  endpoint?: string;
}

const typeOf = (call: CognitoCall) => call.body?.__type?.split('#').pop() ?? `HTTP ${call.status}`;

/** The evidence in lines a person reads, and the most likely cause it points to. */
export function diagnoseMissingEmail(evidence: MissingEmailEvidence): { lines: string[]; likelyCause: string } {
  const last = evidence.calls.at(-1);
  const delivery = last?.body?.CodeDeliveryDetails;
  const lines = [
    `Address: ${evidence.address}`,
    `Cognito calls from the page since the action: ${
      evidence.calls.length
        ? evidence.calls
            .map((c) => `${c.operation} → ${c.status < 400 ? `${c.status}, CodeDeliveryDetails ${JSON.stringify(c.body?.CodeDeliveryDetails ?? null)}` : `${typeOf(c)}: ${c.body?.message ?? ''}`}`)
            .join('; ')
        : 'none seen'
    }`,
    `User status in Cognito: ${evidence.userStatus ?? 'no such user'}`,
    `Pool: EmailSendingAccount ${evidence.sendingAccount}; AutoVerifiedAttributes ${evidence.autoVerifiedAttributes.join(', ') || 'none'}`,
  ];

  const origin = (url?: string) => (url ? new URL(url).origin : undefined);
  const elsewhere = evidence.endpoint ? evidence.calls.find((c) => c.url && origin(c.url) !== origin(evidence.endpoint)) : undefined;
  if (elsewhere) lines.push(`Cognito endpoint the page called: ${origin(elsewhere.url)}; this run's pool is at ${origin(evidence.endpoint)}`);

  let likelyCause: string;
  if (elsewhere) {
    likelyCause =
      `The page sent ${elsewhere.operation} to ${origin(elsewhere.url)}, not to ${origin(evidence.endpoint)} where this run's pool and inbox are: ` +
      'the app under test is configured for another Cognito. Against the embedded stack, give your app the values `npm run stack` prints.';
  } else if (!last) {
    likelyCause =
      `The page made no call that sends mail (${Object.keys(MAIL_SENDING_OPERATIONS).join(', ')}) after the action: the form may not have been sent ` +
      '(a validation message on the page?), or the app calls Cognito from its server, out of the browser\'s sight.';
  } else if (last.status >= 400) {
    const type = typeOf(last);
    likelyCause = `Cognito refused ${last.operation} (${type}: ${last.body?.message ?? 'no message'}).${COGNITO_ADVICE[type] ? ` ${COGNITO_ADVICE[type]}` : ''}`;
  } else if (!delivery) {
    likelyCause =
      evidence.userStatus === 'CONFIRMED'
        ? 'The user was confirmed without a code (a PreSignUp trigger that auto-confirms?), so Cognito sent none.'
        : evidence.autoVerifiedAttributes.includes('email')
          ? `Cognito answered ${last.operation} without CodeDeliveryDetails: it sent no code. Check the pool's verification settings.`
          : "Cognito created the user but sent no code: the pool's AutoVerifiedAttributes does not include email.";
  } else if (evidence.userStatus === undefined) {
    likelyCause = 'Cognito accepted the sign-up, but the user no longer exists: something deleted it (another test or run using the same address?).';
  } else if (evidence.remote && evidence.sendingAccount.startsWith('COGNITO_DEFAULT')) {
    likelyCause =
      `Cognito says it sent the code to ${delivery.Destination} by ${delivery.DeliveryMedium}, but nothing arrived. With COGNITO_DEFAULT ` +
      "the daily quota (about 50 emails) may be spent or delivery delayed: check CloudWatch, and send through SES instead.";
  } else {
    likelyCause =
      `Cognito says it sent the code to ${delivery.Destination} by ${delivery.DeliveryMedium}, but the inbox never got it: the mail was lost ` +
      'between Cognito and the inbox (' +
      (evidence.remote
        ? 'SES bounce or suppression list, or the inbox provider rejected it'
        : "the emulator's SMTP path: LOCAL_COGNITO_SMTP_HOST/PORT may point somewhere other than the catcher") +
      ').';
  }
  return { lines, likelyCause };
}
