import { withAdvice } from '../cognito/advice.js';
import { attemptLimitCause, isAttemptLimit } from './attempt-limit.js';
import { ALWAYS_MAILING, alwaysMails, operation } from '../../common/cognito-operations.js';
import { describeCall, exceptionOf, isAnswered, isRefused, isThrottled, mailed, type CognitoCall } from './cognito-calls.js';
import { CONFIRMATION_DID_NOT_TAKE } from './confirmation.js';
import { deliveredTo } from './delivery.js';
import { clip } from '../text.js';

/** What the suite knows when something went wrong: from the page, from Cognito, from the inbox. */
export interface Evidence {
  /** What failed: a missing email, or a step of the story. */
  kind: 'missing email' | 'failed step';
  address: string;
  /** The page's Cognito calls since the action (or the step) began, answered or pending. */
  calls: CognitoCall[];
  /** The user's status in Cognito now; undefined when there is no such user. */
  userStatus?: string;
  /** What the inbox holds, in words. */
  inbox?: string;
  /** Mail for addresses that are no test inbox, received since the action (the embedded stack sees all mail). */
  strangers?: string[];
  /** The pool's EmailSendingAccount, and its source when SES. */
  sendingAccount: string;
  autoVerifiedAttributes: string[];
  /** Whether the target is AWS (limits apply) or the emulator. */
  remote: boolean;
  /** The Cognito endpoint this run's pool lives at, when it is not AWS's (the embedded stack, a stand-in). */
  endpoint?: string;
  /** COGNITO_CALL_BUDGET_MS, when the check is on. */
  budgetMs?: number;
  /** What AWS itself recorded about the mail (remote mode): a line per source, and the cause they prove, if any. */
  awsRecords?: { lines: string[]; likelyCause?: string };
  /** The error the step failed with: it decides the cause first, when it says what went wrong. */
  failure?: { name: string; message: string };
  /** The pool's verification template as DescribeUserPool gives it now, read when a mail did not read as the template. */
  templateNow?: { subject: string; message: string };
  /** The template the run read at its start, which the inbox reads mail by. */
  templateAtStart?: { subject: string; message: string };
  /** Mail the catcher holds for the address by its envelope, whose headers name someone else. */
  heldByEnvelope?: string[];
  now?: number;
}

/** What Cognito says it sent, and where: its CodeDeliveryDetails, or (AdminCreateUser names none) the invitation it accepted to send. */
const sent = (call: CognitoCall, delivery?: { Destination?: string; DeliveryMedium?: string }) =>
  delivery ? `the code to ${delivery.Destination} by ${delivery.DeliveryMedium}` : `${operation(call.operation)?.mail?.brings ?? 'the mail'} (${call.operation} → ${call.status})`;

const origin = (url?: string) => (url ? new URL(url).origin : undefined);

