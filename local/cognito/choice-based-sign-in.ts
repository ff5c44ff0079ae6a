import { randomBytes, randomInt } from 'node:crypto';
import { CognitoError, InvalidParameterError, NotAuthorizedError, UserNotConfirmedException } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { attributeValue, type User, type UserPool } from 'cognito-local/lib/services/userPoolService.js';
import { AUTH_SESSION_MINUTES, type ChallengeSessions, type OpenChallenge } from './challenge-sessions.js';
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
  ChallengeResponses?: { USERNAME?: string; ANSWER?: string; EMAIL_OTP_CODE?: string; PASSWORD?: string; SRP_A?: string };
  ClientMetadata?: Record<string, string>;
}

/** A USER_AUTH sign-in waiting for its answer: the user's choice of factor, or the code mailed to them. */
export type SignInChallenge = OpenChallenge & ({ step: 'SELECT_CHALLENGE' } | { step: 'EMAIL_OTP'; code: string });
export type SignInChallenges = ChallengeSessions<SignInChallenge>;

/**
 * How many digits a sign-in code has. Cognito's documentation does not say;
 * Amplify's maintainers report eight for email sign-in codes, where sign-up
 * codes have six. The suite reads either.
 */
export const SIGN_IN_CODE_DIGITS = 8;

/** What Cognito says to a code that is not the one it mailed for this session. */
export const SIGN_IN_CODE_REFUSED = 'Invalid code or auth state for the user.';

/** The factors a pool's SignInPolicy may list, as the challenges USER_AUTH names them. */
const CHALLENGES_OF_FACTOR: Record<string, string[]> = { PASSWORD: ['PASSWORD', 'PASSWORD_SRP'], EMAIL_OTP: ['EMAIL_OTP'] };

type PoolOptions = UserPool & { Policies?: { SignInPolicy?: { AllowedFirstAuthFactors?: string[] } }; UserPoolTier?: string };

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
    .flatMap((factor) => CHALLENGES_OF_FACTOR[factor] ?? []);
}

function required<T extends object>(from: T | undefined, names: (keyof T & string)[]): void {
  for (const name of names) if (!from?.[name]) throw new InvalidParameterError(`Missing required parameter ${name}`);
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
  services: Pick<Services, 'cognito' | 'messages'>,
  challenges: SignInChallenges,
  srpSignIns: SrpSignIns,
  /** The password sign-in (USER_PASSWORD_AUTH), which a proven factor ends with: status, NEW_PASSWORD_REQUIRED, tokens. */
  passwordSignIn: Route,
) {
  const { cognito, messages } = services;

  /** The user a sign-in names, who must exist and be confirmed. */
  async function signingIn(ctx: Context, clientId: string, username: string) {
    const userPool = await cognito.getUserPoolForClientId(ctx, clientId);
    const user = await userPool.getUserByUsername(ctx, username);
    // Nobody of that name: said as for a wrong password, as a pool that prevents user-existence errors does.
    if (!user) throw new NotAuthorizedError(REFUSED);
    if (user.UserStatus === 'UNCONFIRMED') throw new UserNotConfirmedException();
    return { pool: userPool.options as PoolOptions, user };
  }

  async function sessionMinutes(ctx: Context, clientId: string): Promise<number> {
    const client = (await cognito.getAppClient(ctx, clientId)) as { AuthSessionValidity?: number } | null;
    return client?.AuthSessionValidity ?? AUTH_SESSION_MINUTES;
  }

  /** Mails a new code, retiring any earlier one, and asks for it. */
  async function mailCode(ctx: Context, clientId: string, pool: PoolOptions, user: User, clientMetadata?: Record<string, string>) {
    const email = attributeValue('email', user.Attributes) as string;
    const code = String(randomInt(0, 10 ** SIGN_IN_CODE_DIGITS)).padStart(SIGN_IN_CODE_DIGITS, '0');
    const session = randomBytes(96).toString('base64');
    challenges.closeWhere(user.Username, (c) => c.step === 'EMAIL_OTP');
    challenges.issue(session, { username: user.Username, clientId, step: 'EMAIL_OTP', code }, await sessionMinutes(ctx, clientId));
    await messages.deliver(ctx, 'Authentication', clientId, pool.Id, user, code, clientMetadata, {
      DeliveryMedium: 'EMAIL',
      Destination: email,
      AttributeName: 'email',
    });
    return {
      ChallengeName: 'EMAIL_OTP',
      Session: session,
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: email },
    };
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
      if (chosen === 'EMAIL_OTP') return mailCode(ctx, clientId, pool, user, clientMetadata);
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
    challenges.issue(session, { username: user.Username, clientId, step: 'SELECT_CHALLENGE' }, await sessionMinutes(ctx, clientId));
    return { ChallengeName: 'SELECT_CHALLENGE', Session: session, AvailableChallenges: available, ChallengeParameters: {} };
  }

  /** The open challenge a Session names, of the step answered, for this client and user. */
  async function answering(ctx: Context, req: ChallengeRequest, step: SignInChallenge['step']) {
    required(req.ChallengeResponses, ['USERNAME']);
    const challenge = challenges.check(req.Session, req.ClientId);
    const signIn = await signingIn(ctx, req.ClientId, req.ChallengeResponses?.USERNAME as string);
    if (challenge.step !== step || signIn.user.Username !== challenge.username) throw new NotAuthorizedError('Invalid session for the user.');
    return { challenge, signIn };
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
          const { signIn } = await answering(ctx, req, 'SELECT_CHALLENGE');
          const { ANSWER, ...given } = req.ChallengeResponses as NonNullable<ChallengeRequest['ChallengeResponses']>;
          if (!availableChallenges(signIn.pool, signIn.user).includes(ANSWER as string)) {
            throw new InvalidParameterError(`${ANSWER} is not one of the AvailableChallenges`);
          }
          challenges.close(req.Session as string);
          return proceed(ctx, req.ClientId, signIn, ANSWER, given, req.ClientMetadata);
        }
        if (req.ChallengeName === 'EMAIL_OTP') {
          required(req.ChallengeResponses, ['EMAIL_OTP_CODE']);
          const { challenge, signIn } = await answering(ctx, req, 'EMAIL_OTP');
          // A wrong code leaves the session open: the user may type it again.
          if (challenge.step !== 'EMAIL_OTP' || challenge.code !== req.ChallengeResponses?.EMAIL_OTP_CODE) {
            throw new CognitoError('CodeMismatchException', SIGN_IN_CODE_REFUSED);
          }
          challenges.close(req.Session as string);
          // The code proved the address: the rest is the password sign-in's, with the password Cognito holds.
          return passwordSignIn(ctx, {
            ClientId: req.ClientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: signIn.user.Username, PASSWORD: signIn.user.Password },
          });
        }
        return respondToAuthChallenge(ctx, req);
      },
  };
}
