import type { CognitoAppClient } from '../helpers/cognito/app-client.js';
import type { CognitoCallRecorder } from '../helpers/diagnosis/cognito-calls.js';
import { codeRefusal } from '../helpers/diagnosis/code-refusal.js';
import { CONFIRMATION_DID_NOT_TAKE, confirmationFailure } from '../helpers/diagnosis/confirmation.js';
import type { Explainer } from '../helpers/diagnosis/explainer.js';
import type { DisposableInbox } from '../helpers/mail/disposable-inbox.js';

/**
 * Signs a user up and confirms them with the mailed code, through the app
 * client's own calls (quicker than the UI, the same Cognito path): the
 * starting point of the stories later in a user's life. The calls are
 * recorded as the suite's own, so a missing mail's evidence shows Cognito's
 * answers. Undefined when the user ends CONFIRMED; otherwise why not, and the
 * most likely cause.
 */
export async function signUpAndConfirm(
  { app, inbox, calls, userStatus, explainer }: {
    app: CognitoAppClient;
    inbox: DisposableInbox;
    calls?: CognitoCallRecorder;
    userStatus: (email: string) => Promise<string | undefined>;
    /** Puts the evidence under a mail that does not come. */
    explainer?: Explainer;
  },
  user: { email: string; password: string },
): Promise<{ cause: string; likely?: string } | undefined> {
  const since = new Date();
  await (calls
    ? calls.own('SignUp', () => app.signUp(user.email, user.password), (CodeDeliveryDetails) => ({ ...(CodeDeliveryDetails ? { CodeDeliveryDetails } : {}) }))
    : app.signUp(user.email, user.password));
  const wait = inbox.waitForVerificationEmail({ since, kind: 'signUp' });
  const email = await (explainer ? explainer.whenMailMissing(wait, since) : wait);
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
