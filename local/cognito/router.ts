import { CognitoError } from 'cognito-local/lib/errors.js';
import { Router as CognitoLocalRouter, type Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { AdminCreateUserWithResend } from './admin-create-user.js';
import { AdminResetUserPassword, refusingResetRequired } from './admin-reset-user-password.js';
import { ChallengeSessions } from './challenge-sessions.js';
import { ChoiceBasedSignIn } from './choice-based-sign-in.js';
import { EmailMfa } from './email-mfa.js';
import { SignInCodes, type SignInChallenges } from './sign-in-codes.js';
import { ConfirmSignUpVerifyingEmail } from './confirm-sign-up.js';
import { SignInAfterSignUp, type SignUpSessions } from './sign-in-after-sign-up.js';
import { withMaskedDestinations } from '../../common/masked-destination.js';
import { COGNITO_ERRORS, type OperationName } from '../../common/cognito-operations.js';
import { CodeExpiry, TIMES_CODES } from './code-expiry.js';
import { KeptPoolSettings } from './kept-pool-settings.js';
import { PasswordPolicyCheck, SETS_A_PASSWORD } from './password-policy.js';
import { InitiateAuthCheckingTemporaryPassword, RespondToAuthChallengeKeepingRefreshToken, type NewPasswordSessions } from './new-password-challenge.js';
import { Passkeys, type PasskeyCeremonies } from './passkeys.js';
import { PasswordlessSignUp } from './passwordless-sign-up.js';
import { ResendConfirmationCode } from './resend-confirmation-code.js';
import { SECRET_HASH_OPERATIONS, requiringSecretHash } from './secret-hash.js';
import type { UserClocks } from './user-clocks.js';
import type { Quotas } from './quotas.js';
import type { AttemptLimits } from './attempt-limits.js';
import { InitiateAuthWithSrp, RespondToPasswordVerifier, checkingExplicitAuthFlows, type SrpSignIns } from './srp-auth.js';

/**
 * The texts real Cognito returns, where cognito-local words them differently. The
 * Authenticator shows these verbatim, so a test that reads the UI passes against
 * the emulator and against AWS alike.
 */
const REAL_COGNITO_MESSAGES: Record<string, string> = {
  'CodeMismatchException: Incorrect confirmation code': COGNITO_ERRORS.codeMismatch.message,
  'UsernameExistsException: User already exists': COGNITO_ERRORS.usernameExists.message,
};
const { incorrectPassword, invalidRefreshToken, userDoesNotExist } = COGNITO_ERRORS;

function withRealCognitoMessage(target: string, req: { AuthFlow?: string }, error: unknown): unknown {
  // cognito-local refuses a wrong password at sign-in with InvalidPasswordException; Cognito says
  // NotAuthorizedException, and keeps InvalidPasswordException for a password that breaks the policy.
  if (error instanceof CognitoError && error.code === 'InvalidPasswordException' && /InitiateAuth$/.test(target)) {
    return new CognitoError(incorrectPassword.name, incorrectPassword.message);
  }
  // cognito-local's bare "User not authorized": a sign-in name nobody has (a pool that prevents user-existence
  // errors, as new ones do, says no more than for a wrong password), or a refresh token nobody holds (a deleted user's).
  if (error instanceof CognitoError && error.code === 'NotAuthorizedException' && error.message === 'User not authorized' && /InitiateAuth$/.test(target)) {
    const refused = /^REFRESH_TOKEN/.test(req.AuthFlow ?? '') ? invalidRefreshToken : incorrectPassword;
    return new CognitoError(refused.name, refused.message);
  }
  // An access token whose user was deleted: Cognito answers UserNotFoundException "User does not exist."
  // (aws-amplify/aws-sdk-android#366); cognito-local says "User not found.".
  if (error instanceof CognitoError && error.code === 'UserNotFoundException' && target === 'GetUser') {
    return new CognitoError(userDoesNotExist.name, userDoesNotExist.message);
  }
  if (error instanceof CognitoError) {
    // Only cognito-local's own words: the emulator layer's errors already say what Cognito says.
    const message = REAL_COGNITO_MESSAGES[`${error.code}: ${error.message}`];
    if (message) return new CognitoError(error.code, message);
  }
  return error;
}

// Cognito masks where it sent a code (`c***@g***`); cognito-local names the whole address.
const speakingAsCognito =
  (target: string, route: Route): Route =>
  (ctx, req) =>
    route(ctx, req).then(withMaskedDestinations, (error: unknown) => Promise.reject(withRealCognitoMessage(target, req ?? {}, error)));

/**
 * cognito-local's router, plus the operations and wording it lacks. `clocks`: each user's time, which a story may move forward;
 * `quotas`: Cognito's request rates, checked before anything else, as AWS throttles a call before it looks at it;
 * `attempts`: each user's hourly budgets and sign-in lockout, checked once the call is known to be well formed and signed.
 */
export function emulatorRouter(services: Services, clocks: UserClocks, quotas: Pick<Quotas, 'limiting'>, attempts: Pick<AttemptLimits, 'budgeted' | 'lockingOut' | 'admitSignInCode'>) {
  const cognitoLocal = CognitoLocalRouter(services);
  const kept = KeptPoolSettings(services);
  const now = (username?: string) => clocks.now(username);
  const newPasswordSessions: NewPasswordSessions = new ChallengeSessions(now);
  const srpSignIns: SrpSignIns = new ChallengeSessions(now);
  const codes = new SignInCodes(services, new ChallengeSessions(now) as SignInChallenges, (poolId, username, address) => attempts.admitSignInCode(poolId, username, address));
  const emailMfa = EmailMfa(services, codes);
  // The password sign-in, which an SRP sign-in ends with once the password is proven; with email MFA, it asks for a mailed code first.
  const passwordSignIn = emailMfa.PasswordSignIn(InitiateAuthCheckingTemporaryPassword(services, newPasswordSessions, cognitoLocal('InitiateAuth')));
  const passkeys = Passkeys(services, new ChallengeSessions(now) as PasskeyCeremonies, new ChallengeSessions(now) as PasskeyCeremonies);
  const choiceBased = ChoiceBasedSignIn(services, codes, srpSignIns, passwordSignIn, passkeys);
  const afterSignUp = SignInAfterSignUp(services, new ChallengeSessions(now) as SignUpSessions, codes);
  // Keyed by the catalogue's names: an operation the emulator adds has a record (common/cognito-operations.ts).
  const additions: Partial<Record<OperationName, Route>> = {
    SignUp: withoutDeliveryWhenConfirmed(PasswordlessSignUp(services)(cognitoLocal('SignUp'))),
    ResendConfirmationCode: ResendConfirmationCode(services),
    ConfirmSignUp: afterSignUp.ConfirmSignUp(ConfirmSignUpVerifyingEmail(services, cognitoLocal('ConfirmSignUp'))),
    AdminCreateUser: AdminCreateUserWithResend(services, cognitoLocal('AdminCreateUser')),
    AdminResetUserPassword: AdminResetUserPassword(services),
    InitiateAuth: checkingExplicitAuthFlows(services, refusingResetRequired(services, InitiateAuthWithSrp(services, srpSignIns, afterSignUp.InitiateAuth(choiceBased.InitiateAuth(passwordSignIn))))),
    RespondToAuthChallenge: RespondToPasswordVerifier(
      services,
      srpSignIns,
      passwordSignIn,
      choiceBased.RespondToAuthChallenge(RespondToAuthChallengeKeepingRefreshToken(services, newPasswordSessions, cognitoLocal('RespondToAuthChallenge'))),
    ),
    CreateUserPool: kept.showing(kept.CreateUserPool(cognitoLocal('CreateUserPool'))),
    UpdateUserPool: kept.UpdateUserPool(cognitoLocal('UpdateUserPool')),
    DescribeUserPool: kept.showing(cognitoLocal('DescribeUserPool')),
    SetUserPoolMfaConfig: kept.SetUserPoolMfaConfig(cognitoLocal('SetUserPoolMfaConfig')),
    GetUserPoolMfaConfig: kept.GetUserPoolMfaConfig(cognitoLocal('GetUserPoolMfaConfig')),
    SetLogDeliveryConfiguration: kept.SetLogDeliveryConfiguration,
    GetLogDeliveryConfiguration: kept.GetLogDeliveryConfiguration,
    SetUserMFAPreference: emailMfa.SetUserMFAPreference(cognitoLocal('SetUserMFAPreference')),
    AdminSetUserMFAPreference: emailMfa.AdminSetUserMFAPreference(),
    StartWebAuthnRegistration: passkeys.StartWebAuthnRegistration,
    CompleteWebAuthnRegistration: passkeys.CompleteWebAuthnRegistration,
    ListWebAuthnCredentials: passkeys.ListWebAuthnCredentials,
    DeleteWebAuthnCredential: passkeys.DeleteWebAuthnCredential,
  };
  const passwordPolicy = PasswordPolicyCheck(services);
  const codeExpiry = new CodeExpiry(services, clocks);
  return (target: string): Route => {
    const found = additions[target as OperationName] ?? cognitoLocal(target);
    const timed = TIMES_CODES.includes(target) ? codeExpiry.wrap(target, found) : found;
    const own = attempts.budgeted(target, SETS_A_PASSWORD.includes(target) ? passwordPolicy(target, timed) : timed);
    // The lockout reads the refusal of a wrong password in Cognito's words, so it wraps them.
    return quotas.limiting(target, attempts.lockingOut(target, speakingAsCognito(target, SECRET_HASH_OPERATIONS.includes(target) ? requiringSecretHash(services, own) : own)));
  };
}

/**
 * SignUp, saying no code went out when a PreSignUp trigger confirmed the user
 * (UserConfirmed): cognito-local names the address anyway, and the emulator
 * mails nothing then (see VerificationMessages), as Cognito mails nothing.
 */
function withoutDeliveryWhenConfirmed(signUp: Route): Route {
  return async (ctx, req) => {
    const answer = (await signUp(ctx, req)) as { UserConfirmed?: boolean; CodeDeliveryDetails?: unknown };
    if (!answer.UserConfirmed) return answer;
    const { CodeDeliveryDetails: _none, ...confirmed } = answer;
    return confirmed;
  };
}

/** ConfirmSignUp as a mailed confirmUser link runs it: without SECRET_HASH, which a link cannot carry. */
export function linkConfirmSignUp(services: Services): Route {
  return speakingAsCognito('ConfirmSignUp', ConfirmSignUpVerifyingEmail(services, CognitoLocalRouter(services)('ConfirmSignUp')));
}