/** The evidence in lines a person reads, and the one most likely cause it points to. */
export function diagnose(evidence: Evidence): { lines: string[]; likelyCause: string } {
  const now = evidence.now ?? Date.now();
  const mailCalls = evidence.calls.filter(mailed);
  const last = (evidence.kind === 'missing email' ? mailCalls : evidence.calls).at(-1);
  const delivery = last && !isRefused(last) ? last.body?.CodeDeliveryDetails : undefined;
  const lines = [
    `Address: ${evidence.address}`,
    `Cognito calls from the ${evidence.calls.some((c) => c.bySuite) ? 'page and the suite' : 'page'} since the ${evidence.kind === 'missing email' ? 'action' : 'step began'}: ${
      evidence.calls.length ? evidence.calls.map((c) => describeCall(c, now)).join('; ') : 'none seen'
    }`,
    `User status in Cognito: ${evidence.userStatus ?? 'no such user'}`,
    ...(evidence.inbox ? [`Inbox: ${evidence.inbox}`] : []),
    ...(evidence.strangers?.length ? [`Mail for addresses that are no test inbox, since the action: ${evidence.strangers.join('; ')}`] : []),
    ...(evidence.heldByEnvelope?.length ? [`Mail for ${evidence.address} by its envelope, whose To: header names another: ${evidence.heldByEnvelope.join('; ')}`] : []),
    ...(evidence.templateNow ? [`The pool's verification template now (DescribeUserPool): subject ${JSON.stringify(evidence.templateNow.subject)}, message ${JSON.stringify(clip(evidence.templateNow.message, 200))}`] : []),
    `Pool: EmailSendingAccount ${evidence.sendingAccount}; AutoVerifiedAttributes ${evidence.autoVerifiedAttributes.join(', ') || 'none'}`,
    ...(evidence.awsRecords?.lines ?? []),
  ];

  const elsewhere = evidence.endpoint ? evidence.calls.find((c) => c.url && origin(c.url) !== origin(evidence.endpoint)) : undefined;
  if (elsewhere) lines.push(`Cognito endpoint the page called: ${origin(elsewhere.url)}; this run's pool is at ${origin(evidence.endpoint)}`);
  // A call pending for a few ms is just in flight; one pending past its budget (or a second) is hanging.
  const pending = evidence.calls.find((c) => !isAnswered(c) && now - c.at.getTime() > (evidence.budgetMs ?? 1_000));
  const slow = evidence.budgetMs ? evidence.calls.find((c) => (c.latencyMs ?? 0) > (evidence.budgetMs as number)) : undefined;
  // A throttled call that the client retried, and that got its answer after, refused nothing.
  const retried = (c: CognitoCall, i: number) => isThrottled(c) && evidence.calls.slice(i + 1).some((later) => later.operation === c.operation && isAnswered(later));
  const refused = evidence.calls.filter((c, i) => isAnswered(c) && isRefused(c) && !retried(c, i)).at(-1);
  const confirmedInVain = evidence.calls.find((c) => c.operation === 'ConfirmSignUp' && c.status === 200) && evidence.userStatus === 'UNCONFIRMED';
  const misaddressed = mailCalls.find((c) => c.body?.CodeDeliveryDetails && !deliveredTo(c.body.CodeDeliveryDetails, evidence.address));

  let likelyCause: string;
  const aboutTheMail = mailFailure(evidence);
  if (aboutTheMail) {
    // The error says a mail arrived and what was wrong with it: the cause is the mail, whatever else the step saw.
    likelyCause = aboutTheMail;
  } else if (evidence.heldByEnvelope?.length) {
    likelyCause =
      `A mail for ${evidence.address} reached the catcher (its SMTP envelope names the address), but its To: header names another address, ` +
      'and an inbox finds mail by who it is addressed to: something between Cognito and the inbox (a relay, a trigger\'s own sender) rewrote the headers.';
  } else if (elsewhere) {
    likelyCause =
      `The page sent ${elsewhere.operation} to ${origin(elsewhere.url)}, not to ${origin(evidence.endpoint)} where this run's pool and inbox are: ` +
      'the app under test is configured for another Cognito. Against the embedded stack, give your app the values `npm run stack` prints.';
  } else if (pending) {
    likelyCause =
      `${pending.operation} has not answered after ${now - pending.at.getTime()} ms${evidence.budgetMs ? ` (its budget is ${evidence.budgetMs} ms)` : ''}: ` +
      'Cognito, or a Lambda trigger it runs, is slow or hanging, and the page is still waiting for it.';
  } else if (slow) {
    likelyCause =
      `${slow.operation} took ${slow.latencyMs} ms, over its budget of ${evidence.budgetMs} ms: Cognito, or a Lambda trigger it runs, ` +
      'has become slow (a slow trigger, a throttled dependency), and users feel it.';
  } else if (confirmedInVain) {
    // Before any refusal: the app's next calls (sign-in, a resend) fail because of it, and would only hide it.
    likelyCause = CONFIRMATION_DID_NOT_TAKE;
  } else if (refused && (evidence.kind === 'failed step' || alwaysMails(refused.operation) || refused.operation === 'InitiateAuth')) {
    const type = exceptionOf(refused);
    const said = `${type}: ${refused.body?.message ?? 'no message'}`;
    const advice = withAdvice(type, said).slice(said.length).replace(/^ \(\w+: (.*)\)$/, ' $1');
    likelyCause = isAttemptLimit(type, refused.body?.message) ? attemptLimitCause(refused.operation, evidence.address) : `Cognito refused ${refused.operation} (${said}).${advice}`;
  } else if (misaddressed) {
    const d = misaddressed.body?.CodeDeliveryDetails;
    likelyCause = `Cognito answered ${misaddressed.operation} that it sent the code to ${d?.Destination} by ${d?.DeliveryMedium}, which is not this test's inbox ${evidence.address}.`;
  } else if (evidence.kind === 'failed step' && evidence.failure?.name === 'ControlNotFoundError') {
    // The error already lists what the page has under that name and role: the fix is the description's, not a guess at the UI.
    likelyCause =
      "Cognito answered every call of the step without error, and the page has no control of the name and role the page's description gives (the error lists what it has instead): " +
      "correct the role or the name in the page's description (pages/ui/).";
  } else if (evidence.kind === 'failed step') {
    likelyCause =
      'Cognito answered every call of the step without error: the page did not show what the test expected. ' +
      "Has the UI changed its words (the page object's labels and headings), or its flow?";
  } else if (evidence.strangers?.length) {
    likelyCause = `Mail did arrive during the wait, but for ${evidence.strangers.length === 1 ? 'another address' : 'other addresses'}: the mail path delivered it to the wrong recipient.`;
  } else if (!last) {
    likelyCause =
      `The page made no call that sends mail (${ALWAYS_MAILING.join(', ')}, or a sign-in answered with a code's challenge) after the action: the form may not have been sent ` +
      '(a validation message on the page?), or the app calls Cognito from its server, out of the browser\'s sight.';
  } else if (!isAnswered(last)) {
    // Pending, but not yet past its budget (a slow call past it is named above): its mail cannot be judged.
    likelyCause =
      `${last.operation} had not answered ${now - last.at.getTime()} ms after the page sent it, when the wait for the mail ended: ` +
      'Cognito (or a Lambda trigger it runs) is slow, and Cognito mails after it answers. Nothing says the mail will not come: ' +
      'if this is how slow Cognito is here, give the mail more time (EMAIL_TIMEOUT_MS).';
  } else if (!delivery && operation(last.operation)?.mail?.deliveryDetails !== false) {
    likelyCause =
      evidence.userStatus === 'CONFIRMED'
        ? 'The user was confirmed without a code (a PreSignUp trigger that auto-confirms?), so Cognito sent none.'
        : evidence.autoVerifiedAttributes.includes('email')
          ? `Cognito answered ${last.operation} without CodeDeliveryDetails: it sent no code. Check the pool's verification settings.`
          : "Cognito created the user but sent no code: the pool's AutoVerifiedAttributes does not include email.";
  } else if (evidence.userStatus === undefined) {
    likelyCause = 'Cognito accepted the sign-up, but the user no longer exists: something deleted it (another test or run using the same address?).';
  } else if (evidence.awsRecords?.likelyCause) {
    // Cognito said it sent the mail, and AWS's own records say what became of it.
    likelyCause = `Cognito says it sent ${sent(last, delivery)}, but it never arrived: ${evidence.awsRecords.likelyCause}`;
  } else if (evidence.remote && evidence.sendingAccount.startsWith('COGNITO_DEFAULT')) {
    likelyCause =
      `Cognito says it sent ${sent(last, delivery)}, but nothing arrived. With COGNITO_DEFAULT ` +
      'the daily quota (about 50 emails) may be spent or delivery delayed: check CloudWatch, and send through SES instead.';
  } else {
    likelyCause =
      `Cognito says it sent ${sent(last, delivery)}, but the inbox never got it: the mail was lost ` +
      'between Cognito and the inbox (' +
      (evidence.remote
        ? 'SES bounce or suppression list, or the inbox provider rejected it'
        : "the emulator's SMTP path: LOCAL_COGNITO_SMTP_HOST/PORT may point somewhere other than the catcher") +
      ').';
  }
  return { lines, likelyCause };
}

