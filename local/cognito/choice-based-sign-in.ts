import { randomBytes } from 'node:crypto';
import { InvalidParameterError, NotAuthorizedError, UserNotConfirmedException } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { attributeValue, type User } from 'cognito-local/lib/services/userPoolService.js';
import { required } from './challenge-sessions.js';
import type { PoolOptions, SignInCodes } from './sign-in-codes.js';
import { passkeysOf, type Passkeys } from './passkeys.js';
import { REFUSED, startSrp, type SrpSignIns } from './srp-auth.js';

interface UserAuthRequest {
  ClientId: string;
  AuthFlow: string;
  AuthParameters?: { USERNAME?: string; PREFERRED_CHALLENGE?: string; PASSWORD?: string; SRP_A?: string };
  ClientMetadata?: Record<string, string>;
}

interface ChallengeRequest {
  ClientId: string;
  ChallengeName: string;
  Session?: string;
  ChallengeResponses?: { USERNAME?: string; ANSWER?: string; EMAIL_OTP_CODE?: string; PASSWORD?: string; SRP_A?: string; CREDENTIAL?: string };
  ClientMetadata?: Record<string, string>;
}

/** The factors a pool's SignInPolicy may list, as the challenges USER_AUTH names them. */
const CHALLENGES_OF_FACTOR: Record<string, string[]> = { PASSWORD: ['PASSWORD', 'PASSWORD_SRP'], EMAIL_OTP: ['EMAIL_OTP'], WEB_AUTHN: ['WEB_AUTHN'] };

/**
 * The first factors this user may choose on this pool: the pool's
 * SignInPolicy.AllowedFirstAuthFactors (PASSWORD alone when unset, as on AWS),
 * less what the user cannot receive or the pool's feature plan lacks (email
 * codes need the Essentials plan or higher, and an address).
 */
export function availableChallenges(pool: PoolOptions, user: User): string[] {
  const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
  return factors
    .filter((factor) => factor !== 'EMAIL_OTP' || (pool.UserPoolTier !== 'LITE' && !!attributeValue('email', user.Attributes)))
    // A passkey is on offer to a user who has registered one.
    .filter((factor) => factor !== 'WEB_AUTHN' || (pool.UserPoolTier !== 'LITE' && passkeysOf(user).length > 0))
    .flatMap((factor) => CHALLENGES_OF_FACTOR[factor] ?? []);
}

/**
 * Choice-based sign-in (AuthFlow USER_AUTH), which cognito-local lacks: the
 * client names a PREFERRED_CHALLENGE or is offered the pool's first factors
 * (SELECT_CHALLENGE); EMAIL_OTP mails an eight-digit code with the pool's email
 * sign-in template, and RespondToAuthChallenge takes it (EMAIL_OTP_CODE) within
 * the client's AuthSessionValidity. A second request retires the first code.
 * PASSWORD and PASSWORD_SRP end as the password sign-ins do.
 */
export function ChoiceBasedSignIn(
  services: Pick<Services, 'cognito'>,
  codes: SignInCodes,
  srpSignIns: SrpSignIns,
  /** The password sign-in (USER_PASSWORD_AUTH), which a proven factor ends with: status, NEW_PASSWORD_REQUIRED, tokens. */
  passwordSignIn: Route,
  /** The WEB_AUTHN challenge and its answer (local/cognito/passkeys.ts). */
  passkeys: Pick<ReturnType<typeof Passkeys>, 'challenge' | 'answer'>,
) {
  const { cognito } = services;
  const { challenges } = codes;

  /** The user a sign-in names, who must exist and be confirmed. */
  async function signingIn(ctx: Context, clientId: string, username: string) {
    const userPool = await cognito.getUserPoolForClientId(ctx, clientId);
    const user = await userPool.getUserByUsername(ctx, username);
    // Nobody of that name: said as for a wrong password, as a pool that prevents user-existence errors does.
    if (!user) throw new NotAuthorizedError(REFUSED);
    if (user.UserStatus === 'UNCONFIRMED') throw new UserNotConfirmedException();
    return { pool: userPool.options as PoolOptions, user };
  }

  /** The challenge for the factor chosen, or the choice itself when none (or one not on offer) was named. */
  async function proceed(
    ctx: Context,
    clientId: string,
    { pool, user }: { pool: PoolOptions; user: User },
    chosen: string | undefined,
    given: { PASSWORD?: string; SRP_A?: string },
    clientMetadata?: Record<string, string>,
  ): Promise<object> {
    const available = availableChallenges(pool, user);
    if (chosen && available.includes(chosen)) {
      if (chosen === 'EMAIL_OTP') return codes.mail(ctx, clientId, pool, user, 'first', clientMetadata);
      if (chosen === 'WEB_AUTHN') return passkeys.challenge(clientId, pool, user, await codes.sessionMinutes(ctx, clientId));
      if (chosen === 'PASSWORD_SRP') {
        required(given, ['SRP_A']);
        return startSrp(services, srpSignIns, ctx, clientId, user.Username, given.SRP_A as string);
      }
      required(given, ['PASSWORD']);
      return passwordSignIn(ctx, {
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: user.Username, PASSWORD: given.PASSWORD },
        ...(clientMetadata ? { ClientMetadata: clientMetadata } : {}),
      });
    }
    const session = randomBytes(96).toString('base64');
    challenges.issue(session, { username: user.Username, clientId, step: 'SELECT_CHALLENGE' }, await codes.sessionMinutes(ctx, clientId));
    return { ChallengeName: 'SELECT_CHALLENGE', Session: session, AvailableChallenges: available, ChallengeParameters: {} };
  }

  return {
    InitiateAuth:
      (initiateAuth: Route): Route =>
      async (ctx, req: UserAuthRequest) => {
        if (req.AuthFlow !== 'USER_AUTH') return initiateAuth(ctx, req);
        required(req.AuthParameters, ['USERNAME']);
        const { USERNAME, PREFERRED_CHALLENGE, ...given } = req.AuthParameters as NonNullable<UserAuthRequest['AuthParameters']>;
        const signIn = await signingIn(ctx, req.ClientId, USERNAME as string);
        return proceed(ctx, req.ClientId, signIn, PREFERRED_CHALLENGE, given, req.ClientMetadata);
      },

    RespondToAuthChallenge:
      (respondToAuthChallenge: Route): Route =>
      async (ctx, req: ChallengeRequest) => {
        if (req.ChallengeName === 'SELECT_CHALLENGE') {
          required(req.ChallengeResponses, ['ANSWER']);
          const signIn = await codes.answering(ctx, req, 'SELECT_CHALLENGE');
          const { ANSWER, ...given } = req.ChallengeResponses as NonNullable<ChallengeRequest['ChallengeResponses']>;
          if (!availableChallenges(signIn.pool, signIn.user).includes(ANSWER as string)) {
            throw new InvalidParameterError(`${ANSWER} is not one of the AvailableChallenges`);
          }
          challenges.close(req.Session as string);
          return proceed(ctx, req.ClientId, signIn, ANSWER, given, req.ClientMetadata);
        }
        // A code mailed as the first factor or the second: the latest one signs in, no password needed.
        if (req.ChallengeName === 'EMAIL_OTP') return codes.answer(ctx, req);
        if (req.ChallengeName === 'WEB_AUTHN') return codes.tokens(ctx, req.ClientId, await passkeys.answer(ctx, req));
        return respondToAuthChallenge(ctx, req);
      },
  };
}
