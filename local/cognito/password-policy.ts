import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { COGNITO_ERRORS, operation, type PasswordSettingOperation } from '../../common/cognito-operations.js';
import { policyViolation } from '../../common/password-policy.js';
import type { PasswordPolicy } from '../../common/random-password.js';
import { poolOfRequest } from './request-pool.js';

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

/** The password each operation sets, where it sets one: one entry for each operation whose record has a passwordRefusal. */
const PASSWORD_OF: Record<PasswordSettingOperation, (req: PasswordRequest) => string | undefined> = {
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
  (name: string, route: Route): Route =>
  async (ctx, req: PasswordRequest) => {
    const password = Object.hasOwn(PASSWORD_OF, name) ? PASSWORD_OF[name as PasswordSettingOperation](req) : undefined;
    if (password === undefined) return route(ctx, req);
    const pool = await poolOfRequest(services, ctx, req);
    const policy = (pool?.options as { Policies?: { PasswordPolicy?: PasswordPolicy } } | undefined)?.Policies?.PasswordPolicy;
    const broken = pool && policyViolation(password, policy);
    // How each operation words the refusal (its record's passwordRefusal), then the rule broken.
    if (broken) throw new CognitoError(COGNITO_ERRORS.passwordPolicy.name, `${operation(name)?.passwordRefusal}: ${broken}`);
    return route(ctx, req);
  };
