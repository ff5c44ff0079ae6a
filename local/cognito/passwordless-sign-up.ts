import { InvalidParameterError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { explicitAuthFlowsOf } from '../../common/auth-flows.js';
import { COGNITO_ERRORS } from '../../common/cognito-operations.js';
import type { PoolOptions } from './sign-in-codes.js';

interface SignUpRequest {
  ClientId: string;
  Username: string;
  Password?: string;
  UserAttributes?: { Name: string; Value?: string }[];
}

/** The passwordless first factors that let a sign-up go without a password, and the attribute each one mails or texts to. WEB_AUTHN is not one: a passkey is registered after sign-in. */
const ATTRIBUTE_OF_FACTOR: Record<string, string> = { EMAIL_OTP: 'email', SMS_OTP: 'phone_number' };

/** Whether a SignUp without a password meets every condition of AWS's (see PasswordlessSignUp). */
export function mayOmitPassword(pool: PoolOptions & { UsernameAttributes?: string[] }, client: { ExplicitAuthFlows?: string[] } | null, req: SignUpRequest): boolean {
  if (!explicitAuthFlowsOf(client).includes('ALLOW_USER_AUTH')) return false;
  // The sign-in policy needs the Essentials plan or higher; a Lite pool's policy is PASSWORD only.
  if (pool.UserPoolTier === 'LITE') return false;
  const given = (name: string) =>
    !!req.UserAttributes?.some((a) => a.Name === name && a.Value) || (name === 'email' && !!pool.UsernameAttributes?.includes('email') && req.Username.includes('@'));
  return (pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).some((factor) => {
    const attribute = ATTRIBUTE_OF_FACTOR[factor];
    return !!attribute && given(attribute) && !!pool.AutoVerifiedAttributes?.includes(attribute);
  });
}

/**
 * SignUp without a password, which cognito-local would take from anyone (it stores an undefined password).
 * AWS's developer guide, "Signing up and confirming user accounts", Passwords at sign-up
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html): passwords
 * may be omitted only when passwordless sign-in is active in the pool (AllowedFirstAuthFactors with EMAIL_OTP
 * or SMS_OTP) and the app client (ALLOW_USER_AUTH), the user gives the attribute of that factor, and the pool
 * auto-verifies it; the SignUp API reference (https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_SignUp.html)
 * marks Password "Required: No" since. Otherwise InvalidParameterException; AWS documents no message for it,
 * so `passwordRequired`'s words are inferred (docs/embedded-stack.md).
 *
 * Such a user has no password: once ConfirmSignUp confirms them, a password sign-in is refused as a wrong one,
 * and they sign in by ConfirmSignUp's Session, a mailed code or a passkey.
 */
export const PasswordlessSignUp =
  ({ cognito }: Pick<Services, 'cognito'>) =>
  (signUp: Route): Route =>
  async (ctx, req: SignUpRequest) => {
    if (req.Password !== undefined) return signUp(ctx, req);
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const client = await cognito.getAppClient(ctx, req.ClientId);
    if (!mayOmitPassword(userPool.options as PoolOptions, client, req)) throw new InvalidParameterError(COGNITO_ERRORS.passwordRequired.message);
    return signUp(ctx, req);
  };
