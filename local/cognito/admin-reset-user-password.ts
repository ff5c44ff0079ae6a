import { randomBytes } from 'node:crypto';
import { CognitoError, InvalidParameterError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import { attributeValue, type User } from 'cognito-local/lib/services/userPoolService.js';
import { COGNITO_ERRORS } from '../../common/cognito-operations.js';

interface AdminResetUserPasswordRequest {
  UserPoolId: string;
  Username: string;
  ClientMetadata?: Record<string, string>;
}

type RecoveryMechanism = { Name: string; Priority: number };

const { noVerifiedContact, passwordResetRequired } = COGNITO_ERRORS;

/**
 * The address a reset code may go to, or null. AWS's API reference
 * (API_AdminResetUserPassword): a code goes out only "if email verification is
 * selected and a verified email exists for the user", and the pool "must have
 * self-service account recovery configured" (AccountRecoverySetting: a pool
 * with only admin_only has none). A pool without the setting recovers by
 * phone, else by email (AWS's legacy behaviour); the embedded stack mails no SMS.
 */
function resetCodeAddress(recovery: RecoveryMechanism[] | undefined, user: User): string | null {
  const byEmail = !recovery || recovery.some((m) => m.Name === 'verified_email');
  const email = attributeValue('email', user.Attributes);
  return byEmail && email && attributeValue('email_verified', user.Attributes) === 'true' ? email : null;
}

/**
 * AdminResetUserPassword, which cognito-local 5.3.0 answers "Unsupported".
 * AWS's API reference (API_AdminResetUserPassword): "Sets the requested user's
 * account into a RESET_REQUIRED status, and sends them a password-reset code",
 * "This operation deactivates a user's password", and the code is sent "the
 * same way as for ForgotPassword": here through the pool's code template or the
 * team's CustomMessage trigger with the source CustomMessage_ForgotPassword
 * (AWS names no source of its own for it: inferred, see docs/embedded-stack.md).
 * The code is then taken by ConfirmForgotPassword (cognito-local's), which makes
 * the user CONFIRMED with the new password. Its answer is empty, as AWS's is.
 */
export const AdminResetUserPassword =
  ({ clock, cognito, messages, otp }: Pick<Services, 'clock' | 'cognito' | 'messages' | 'otp'>): Route =>
  async (ctx: Context, req: AdminResetUserPasswordRequest) => {
    const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (!user) throw new UserNotFoundError('User does not exist.');
    const recovery = (userPool.options as { AccountRecoverySetting?: { RecoveryMechanisms?: RecoveryMechanism[] } }).AccountRecoverySetting?.RecoveryMechanisms;
    const address = resetCodeAddress(recovery, user);
    // ForgotPassword's refusal for a user with no verified contact, in Cognito's words (InvalidParameterException, as public reports quote it);
    // AWS documents no answer of its own for this operation, nor for a pool with admin_only recovery: the emulator gives the same.
    if (!address) throw new InvalidParameterError(noVerifiedContact.message);
    const delivery = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: address } as const;
    const code = otp();
    // Mail first: a failed delivery leaves the user as they were.
    await messages.deliver(ctx, 'ForgotPassword', null, userPool.options.Id, user, code, req.ClientMetadata, delivery);
    // "Deactivates a user's password": replaced by one nobody knows, which no sign-in reaches anyway (see refusingResetRequired).
    await userPool.saveUser(ctx, {
      ...user,
      UserStatus: 'RESET_REQUIRED',
      Password: randomBytes(32).toString('base64'),
      ConfirmationCode: code,
      UserLastModifiedDate: clock.get(),
    });
    return {};
  };

/**
 * InitiateAuth refusing a RESET_REQUIRED user, whatever the password and flow
 * (password, SRP, choice-based): AWS's API reference for AdminResetUserPassword,
 * "If a user tries to sign in after the API request, Amazon Cognito responds
 * with a PasswordResetRequiredException error", whose message public reports
 * quote as "Password reset required for the user". cognito-local says so only
 * for USER_PASSWORD_AUTH ("Password reset required"); a refresh token is left as it is.
 */
export const refusingResetRequired =
  ({ cognito }: Pick<Services, 'cognito'>, initiateAuth: Route): Route =>
  async (ctx, req: { ClientId: string; AuthFlow?: string; AuthParameters?: { USERNAME?: string } }) => {
    const username = req.AuthParameters?.USERNAME;
    if (username && !/^REFRESH_TOKEN/.test(req.AuthFlow ?? '')) {
      const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, username);
      if (user?.UserStatus === 'RESET_REQUIRED') throw new CognitoError(passwordResetRequired.name, passwordResetRequired.message);
    }
    return initiateAuth(ctx, req);
  };
