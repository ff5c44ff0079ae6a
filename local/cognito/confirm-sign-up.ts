import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { attribute, attributesAppend } from 'cognito-local/lib/services/userPoolService.js';

/**
 * cognito-local's ConfirmSignUp, plus what Cognito does next: confirming with a
 * code mailed to the address proves the address, so `email_verified` becomes
 * true. Without it the Authenticator stops after sign-in on its "verify your
 * contact information" screen.
 */
export const ConfirmSignUpVerifyingEmail =
  ({ cognito, clock }: Pick<Services, 'cognito' | 'clock'>, confirmSignUp: Route): Route =>
  async (ctx, req: { ClientId: string; Username: string }) => {
    const result = await confirmSignUp(ctx, req);
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (user && userPool.options.AutoVerifiedAttributes?.includes('email')) {
      await userPool.saveUser(ctx, {
        ...user,
        Attributes: attributesAppend(user.Attributes, attribute('email_verified', 'true')),
        UserLastModifiedDate: clock.get(),
      });
    }
    return result;
  };
