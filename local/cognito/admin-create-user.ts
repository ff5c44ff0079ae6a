import { CognitoError, InvalidParameterError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import { attributeValue, type User } from 'cognito-local/lib/services/userPoolService.js';
import { userToResponseObject } from 'cognito-local/lib/targets/responses.js';
import { temporaryPassword } from './temporary-password.js';

interface AdminCreateUserRequest {
  UserPoolId: string;
  Username: string;
  UserAttributes?: { Name: string; Value?: string }[];
  ValidationData?: { Name: string; Value?: string }[];
  MessageAction?: 'RESEND' | 'SUPPRESS';
  TemporaryPassword?: string;
  DesiredDeliveryMediums?: ('SMS' | 'EMAIL')[];
  ClientMetadata?: Record<string, string>;
}

/** Where the invitation goes: SMS is AWS's default medium; EMAIL only when asked for. */
function invitationDelivery(mediums: AdminCreateUserRequest['DesiredDeliveryMediums'] = ['SMS'], user: User): DeliveryDetails | null {
  const phone = attributeValue('phone_number', user.Attributes);
  if (mediums.includes('SMS') && phone) return { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: phone };
  const email = attributeValue('email', user.Attributes);
  if (mediums.includes('EMAIL') && email) return { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email };
  return null;
}

/**
 * cognito-local's AdminCreateUser, plus what it lacks: a temporary password
 * that satisfies the pool's policy, and MessageAction RESEND (which it answers
 * "Unsupported"). As in Cognito, RESEND is for a user who has not yet signed
 * in: a new temporary password replaces the old one, in a new invitation.
 * Anyone else is refused with UnsupportedUserStateException.
 */
export const AdminCreateUserWithResend =
  ({ clock, cognito, messages, triggers }: Pick<Services, 'clock' | 'cognito' | 'messages' | 'triggers'>, adminCreateUser: Route): Route =>
  async (ctx, req: AdminCreateUserRequest) => {
    const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
    const password = req.TemporaryPassword ?? temporaryPassword(userPool.options.Policies?.PasswordPolicy);
    if (req.MessageAction !== 'RESEND') {
      if (triggers.enabled('PreSignUp')) {
        // Cognito runs PreSignUp for an admin's user too (PreSignUp_AdminCreateUser): it may refuse it; its auto-confirm flags are ignored.
        await triggers.preSignUp(ctx, {
          clientId: 'CLIENT_ID_NOT_APPLICABLE',
          clientMetadata: req.ClientMetadata,
          source: 'PreSignUp_AdminCreateUser',
          userAttributes: req.UserAttributes ?? [],
          username: req.Username,
          userPoolId: userPool.options.Id,
          validationData: req.ValidationData ? Object.fromEntries(req.ValidationData.map((a) => [a.Name, a.Value ?? ''])) : undefined,
        });
      }
      return adminCreateUser(ctx, { ...req, TemporaryPassword: password });
    }

    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (!user) throw new UserNotFoundError('User does not exist.');
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
      throw new CognitoError('UnsupportedUserStateException', `Resend not possible. ${user.Username} status is not FORCE_CHANGE_PASSWORD.`);
    }
    const delivery = invitationDelivery(req.DesiredDeliveryMediums, user);
    if (!delivery) throw new InvalidParameterError('User has no attribute matching desired delivery mediums');
    // Mail first: if delivery fails the user keeps the password they already have.
    await messages.deliver(ctx, 'AdminCreateUser', null, userPool.options.Id, user, password, req.ClientMetadata, delivery);
    const updated = { ...user, Password: password, UserLastModifiedDate: clock.get() };
    await userPool.saveUser(ctx, updated);
    return { User: userToResponseObject(updated) };
  };
