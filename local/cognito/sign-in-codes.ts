import { randomBytes, randomInt } from 'node:crypto';
import { CognitoError, NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { attributeValue, type User, type UserPool } from 'cognito-local/lib/services/userPoolService.js';
import { COGNITO_ERRORS, SIGN_IN_CODE_DIGITS } from '../../common/cognito-operations.js';
import { required, sessionMinutesOf, type ChallengeSessions, type OpenChallenge } from './challenge-sessions.js';

/**
 * A sign-in waiting for its answer: the user's choice of a first factor, or a
 * mailed code, as the first factor (passwordless) or the second (email MFA).
 */
export type SignInChallenge = OpenChallenge & ({ step: 'SELECT_CHALLENGE' } | { step: 'EMAIL_OTP'; code: string; factor: 'first' | 'mfa' });
export type SignInChallenges = ChallengeSessions<SignInChallenge>;


export type PoolOptions = UserPool & {
  Policies?: { SignInPolicy?: { AllowedFirstAuthFactors?: string[] } };
  UserPoolTier?: string;
  EmailMfaConfiguration?: { Message?: string; Subject?: string };
};

/**
 * The codes Cognito mails at sign-in, whichever factor they are: each mailed
 * with the pool's EmailMfaConfiguration template (the emulator's words without
 * one), answered with EMAIL_OTP_CODE within the client's AuthSessionValidity,
 * the latest one only.
 */
export class SignInCodes {
  constructor(
    private readonly services: Pick<Services, 'cognito' | 'messages' | 'tokenGenerator'>,
    readonly challenges: SignInChallenges,
    /** Refuses a code over the hour's budget of sign-in code mails to this address (AttemptLimits.admitSignInCode). */
    private readonly admit: (poolId: string, username: string, address: string) => void = () => undefined,
  ) {}

  sessionMinutes(ctx: Context, clientId: string): Promise<number> {
    return sessionMinutesOf(this.services, ctx, clientId);
  }

  /** Mails a new code, retiring any earlier one of this user's, and asks for it (the EMAIL_OTP challenge). */
  async mail(ctx: Context, clientId: string, pool: PoolOptions, user: User, factor: 'first' | 'mfa', clientMetadata?: Record<string, string>) {
    const email = attributeValue('email', user.Attributes) as string;
    this.admit(pool.Id, user.Username, email);
    const digits = SIGN_IN_CODE_DIGITS[factor];
    const code = String(randomInt(0, 10 ** digits)).padStart(digits, '0');
    const session = randomBytes(96).toString('base64');
    this.challenges.closeWhere(user.Username, (c) => c.step === 'EMAIL_OTP');
    this.challenges.issue(session, { username: user.Username, clientId, step: 'EMAIL_OTP', code, factor }, await this.sessionMinutes(ctx, clientId));
    await this.services.messages.deliver(ctx, 'Authentication', clientId, pool.Id, user, code, clientMetadata, {
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

  /** The open challenge a Session names, of this step, for this client and the user USERNAME names. */
  async answering(ctx: Context, req: { ClientId: string; Session?: string; ChallengeResponses?: { USERNAME?: string } }, step: SignInChallenge['step']) {
    required(req.ChallengeResponses, ['USERNAME']);
    const challenge = this.challenges.check(req.Session, req.ClientId);
    const userPool = await this.services.cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.ChallengeResponses?.USERNAME as string);
    if (challenge.step !== step || !user || user.Username !== challenge.username) throw new NotAuthorizedError('Invalid session for the user.');
    return { challenge, pool: userPool.options as PoolOptions, user };
  }

  /** EMAIL_OTP answered: the latest code ends the session with the user's tokens; a wrong one leaves it open for another try. */
  async answer(ctx: Context, req: { ClientId: string; Session?: string; ChallengeResponses?: { USERNAME?: string; EMAIL_OTP_CODE?: string } }) {
    required(req.ChallengeResponses, ['EMAIL_OTP_CODE']);
    const { challenge, user } = await this.answering(ctx, req, 'EMAIL_OTP');
    if (challenge.step !== 'EMAIL_OTP' || challenge.code !== req.ChallengeResponses?.EMAIL_OTP_CODE) {
      throw new CognitoError(COGNITO_ERRORS.signInCodeMismatch.name, COGNITO_ERRORS.signInCodeMismatch.message);
    }
    this.challenges.close(req.Session as string);
    return this.tokens(ctx, req.ClientId, user);
  }

  /** The tokens of a proven sign-in, made and kept as cognito-local's password sign-in makes them. */
  async tokens(ctx: Context, clientId: string, user: User) {
    const { cognito, tokenGenerator } = this.services;
    const userPool = await cognito.getUserPoolForClientId(ctx, clientId);
    const client = await cognito.getAppClient(ctx, clientId);
    if (!client) throw new NotAuthorizedError();
    const tokens = await tokenGenerator.generate(ctx, user, await userPool.listUserGroupMembership(ctx, user), client, undefined, 'Authentication');
    await userPool.storeRefreshToken(ctx, tokens.RefreshToken, user);
    return { ChallengeParameters: {}, AuthenticationResult: { ...tokens, ExpiresIn: 3600, TokenType: 'Bearer' } };
  }
}
