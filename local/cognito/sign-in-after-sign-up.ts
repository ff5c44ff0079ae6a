import { randomBytes } from 'node:crypto';
import { NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { explicitAuthFlowsOf } from '../../common/auth-flows.js';
import { COGNITO_ERRORS } from '../../common/cognito-operations.js';
import { required, sessionMinutesOf, type ChallengeSessions, type OpenChallenge } from './challenge-sessions.js';
import type { SignInCodes } from './sign-in-codes.js';

/** The sessions ConfirmSignUp handed out, by their Session, until a sign-in spends one or it expires. */
export type SignUpSessions = ChallengeSessions<OpenChallenge>;

interface SessionSignInRequest {
  ClientId: string;
  AuthFlow: string;
  AuthParameters?: { USERNAME?: string };
  Session?: string;
}

/**
 * Sign-in straight after sign-up, which cognito-local 5.3.0 predates (AWS added it in November 2024):
 *
 * - ConfirmSignUp answers with a `Session` when the app client allows ALLOW_USER_AUTH. AWS's ConfirmSignUp
 *   response: "Session: a session identifier that you can use to immediately sign in the confirmed user ...
 *   pass the Session parameter from this response in the Session parameter of an InitiateAuth or
 *   AdminInitiateAuth request"; a client without ALLOW_USER_AUTH gets none (aws/aws-sdk-js-v3#6724: the
 *   Session came once USER_AUTH was enabled on the app client).
 * - InitiateAuth with AuthFlow USER_AUTH, USERNAME and that Session signs the user in, no password and no
 *   second code. AWS's InitiateAuth request, Session: "Amazon Cognito assumes the SMS or email message
 *   one-time verification password from ConfirmSignUp as the primary authentication factor. You're not
 *   required to submit this code a second time. This option is only valid for users who have confirmed
 *   their sign-up and are signing in for the first time within the authentication flow session duration of
 *   the session ID": the client's AuthSessionValidity (3 to 15 minutes, 3 by default), measured here on the
 *   user's own clock, so a story can let it expire. Once: a second use, a Session Cognito never issued, or
 *   one for another user or app client is NotAuthorizedException "Invalid session for the user."; an expired
 *   one "Invalid session for the user, session is expired." (the texts of every other Cognito session,
 *   COGNITO_ERRORS). AWS documents neither for this Session in particular: inferred, see docs/embedded-stack.md.
 *
 * A client with a secret must send SECRET_HASH with both, as with every InitiateAuth (requiringSecretHash).
 */
export function SignInAfterSignUp(services: Pick<Services, 'cognito'>, sessions: SignUpSessions, codes: SignInCodes) {
  const { cognito } = services;
  return {
    ConfirmSignUp:
      (confirmSignUp: Route): Route =>
      async (ctx, req: { ClientId: string; Username: string }) => {
        const answer = (await confirmSignUp(ctx, req)) as object;
        const client = await cognito.getAppClient(ctx, req.ClientId);
        if (!explicitAuthFlowsOf(client).includes('ALLOW_USER_AUTH')) return answer;
        const user = await (await cognito.getUserPoolForClientId(ctx, req.ClientId)).getUserByUsername(ctx, req.Username);
        if (!user) return answer;
        const session = randomBytes(96).toString('base64');
        sessions.issue(session, { username: user.Username, clientId: req.ClientId }, await sessionMinutesOf(services, ctx, req.ClientId));
        return { ...answer, Session: session };
      },

    InitiateAuth:
      (initiateAuth: Route): Route =>
      async (ctx, req: SessionSignInRequest) => {
        if (req.AuthFlow !== 'USER_AUTH' || req.Session === undefined) return initiateAuth(ctx, req);
        required(req.AuthParameters, ['USERNAME']);
        const user = await (await cognito.getUserPoolForClientId(ctx, req.ClientId)).getUserByUsername(ctx, req.AuthParameters?.USERNAME as string);
        if (!user) throw new NotAuthorizedError(COGNITO_ERRORS.invalidSession.message);
        sessions.check(req.Session, req.ClientId, user.Username);
        sessions.close(req.Session);
        return codes.tokens(ctx, req.ClientId, user);
      },
  };
}
