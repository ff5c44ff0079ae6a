import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';

type UpdateSettings = { AttributesRequireVerificationBeforeUpdate?: string[] } | undefined;

/**
 * A pool's UserAttributeUpdateSettings ("keep original attribute value active
 * when an update is pending"), end to end. cognito-local 5.3.0 honours it in
 * UpdateUserAttributes and keeps it from CreateUserPool, but UpdateUserPool
 * ignores it and no response shows it. As on AWS, an UpdateUserPool without it
 * puts the default back (no attribute waits for verification).
 */
export const UserAttributeUpdateSettings = ({ cognito }: Pick<Services, 'cognito'>) => ({
  UpdateUserPool:
    (updateUserPool: Route): Route =>
    async (ctx, req: { UserPoolId: string; UserAttributeUpdateSettings?: UpdateSettings }) => {
      const result = await updateUserPool(ctx, req);
      const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
      await userPool.updateOptions(ctx, { ...userPool.options, UserAttributeUpdateSettings: req.UserAttributeUpdateSettings });
      return result;
    },

  /** CreateUserPool and DescribeUserPool: the UserPool they answer, with the setting it holds. */
  showing:
    (route: Route): Route =>
    async (ctx, req) => {
      const result = (await route(ctx, req)) as { UserPool?: { Id?: string } };
      if (!result.UserPool?.Id) return result;
      const { options } = await cognito.getUserPool(ctx, result.UserPool.Id);
      return { ...result, UserPool: { ...result.UserPool, UserAttributeUpdateSettings: options.UserAttributeUpdateSettings } };
    },
});
