import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { policyViolation } from '../../common/password-policy.js';
import type { PasswordPolicy } from '../../common/random-password.js';
import { poolOfRequest } from './request-pool.js';

/**
 * How each operation words the refusal, as Cognito's own answers read in
 * public reports: the sign-up "did not conform with policy", an administrator's
 * password "did not conform with password policy", a changed or reset one "does not conform to policy".
 */
const WORDING: Record<string, string> = {
  SignUp: 'Password did not conform with policy',
  AdminCreateUser: 'Password did not conform with password policy',
  AdminSetUserPassword: 'Password did not conform with password policy',
  ChangePassword: 'Password does not conform to policy',
  ConfirmForgotPassword: 'Password does not conform to policy',
  RespondToAuthChallenge: 'Password does not conform to policy',
};

type PasswordRequest = {
  UserPoolId?: string;
  ClientId?: string;
  AccessToken?: string;
  Password?: string;
  TemporaryPassword?: string;
  ProposedPassword?: string;
  ChallengeName?: string;
  ChallengeResponses?: { NEW_PASSWORD?: string };
};

/** The password each operation sets, where it sets one. */
const PASSWORD_OF: Record<string, (req: PasswordRequest) => string | undefined> = {
  SignUp: (req) => req.Password,
  AdminCreateUser: (req) => req.TemporaryPassword,
  AdminSetUserPassword: (req) => req.Password,
  ChangePassword: (req) => req.ProposedPassword,
  ConfirmForgotPassword: (req) => req.Password,
  RespondToAuthChallenge: (req) => (req.ChallengeName === 'NEW_PASSWORD_REQUIRED' ? req.ChallengeResponses?.NEW_PASSWORD : undefined),
};

export const SETS_A_PASSWORD = Object.keys(PASSWORD_OF);

/**
 * The pool's password policy, enforced where a password is set (cognito-local
 * enforces none): SignUp, AdminCreateUser's temporary password,
 * AdminSetUserPassword, ChangePassword, ConfirmForgotPassword and the new
 * password of NEW_PASSWORD_REQUIRED. A password that breaks a rule gets
 * InvalidPasswordException in Cognito's words, and the operation does nothing:
 * no user, no mail, no change.
 */
export const PasswordPolicyCheck =
  (services: Pick<Services, 'cognito'>) =>
  (operation: string, route: Route): Route =>
  async (ctx, req: PasswordRequest) => {
    const password = PASSWORD_OF[operation]?.(req);
    if (password === undefined) return route(ctx, req);
    const pool = await poolOfRequest(services, ctx, req);
    const policy = (pool?.options as { Policies?: { PasswordPolicy?: PasswordPolicy } } | undefined)?.Policies?.PasswordPolicy;
    const broken = pool && policyViolation(password, policy);
    if (broken) throw new CognitoError('InvalidPasswordException', `${WORDING[operation]}: ${broken}`);
    return route(ctx, req);
  };
