import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { InvalidParameterError } from 'cognito-local/lib/errors.js';
import type { WebAuthnConfiguration } from './passkeys.js';

interface LogConfiguration {
  EventSource: string;
  LogLevel: string;
  CloudWatchLogsConfiguration?: { LogGroupArn?: string };
}

interface KeptSettings {
  UserAttributeUpdateSettings?: { AttributesRequireVerificationBeforeUpdate?: string[] };
  UserPoolTier?: string;
  LogConfigurations?: LogConfiguration[];
}

/** AWS's feature plan for a pool created without one (since November 2024). */
const DEFAULT_TIER = 'ESSENTIALS';

/**
 * Pool settings cognito-local drops or hides, end to end:
 * - UserAttributeUpdateSettings ("keep original attribute value active when an
 *   update is pending"): honoured in UpdateUserAttributes and kept from
 *   CreateUserPool, but UpdateUserPool ignores it and no response shows it. As
 *   on AWS, an UpdateUserPool without it puts the default back.
 * - UserPoolTier, the feature plan (passwordless sign-in needs Essentials):
 *   kept from CreateUserPool and UpdateUserPool (which leaves it as it was when
 *   not given, as on AWS), shown by DescribeUserPool.
 * - EmailMfaConfiguration (the template of sign-in codes): kept from
 *   SetUserPoolMfaConfig, shown by GetUserPoolMfaConfig.
 * - The export of message-delivery errors (SetLogDeliveryConfiguration,
 *   GetLogDeliveryConfiguration), which cognito-local lacks: kept and shown, so
 *   a pool standing in for AWS's can say where its errors would go. The
 *   emulator writes no logs there: it has no CloudWatch.
 */
export const KeptPoolSettings = ({ cognito }: Pick<Services, 'cognito'>) => {
  const update = async (ctx: Parameters<Route>[0], poolId: string, settings: KeptSettings) => {
    const userPool = await cognito.getUserPool(ctx, poolId);
    await userPool.updateOptions(ctx, { ...userPool.options, ...settings });
  };
  const kept = async (ctx: Parameters<Route>[0], poolId: string) => (await cognito.getUserPool(ctx, poolId)).options as KeptSettings & { EmailMfaConfiguration?: object; WebAuthnConfiguration?: WebAuthnConfiguration };
  /** What SetUserPoolMfaConfig keeps beyond cognito-local's MFA settings, as GetUserPoolMfaConfig answers it. */
  const mfaSettings = async (ctx: Parameters<Route>[0], poolId: string) => {
    const { EmailMfaConfiguration, WebAuthnConfiguration } = await kept(ctx, poolId);
    return { ...(EmailMfaConfiguration ? { EmailMfaConfiguration } : {}), ...(WebAuthnConfiguration ? { WebAuthnConfiguration } : {}) };
  };
  return {
    CreateUserPool:
      (createUserPool: Route): Route =>
      async (ctx, req: { UserPoolTier?: string }) => {
        const result = (await createUserPool(ctx, req)) as { UserPool: { Id: string } };
        // The answer shows it through `showing`, which wraps this route.
        await update(ctx, result.UserPool.Id, { UserPoolTier: req.UserPoolTier ?? DEFAULT_TIER });
        return result;
      },

    UpdateUserPool:
      (updateUserPool: Route): Route =>
      async (ctx, req: { UserPoolId: string } & KeptSettings) => {
        const { UserPoolTier } = await kept(ctx, req.UserPoolId);
        const result = await updateUserPool(ctx, req);
        await update(ctx, req.UserPoolId, {
          UserAttributeUpdateSettings: req.UserAttributeUpdateSettings,
          UserPoolTier: req.UserPoolTier ?? UserPoolTier ?? DEFAULT_TIER,
        });
        return result;
      },

    /** CreateUserPool and DescribeUserPool: the UserPool they answer, with the settings it holds. */
    showing:
      (route: Route): Route =>
      async (ctx, req) => {
        const result = (await route(ctx, req)) as { UserPool?: { Id?: string } };
        if (!result.UserPool?.Id) return result;
        const { UserAttributeUpdateSettings, UserPoolTier } = await kept(ctx, result.UserPool.Id);
        return { ...result, UserPool: { ...result.UserPool, UserAttributeUpdateSettings, UserPoolTier: UserPoolTier ?? DEFAULT_TIER } };
      },

    SetUserPoolMfaConfig:
      (setUserPoolMfaConfig: Route): Route =>
      async (ctx, req: { UserPoolId: string; EmailMfaConfiguration?: { Message?: string; Subject?: string }; WebAuthnConfiguration?: WebAuthnConfiguration }) => {
        const result = (await setUserPoolMfaConfig(ctx, { ...req, WebAuthnConfiguration: undefined })) as object;
        if (req.EmailMfaConfiguration) await update(ctx, req.UserPoolId, { EmailMfaConfiguration: req.EmailMfaConfiguration } as KeptSettings);
        // Passkeys' relying party (local/cognito/passkeys.ts): AWS's default user verification is preferred.
        if (req.WebAuthnConfiguration) {
          const { RelyingPartyId, UserVerification = 'preferred' } = req.WebAuthnConfiguration;
          if (!['required', 'preferred'].includes(UserVerification)) throw new InvalidParameterError(`UserVerification ${UserVerification} is not required or preferred.`);
          await update(ctx, req.UserPoolId, { WebAuthnConfiguration: { RelyingPartyId, UserVerification } } as KeptSettings);
        }
        return { ...result, ...(await mfaSettings(ctx, req.UserPoolId)) };
      },

    SetLogDeliveryConfiguration: (async (ctx, req: { UserPoolId: string; LogConfigurations?: LogConfiguration[] }) => {
      const configurations = req.LogConfigurations ?? [];
      // AWS's limits: two destinations at most, each for a source it knows.
      if (configurations.length > 2) throw new InvalidParameterError('LogConfigurations has more than 2 items.');
      const unknown = configurations.find((c) => !['userNotification', 'userAuthEvents'].includes(c.EventSource));
      if (unknown) throw new InvalidParameterError(`EventSource ${unknown.EventSource} is not userNotification or userAuthEvents.`);
      await update(ctx, req.UserPoolId, { LogConfigurations: configurations });
      return { LogDeliveryConfiguration: { UserPoolId: req.UserPoolId, LogConfigurations: configurations } };
    }) as Route,

    GetLogDeliveryConfiguration: (async (ctx, req: { UserPoolId: string }) => {
      const { LogConfigurations } = await kept(ctx, req.UserPoolId);
      return { LogDeliveryConfiguration: { UserPoolId: req.UserPoolId, LogConfigurations: LogConfigurations ?? [] } };
    }) as Route,

    GetUserPoolMfaConfig:
      (getUserPoolMfaConfig: Route): Route =>
      async (ctx, req: { UserPoolId: string }) => {
        const result = (await getUserPoolMfaConfig(ctx, req)) as object;
        return { ...result, ...(await mfaSettings(ctx, req.UserPoolId)) };
      },
  };
};
