import { InvalidParameterError, NotAuthorizedError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import type { PoolOptions, SignInCodes } from './sign-in-codes.js';
import { REFUSED } from './srp-auth.js';

type EmailMfaSettings = { Enabled?: boolean; PreferredMfa?: boolean };
type MfaPreference = { EmailMfaSettings?: EmailMfaSettings; SMSMfaSettings?: object; SoftwareTokenMfaSettings?: object };

/** An access token's claims, unverified: cognito-local's own SetUserMFAPreference reads it so, and refuses a forged one by the user lookup. */
export function claimsOf(token = ''): { client_id?: string; sub?: string } | null {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { client_id?: string; sub?: string };
  } catch {
    return null;
  }
}

/** Email MFA is on for the pool: MFA is not OFF, and the pool has an EmailMfaConfiguration (SetUserPoolMfaConfig). */
export const poolOffersEmailMfa = (pool: PoolOptions & { MfaConfiguration?: string }) => pool.MfaConfiguration !== undefined && pool.MfaConfiguration !== 'OFF' && !!pool.EmailMfaConfiguration;

/** The user chose email as a second factor, and it is the one (or the preferred one) to ask for. */
const wantsEmailMfa = (user: User & { PreferredMfaSetting?: string }) =>
  !!user.UserMFASettingList?.includes('EMAIL_OTP') && (user.UserMFASettingList.length === 1 || user.PreferredMfaSetting === 'EMAIL_OTP');

/**
 * Email as a second factor, which cognito-local lacks: a user who turned it on
 * (SetUserMFAPreference, or an admin's AdminSetUserMFAPreference, with
 * EmailMfaSettings) on a pool that offers it gets, once the password is
 * proven (by SRP or by itself), the EMAIL_OTP challenge with a six-digit code
 * mailed instead of tokens; RespondToAuthChallenge takes it as a passwordless
 * code is taken. cognito-local would refuse such a user outright: it knows
 * only SMS and TOTP.
 */
export function EmailMfa(services: Pick<Services, 'cognito'>, codes: SignInCodes) {
  const { cognito } = services;

  /** Saves the email part of an MFA preference, as Cognito keeps it: in UserMFASettingList and PreferredMfaSetting. */
  async function offering(ctx: Context, userPoolId: string) {
    const userPool = await cognito.getUserPool(ctx, userPoolId);
    if (!poolOffersEmailMfa(userPool.options as PoolOptions)) {
      throw new InvalidParameterError('Email MFA is not enabled for this user pool (SetUserPoolMfaConfig EmailMfaConfiguration, MfaConfiguration OPTIONAL or ON).');
    }
    return userPool;
  }

  /** Saves into a pool `offering` has checked. */
  async function save(ctx: Context, userPool: UserPoolService, user: User & { PreferredMfaSetting?: string }, settings: EmailMfaSettings) {
    const methods = new Set(user.UserMFASettingList ?? []);
    if (settings.Enabled) methods.add('EMAIL_OTP');
    else methods.delete('EMAIL_OTP');
    if (settings.PreferredMfa && !settings.Enabled) throw new InvalidParameterError('Cannot set EMAIL_OTP as preferred — it is not enabled');
    const preferred = settings.PreferredMfa ? 'EMAIL_OTP' : user.PreferredMfaSetting === 'EMAIL_OTP' && !settings.Enabled ? undefined : user.PreferredMfaSetting;
    await userPool.saveUser(ctx, { ...user, UserMFASettingList: [...methods], PreferredMfaSetting: preferred } as User);
  }

  /** The rest of the preference (SMS, TOTP), to cognito-local; an empty answer when there was only email. */
  const rest = async (route: Route, ctx: Context, req: MfaPreference) =>
    req.SMSMfaSettings || req.SoftwareTokenMfaSettings ? route(ctx, { ...req, EmailMfaSettings: undefined }) : {};

  return {
    /** The password sign-in, stopping at the mailed code for a user with email MFA. */
    PasswordSignIn:
      (passwordSignIn: Route): Route =>
      async (ctx, req: { ClientId: string; AuthFlow: string; AuthParameters?: { USERNAME?: string; PASSWORD?: string }; ClientMetadata?: Record<string, string> }) => {
        if (req.AuthFlow !== 'USER_PASSWORD_AUTH' || !req.AuthParameters?.USERNAME) return passwordSignIn(ctx, req);
        const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
        const user = await userPool.getUserByUsername(ctx, req.AuthParameters.USERNAME);
        const pool = userPool.options as PoolOptions;
        if (!user || user.UserStatus !== 'CONFIRMED' || !poolOffersEmailMfa(pool) || !wantsEmailMfa(user)) return passwordSignIn(ctx, req);
        if (user.Password !== req.AuthParameters.PASSWORD) throw new NotAuthorizedError(REFUSED);
        return codes.mail(ctx, req.ClientId, pool, user, 'mfa', req.ClientMetadata);
      },

    SetUserMFAPreference:
      (setUserMfaPreference: Route): Route =>
      async (ctx, req: MfaPreference & { AccessToken?: string }) => {
        if (!req.EmailMfaSettings) return setUserMfaPreference(ctx, req);
        const answer = await rest(setUserMfaPreference, ctx, req);
        const decoded = claimsOf(req.AccessToken);
        if (!decoded?.client_id || !decoded.sub) throw new NotAuthorizedError('Invalid Access Token');
        const userPool = await cognito.getUserPoolForClientId(ctx, decoded.client_id);
        const user = await userPool.getUserByUsername(ctx, decoded.sub);
        if (!user) throw new NotAuthorizedError('Invalid Access Token');
        await save(ctx, await offering(ctx, userPool.options.Id), user, req.EmailMfaSettings);
        return answer;
      },

    /** Missing from cognito-local; here for email (and refused for the factors it has no admin call for). */
    AdminSetUserMFAPreference: (): Route => async (ctx, req: MfaPreference & { UserPoolId: string; Username: string }) => {
      if (req.SMSMfaSettings || req.SoftwareTokenMfaSettings) throw new InvalidParameterError('The embedded stack sets only EmailMfaSettings by AdminSetUserMFAPreference');
      const userPool = await offering(ctx, req.UserPoolId);
      const user = await userPool.getUserByUsername(ctx, req.Username);
      if (!user) throw new UserNotFoundError('User does not exist.');
      if (req.EmailMfaSettings) await save(ctx, userPool, user, req.EmailMfaSettings);
      return {};
    },
  };
}