/** The errors that say a mail arrived and was wrong, by their names: the inbox's (helpers/mail). */
const MAIL_ERRORS = new Set(['VerificationCodeError', 'TriggerMessageSetAsideError', 'MailNotAsTemplateError']);

/**
 * The cause, when the error itself says a mail arrived and was wrong: never
 * the page's words. With the pool's template as it is now, whether it changed
 * since the run read it, or the mail is not the template's (a trigger, another sender).
 */
function mailFailure(evidence: Evidence): string | undefined {
  const failure = evidence.failure;
  if (!failure || !MAIL_ERRORS.has(failure.name)) return undefined;
  if (failure.name === 'TriggerMessageSetAsideError') {
    return "The mail arrived, but it is the pool's own template, not its Lambda trigger's: Cognito set the trigger's message aside (see the error). Fix the trigger's message.";
  }
  const [now, then] = [evidence.templateNow, evidence.templateAtStart];
  const lead = "The mail arrived, but it does not read as the pool's verification template (see the error for what it reads):";
  if (now && then && (now.message !== then.message || now.subject !== then.subject)) {
    return `${lead} the pool's template changed while the run went on (it now reads ${JSON.stringify(clip(now.message, 120))}, subject ${JSON.stringify(now.subject)}). Re-run once the change is done.`;
  }
  return (
    `${lead} ${now ? 'the pool still has the template the run read, so ' : ''}something else wrote the mail: ` +
    'a CustomMessage Lambda trigger (set CODE_IN_* to say where its code stands), another sender, or something on the mail path that rewrote it.'
  );
}
