import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { HourlyBudget, SignInLockout, type AttemptLimitName, type AttemptLimitSettings } from '../../common/attempt-limits.js';
import { COGNITO_ERRORS } from '../../common/cognito-operations.js';
import { userOfRequest } from './request-pool.js';
import type { UserClocks } from './user-clocks.js';

const { attemptLimit, passwordAttemptsExceeded, incorrectPassword } = COGNITO_ERRORS;

type UserRequest = { UserPoolId?: string; ClientId?: string; Username?: string; AccessToken?: string };
type SignInRequest = {
  ClientId?: string;
  AuthFlow?: string;
  AuthParameters?: { USERNAME?: string; PASSWORD?: string };
  ChallengeName?: string;
  ChallengeResponses?: { USERNAME?: string; ANSWER?: string };
};

/**
 * Whose password a sign-in request checks, if it checks one: USER_PASSWORD_AUTH, USER_AUTH
 * with a password, an SRP sign-in's PASSWORD_VERIFIER answer, or a PASSWORD chosen at SELECT_CHALLENGE.
 */
function passwordCheckedFor(operation: string, req: SignInRequest): string | undefined {
  if (operation === 'InitiateAuth' && (req.AuthFlow === 'USER_PASSWORD_AUTH' || (req.AuthFlow === 'USER_AUTH' && req.AuthParameters?.PASSWORD))) return req.AuthParameters?.USERNAME;
  if (operation !== 'RespondToAuthChallenge') return undefined;
  if (req.ChallengeName === 'PASSWORD_VERIFIER' || (req.ChallengeName === 'SELECT_CHALLENGE' && req.ChallengeResponses?.ANSWER === 'PASSWORD')) return req.ChallengeResponses?.USERNAME;
  return undefined;
}

/**
 * Cognito's limits on one user's attempts (common/attempt-limits.ts), which
 * cognito-local lacks: each budgeted operation's requests per user per hour,
 * the sign-in code mails per address per hour, and the lockout after failed
 * passwords. Each counted on the user's own clock (user-clocks.ts), so a story
 * moves past the hour without waiting for it. A request about a user the pool
 * does not have is not counted. Kept in memory, as the quotas are.
 */
export class AttemptLimits {
  private readonly budget = new HourlyBudget();
  private readonly lockout: SignInLockout;

  constructor(
    private readonly services: Pick<Services, 'cognito'>,
    private readonly clocks: UserClocks,
    private readonly limits: AttemptLimitSettings,
  ) {
    this.lockout = new SignInLockout(this.limitOf('PasswordFailures'));
  }

  private limitOf(name: AttemptLimitName): number | undefined {
    return this.limits === 'off' ? undefined : this.limits[name];
  }

  /** Counts one more under a budget, or refuses with Cognito's LimitExceededException. */
  private spend(name: AttemptLimitName, key: string, username: string): void {
    const limit = this.limitOf(name);
    if (limit !== undefined && !this.budget.admit(`${name}/${key}`, limit, this.clocks.now(username))) {
      throw new CognitoError(attemptLimit.name, attemptLimit.message);
    }
  }

  /** The operation, refused before it runs once its user spent the hour's budget; every request counts, wrong or right. */
  budgeted(operation: string, route: Route): Route {
    if (this.limitOf(operation as AttemptLimitName) === undefined) return route;
    return async (ctx, req: UserRequest) => {
      const found = await userOfRequest(this.services, ctx, req);
      if (found) this.spend(operation as AttemptLimitName, `${found.poolId}/${found.user.Username}`, found.user.Username);
      return route(ctx, req);
    };
  }

  /**
   * A sign-in code about to be mailed (email MFA, or passwordless): AWS counts
   * these per address and requester IP. Every caller of the embedded stack is
   * on loopback, so here they count per address alone.
   */
  admitSignInCode(poolId: string, username: string, address: string): void {
    this.spend('SignInCodeMails', `${poolId}/${address.toLowerCase()}`, username);
  }

  /**
   * The sign-in, refused with "Password attempts exceeded" while its user is
   * locked out; a wrong password counts a failure, a right one forgets them.
   */
  lockingOut(operation: string, route: Route): Route {
    if (this.limitOf('PasswordFailures') === undefined || (operation !== 'InitiateAuth' && operation !== 'RespondToAuthChallenge')) return route;
    return async (ctx: Context, req: SignInRequest) => {
      const name = passwordCheckedFor(operation, req);
      const found = name && req.ClientId ? await userOfRequest(this.services, ctx, { ClientId: req.ClientId, Username: name }) : undefined;
      if (!found) return route(ctx, req);
      const key = `${found.poolId}/${found.user.Username}`;
      const now = () => this.clocks.now(found.user.Username);
      if (this.lockout.lockedUntil(key, now()) !== undefined) throw new CognitoError(passwordAttemptsExceeded.name, passwordAttemptsExceeded.message);
      try {
        const answer = await route(ctx, req);
        this.lockout.succeeded(key);
        return answer;
      } catch (error) {
        if (error instanceof CognitoError && error.code === incorrectPassword.name && error.message === incorrectPassword.message) this.lockout.failed(key, now());
        throw error;
      }
    };
  }
}
