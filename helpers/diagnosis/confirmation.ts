import { waitUntil } from '../wait-until.js';

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
