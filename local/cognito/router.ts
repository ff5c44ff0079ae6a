import { CognitoError } from 'cognito-local/lib/errors.js';
import { Router as CognitoLocalRouter, type Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { ConfirmSignUpVerifyingEmail } from './confirm-sign-up.js';
import { ResendConfirmationCode } from './resend-confirmation-code.js';
import { SECRET_HASH_OPERATIONS, requiringSecretHash } from './secret-hash.js';

/**
 * The texts real Cognito returns, where cognito-local words them differently. The
 * Authenticator shows these verbatim, so a test that reads the UI passes against
 * the emulator and against AWS alike.
 */
const REAL_COGNITO_MESSAGES: Record<string, string> = {
  CodeMismatchException: 'Invalid verification code provided, please try again.',
  UsernameExistsException: 'An account with the given email already exists.',
};

function withRealCognitoMessage(target: string, error: unknown): unknown {
  // cognito-local refuses a wrong password at sign-in with InvalidPasswordException; Cognito says
  // NotAuthorizedException, and keeps InvalidPasswordException for a password that breaks the policy.
  if (error instanceof CognitoError && error.code === 'InvalidPasswordException' && /InitiateAuth$/.test(target)) {
    return new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
  }
  if (error instanceof CognitoError) {
    const message = REAL_COGNITO_MESSAGES[error.code];
    if (message) return new CognitoError(error.code, message);
  }
  return error;
}

/** cognito-local's router, plus the operations and wording it lacks. */
export function emulatorRouter(services: Services) {
  const cognitoLocal = CognitoLocalRouter(services);
  const additions: Record<string, Route> = {
    ResendConfirmationCode: ResendConfirmationCode(services),
    ConfirmSignUp: ConfirmSignUpVerifyingEmail(services, cognitoLocal('ConfirmSignUp')),
  };
  return (target: string): Route => {
    const own = additions[target] ?? cognitoLocal(target);
    const route = SECRET_HASH_OPERATIONS.includes(target) ? requiringSecretHash(services, own) : own;
    return (ctx, req) => route(ctx, req).catch((error: unknown) => Promise.reject(withRealCognitoMessage(target, error)));
  };
}
