import { NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';

interface InitiateAuthRequest {
  ClientId: string;
  AuthFlow: string;
  AuthParameters?: { USERNAME?: string; PASSWORD?: string };
}

interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: string;
  ChallengeResponses?: { USERNAME?: string };
}

/**
 * cognito-local answers NEW_PASSWORD_REQUIRED to a user who must change their
 * password whatever password they give; Cognito first checks it is the
 * temporary one. So an invitation sent again (AdminCreateUser RESEND) really
 * retires the old temporary password.
 */
export const InitiateAuthCheckingTemporaryPassword =
  ({ cognito }: Pick<Services, 'cognito'>, initiateAuth: Route): Route =>
  async (ctx, req: InitiateAuthRequest) => {
    if (req.AuthFlow === 'USER_PASSWORD_AUTH' && req.AuthParameters?.USERNAME) {
      const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, req.AuthParameters.USERNAME);
      if (user?.UserStatus === 'FORCE_CHANGE_PASSWORD' && user.Password !== req.AuthParameters.PASSWORD) {
        throw new NotAuthorizedError('Incorrect username or password.');
      }
    }
    return initiateAuth(ctx, req);
  };

/**
 * cognito-local's RespondToAuthChallenge, whose tokens after a new password
 * include a refresh token it never stores: REFRESH_TOKEN_AUTH would then refuse
 * the first refresh of an invited user's session. Stored here, as a password
 * sign-in's is.
 */
export const RespondToAuthChallengeKeepingRefreshToken =
  ({ cognito }: Pick<Services, 'cognito'>, respondToAuthChallenge: Route): Route =>
  async (ctx, req: RespondToAuthChallengeRequest) => {
    const result = (await respondToAuthChallenge(ctx, req)) as { AuthenticationResult?: { RefreshToken?: string } };
    const refreshToken = result.AuthenticationResult?.RefreshToken;
    if (refreshToken && req.ChallengeResponses?.USERNAME) {
      const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      // Read again: the challenge has just saved the user's new password and status.
      const user = await userPool.getUserByUsername(ctx, req.ChallengeResponses.USERNAME);
      if (user) await userPool.storeRefreshToken(ctx, refreshToken, user);
    }
    return result;
  };
