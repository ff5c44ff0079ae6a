import { NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { sessionMinutesOf, type ChallengeSessions, type OpenChallenge } from './challenge-sessions.js';

interface InitiateAuthRequest {
  ClientId: string;
  AuthFlow: string;
  AuthParameters?: { USERNAME?: string; PASSWORD?: string };
}

interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: string;
  Session?: string;
  ChallengeResponses?: { USERNAME?: string };
}

interface ChallengeAnswer {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: { USER_ID_FOR_SRP?: string };
}

/** The Sessions InitiateAuth handed out with NEW_PASSWORD_REQUIRED, which Cognito takes the new password only with. */
export type NewPasswordSessions = ChallengeSessions<OpenChallenge>;

/**
 * cognito-local answers NEW_PASSWORD_REQUIRED to a user who must change their
 * password whatever password they give; Cognito first checks it is the
 * temporary one. So an invitation sent again (AdminCreateUser RESEND) really
 * retires the old temporary password.
 */
export const InitiateAuthCheckingTemporaryPassword =
  ({ cognito }: Pick<Services, 'cognito'>, sessions: NewPasswordSessions, initiateAuth: Route): Route =>
  async (ctx, req: InitiateAuthRequest) => {
    if (req.AuthFlow !== 'USER_PASSWORD_AUTH' || !req.AuthParameters?.USERNAME) return initiateAuth(ctx, req);
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.AuthParameters.USERNAME);
    if (user?.UserStatus === 'FORCE_CHANGE_PASSWORD' && user.Password !== req.AuthParameters.PASSWORD) {
      throw new NotAuthorizedError('Incorrect username or password.');
    }
    const answer = (await initiateAuth(ctx, req)) as ChallengeAnswer;
    if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && answer.Session && user) {
      sessions.issue(answer.Session, { username: user.Username, clientId: req.ClientId }, await sessionMinutesOf({ cognito }, ctx, req.ClientId));
    }
    return answer;
  };

/**
 * cognito-local's RespondToAuthChallenge, checking the Session of a
 * NEW_PASSWORD_REQUIRED answer as Cognito does (see NewPasswordSessions), and
 * keeping the refresh token its tokens after a new password include: it never
 * stores it, so REFRESH_TOKEN_AUTH would refuse the first refresh of an invited
 * user's session. Stored here, as a password sign-in's is.
 */
export const RespondToAuthChallengeKeepingRefreshToken =
  ({ cognito }: Pick<Services, 'cognito'>, sessions: NewPasswordSessions, respondToAuthChallenge: Route): Route =>
  async (ctx, req: RespondToAuthChallengeRequest) => {
    const newPassword = req.ChallengeName === 'NEW_PASSWORD_REQUIRED' && req.ChallengeResponses?.USERNAME;
    if (newPassword) {
      const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, newPassword);
      sessions.check(req.Session, req.ClientId, user?.Username ?? newPassword);
    }
    const result = (await respondToAuthChallenge(ctx, req)) as { AuthenticationResult?: { RefreshToken?: string } };
    if (newPassword && req.Session) sessions.close(req.Session);
    const refreshToken = result.AuthenticationResult?.RefreshToken;
    if (refreshToken && req.ChallengeResponses?.USERNAME) {
      const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      // Read again: the challenge has just saved the user's new password and status.
      const user = await userPool.getUserByUsername(ctx, req.ChallengeResponses.USERNAME);
      if (user) await userPool.storeRefreshToken(ctx, refreshToken, user);
    }
    return result;
  };
