import type { CognitoAppClient } from '../cognito/app-client.js';
import type { DisposableInbox } from '../mail/disposable-inbox.js';
import { waitUntil } from '../wait-until.js';
import type { CognitoCallRecorder } from './cognito-calls.js';
import { codeRefusal } from './code-refusal.js';

/** How long Cognito may take to show a confirmation it answered 200 to. */
export const STATE_SETTLE_MS = 5_000;

/** The "Most likely" of a confirmation Cognito claimed but did not make. */
export const CONFIRMATION_DID_NOT_TAKE =
  'Cognito answered ConfirmSignUp with 200, but the user is still UNCONFIRMED: Cognito claimed a confirmation that did not take.';

/**
 * Cognito's 200 to ConfirmSignUp is a claim: the user's status must agree
 * within {@link STATE_SETTLE_MS}. Undefined when it does; otherwise what went
 * wrong, in a sentence that names the user and what Cognito holds.
 */
export async function confirmationFailure(email: string, userStatus: (email: string) => Promise<string | undefined>): Promise<string | undefined> {
  const took = await waitUntil(() => userStatus(email), (status) => status === 'CONFIRMED', {
    timeout: STATE_SETTLE_MS,
    what: `user ${email} to be CONFIRMED`,
  }).then(
    () => true,
    () => false,
  );
  if (took) return undefined;
  return (
    `Cognito answered ConfirmSignUp with 200, but the user ${email} is still ${(await userStatus(email)) ?? 'absent'} ` +
    `${STATE_SETTLE_MS} ms later: Cognito claimed a confirmation that did not take.`
  );
}

/**
 * Signs a user up and confirms them with the mailed code, through the app
 * client's own calls (quicker than the UI, the same Cognito path): the
 * starting point of the stories later in a user's life. The calls are
 * recorded as the suite's own, so a missing mail's evidence shows Cognito's
 * answers. Undefined when the user ends CONFIRMED; otherwise why not, and the
 * most likely cause.
 */
export async function signUpAndConfirm(
  { app, inbox, calls, userStatus }: {
    app: CognitoAppClient;
    inbox: DisposableInbox;
    calls?: CognitoCallRecorder;
    userStatus: (email: string) => Promise<string | undefined>;
  },
  user: { email: string; password: string },
): Promise<{ cause: string; likely?: string } | undefined> {
  const since = new Date();
  await (calls
    ? calls.own('SignUp', () => app.signUp(user.email, user.password), (CodeDeliveryDetails) => ({ ...(CodeDeliveryDetails ? { CodeDeliveryDetails } : {}) }))
    : app.signUp(user.email, user.password));
  const email = await inbox.waitForVerificationEmail({ since, kind: 'signUp' });
  const confirm = () => app.confirmSignUp(user.email, email.code);
  const refused = await (calls ? calls.own('ConfirmSignUp', confirm) : confirm()).then(
    () => undefined,
    (error: Error) =>
      // The SDK client appends its advice in brackets; the refusal is judged on Cognito's own words.
      codeRefusal({ operation: 'ConfirmSignUp', exception: error.name, message: error.message.replace(/ \(\w+Exception: .*\)$/, '') }, email.code, inbox.handedOut),
  );
  if (refused) return refused;
  // As in the sign-up flow: a 200 is a claim, the user's status the fact.
  const failed = await confirmationFailure(user.email, userStatus);
  return failed ? { cause: failed, likely: CONFIRMATION_DID_NOT_TAKE } : undefined;
}
