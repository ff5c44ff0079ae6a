import { InvalidParameterError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import { selectAppropriateDeliveryMethod } from 'cognito-local/lib/services/messageDelivery/deliveryMethod.js';

interface ResendConfirmationCodeRequest {
  ClientId: string;
  Username: string;
  ClientMetadata?: Record<string, string>;
}

/**
 * ResendConfirmationCode, which cognito-local 5.3.0 answers with "Unsupported".
 * As in Cognito: a new code, a new email, and the previous code stops working.
 */
export const ResendConfirmationCode =
  ({ clock, cognito, messages, otp }: Pick<Services, 'clock' | 'cognito' | 'messages' | 'otp'>) =>
  async (ctx: Context, req: ResendConfirmationCodeRequest) => {
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (!user) {
      throw new UserNotFoundError('Username/client id combination not found.');
    }
    if (user.UserStatus === 'CONFIRMED') {
      throw new InvalidParameterError('User is already confirmed.');
    }
    const delivery = selectAppropriateDeliveryMethod(userPool.options.AutoVerifiedAttributes ?? [], user);
    if (!delivery) {
      throw new InvalidParameterError('Cannot resend codes. Auto verification not turned on.');
    }
    const code = otp();
    // Mail first: if delivery fails the user keeps the code they already have.
    await messages.deliver(ctx, 'ResendCode', req.ClientId, userPool.options.Id, user, code, req.ClientMetadata, delivery);
    await userPool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: clock.get() });
    return { CodeDeliveryDetails: delivery };
  };
