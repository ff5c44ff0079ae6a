import type { QuotaCategory } from './cognito-quotas.js';

/**
 * The operation catalogue: what the suite knows of each Cognito operation it
 * calls or the embedded stack answers, one record each. The mail it causes
 * and the code in it, the code it takes, its quota category, whether its
 * answer names where the code went, and Cognito's own words for its errors.
 * The emulator (code expiry, quotas, password policy, SECRET_HASH), the inbox
 * (how each kind of mail is read), the diagnosis of a missing mail and the
 * doctor all read these records; none keeps a table of its own.
 * tests/unit/cognito-operations.spec.ts fails when the emulator answers an
 * operation without a record, and the compiler when a flow names one.
 */

const HOUR = 3_600_000;

/**
 * Why Cognito mails, in its own words: a CustomMessage trigger's
 * `CustomMessage_<source>`, and cognito-local's message source. `Authentication`
 * is a code at sign-in (passwordless, or email MFA).
 */
export type TriggerSource = 'SignUp' | 'ResendCode' | 'ForgotPassword' | 'AdminCreateUser' | 'UpdateUserAttribute' | 'VerifyUserAttribute' | 'Authentication';

/**
 * The kinds of mail the suite tells apart when it reads one: each has its own
 * CODE_IN_* setting for teams whose CustomMessage trigger writes branded mail.
 * Not the trigger source: a password reset's resend is a ForgotPassword mail
 * again, and both attribute sources are one kind.
 */
export const MAIL_KINDS = {
  signUp: { words: 'sign-up', codeRule: 'CODE_IN_SIGN_UP_MAIL', carries: 'verification code' },
  resend: { words: 'resent code', codeRule: 'CODE_IN_RESEND_MAIL', carries: 'verification code' },
  passwordReset: { words: 'password reset', codeRule: 'CODE_IN_PASSWORD_RESET_MAIL', carries: 'verification code' },
  invitation: { words: 'invitation', codeRule: 'CODE_IN_INVITATION_MAIL', carries: 'temporary password' },
  attributeVerification: { words: 'email change', codeRule: 'CODE_IN_ATTRIBUTE_MAIL', carries: 'verification code' },
  signInCode: { words: 'sign-in code', codeRule: 'CODE_IN_SIGN_IN_MAIL', carries: 'sign-in code' },
} as const satisfies Record<string, { words: string; codeRule: string; carries: 'verification code' | 'temporary password' | 'sign-in code' }>;

export type MailKind = keyof typeof MAIL_KINDS;

/**
 * What a mailed code is for, which sets how long it lives (Cognito's developer
 * guide): a sign-up (or resent) code and an attribute code 24 hours, a
 * password-reset code 1 hour; a sign-in code as long as its challenge's
 * session (the app client's AuthSessionValidity, 3 to 15 minutes).
 */
export const CODE_KINDS = {
  signUp: { validityMs: 24 * HOUR },
  attribute: { validityMs: 24 * HOUR },
  passwordReset: { validityMs: HOUR },
  signIn: { validityMs: 'the session' },
} as const satisfies Record<string, { validityMs: number | 'the session' }>;

export type CodeKind = keyof typeof CODE_KINDS;
/** The kinds whose codes live a fixed time, which the emulator times itself (a sign-in code dies with its session). */
export type TimedCodeKind = { [K in CodeKind]: (typeof CODE_KINDS)[K]['validityMs'] extends number ? K : never }[CodeKind];

/**
 * How many digits a sign-in code has. Cognito's documentation does not say;
 * Amplify's maintainers report eight for passwordless sign-in codes, and MFA
 * codes have six, as sign-up codes do.
 */
export const SIGN_IN_CODE_DIGITS = { first: 8, mfa: 6 } as const;

/**
 * Sign-in code mails per hour: the quotas page's security table gives email
 * MFA "5-20 messages per hour per email address per requester IP" (the low
 * end here). AWS documents nothing of its own for a code mailed as the first
 * factor (EMAIL_OTP, passwordless); it is the same mail from the same
 * template, so it follows email MFA's budget.
 */
export const SIGN_IN_CODE_MAILS_PER_HOUR = 5;

/** Cognito's answers in its own words, as its API and public reports give them; each operation's record names those it gives. */
export const COGNITO_ERRORS = {
  rateExceeded: { name: 'TooManyRequestsException', message: 'Rate exceeded' },
  dailyEmailLimit: {
    name: 'LimitExceededException',
    message:
      'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
  },
  codeMismatch: { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' },
  expiredCode: { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' },
  signInCodeMismatch: { name: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' },
  usernameExists: { name: 'UsernameExistsException', message: 'An account with the given email already exists.' },
  incorrectPassword: { name: 'NotAuthorizedException', message: 'Incorrect username or password.' },
  invalidRefreshToken: { name: 'NotAuthorizedException', message: 'Invalid Refresh Token.' },
  // A challenge's or a sign-up's Session that Cognito did not issue, was used already, or is another user's or client's
  // (aws-amplify/amplify-js#10959: "NotAuthorizedException: Invalid session for the user."); and one past the client's AuthSessionValidity.
  invalidSession: { name: 'NotAuthorizedException', message: 'Invalid session for the user.' },
  expiredSession: { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' },
  // Cognito's page behind a confirmation link, opened again once the user is confirmed (aws-amplify/amplify-js#3595).
  alreadyConfirmed: { name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' },
  userDoesNotExist: { name: 'UserNotFoundException', message: 'User does not exist.' },
  /**
   * A SignUp without a password where passwordless sign-up does not apply (local/cognito/passwordless-sign-up.ts).
   * AWS documents the exception, not its words: inferred.
   */
  passwordRequired: { name: 'InvalidParameterException', message: 'Password is required unless the user pool and app client allow passwordless sign-in with an auto-verified attribute.' },
  /** A password reset (ForgotPassword, AdminResetUserPassword) for a user with no verified email or phone number. */
  noVerifiedContact: { name: 'InvalidParameterException', message: 'Cannot reset password for the user as there is no registered/verified email or phone_number' },
  /** A sign-in of a user an admin's reset left RESET_REQUIRED. */
  passwordResetRequired: { name: 'PasswordResetRequiredException', message: 'Password reset required for the user' },
  /** Its message is the operation's `passwordRefusal`, a colon, and the rule broken. */
  passwordPolicy: { name: 'InvalidPasswordException', message: '<passwordRefusal>: <rule>' },
  /** Its message names the client: "Client <id> is configured with secret but SECRET_HASH was not received". */
  secretHashMissing: { name: 'NotAuthorizedException', message: 'Client <id> is configured with secret but SECRET_HASH was not received' },
  secretHashWrong: { name: 'NotAuthorizedException', message: 'Unable to verify secret hash for client <id>' },
  /** Over an operation's hourly budget for one user (`perUserHourly`), or a sign-in code mail's. */
  attemptLimit: { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' },
  // Passkeys (WebAuthn). AWS's API reference names each exception and says when it is thrown, never its message: the
  // messages below restate those descriptions (https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/CommonErrors.html
  // and each operation's Errors section), inferred; see docs/embedded-stack.md.
  webAuthnNotEnabled: { name: 'WebAuthnNotEnabledException', message: 'Passkey sign-in is not enabled for this user pool: its AllowedFirstAuthFactors lack WEB_AUTHN.' },
  webAuthnConfigurationMissing: { name: 'WebAuthnConfigurationMissingException', message: 'The user pool has no WebAuthn relying party ID (SetUserPoolMfaConfig WebAuthnConfiguration).' },
  webAuthnOriginNotAllowed: { name: 'WebAuthnOriginNotAllowedException', message: "The passkey credential's origin does not align with the user pool relying party ID." },
  webAuthnRelyingPartyMismatch: { name: 'WebAuthnRelyingPartyMismatchException', message: 'The passkey credential is associated with a different relying party ID than the user pool relying party ID.' },
  webAuthnChallengeNotFound: { name: 'WebAuthnChallengeNotFoundException', message: 'No passkey registration was started for this user, or it expired.' },
  webAuthnClientMismatch: { name: 'WebAuthnClientMismatchException', message: 'The access token is for a different client than the one in the original StartWebAuthnRegistration request.' },
  passkeyLimit: { name: 'LimitExceededException', message: 'The user has the maximum of 20 passkeys.' },
  passkeyNotFound: { name: 'ResourceNotFoundException', message: 'No passkey credential with that ID for this user.' },
  /** A passkey sign-in with a credential the user does not hold: deleted, another user's, or a deleted account's. */
  passkeyRefused: { name: 'NotAuthorizedException', message: 'The passkey credential is not registered for this user.' },
  /** A sign-in during the lockout that failed passwords earn. */
  passwordAttemptsExceeded: { name: 'NotAuthorizedException', message: 'Password attempts exceeded' },
} as const satisfies Record<string, { name: string; message: string }>;

export type CognitoErrorKey = keyof typeof COGNITO_ERRORS;

/** One Cognito operation, as far as the suite and the embedded stack know it. */
export interface OperationRecord {
  /**
   * The category AWS counts it in ("Quotas in Amazon Cognito"), whose rate
   * the emulator enforces; absent where AWS lists it in none, or where this
   * catalogue has not recorded AWS's (the emulator then does not limit it).
   */
  quota?: QuotaCategory;
  /**
   * How many requests one user may make in an hour, wrong or right, before
   * Cognito answers `attemptLimit`: the security table of "Quotas in Amazon
   * Cognito" (per user, per hour; the low end where it gives a range).
   */
  perUserHourly?: number;
  /** The mail it causes, if any. */
  mail?: {
    kind: MailKind;
    source: TriggerSource;
    /** What the mail brings, in words for a person. */
    brings: string;
    /** Only some calls mail (a sign-in answered with a code's challenge): when. Absent: every call Cognito accepts mails. */
    when?: string;
    /** Whether the answer names where the mail went (CodeDeliveryDetails, or its List): an invitation's does not. */
    deliveryDetails: boolean;
    /** The code in it, where it mails one (an invitation mails a temporary password). */
    code?: { kind: CodeKind; digits: readonly number[] };
  };
  /** The kind of code it takes. */
  takesCode?: CodeKind;
  /** On an app client with a secret, Cognito refuses it without SECRET_HASH. */
  secretHash?: true;
  /** It sets a password, checked against the pool's policy: Cognito's words before the rule broken (`passwordPolicy`). */
  passwordRefusal?: string;
  /** The errors in Cognito's words it gives beyond `rateExceeded` (any call with a quota), `dailyEmailLimit` (any that mails), `attemptLimit` (any with `perUserHourly`, or mailing sign-in codes) and the ones the fields above imply. */
  errors?: readonly CognitoErrorKey[];
}

const VERIFICATION_DIGITS = [6] as const;

/** The catalogue: every operation the suite calls or the embedded stack answers, and the few more AWS's tables name. */
export const OPERATIONS = {
  // Signing up and confirming.
  SignUp: {
    quota: 'UserCreation',
    mail: { kind: 'signUp', source: 'SignUp', brings: 'a sign-up verification code', deliveryDetails: true, code: { kind: 'signUp', digits: VERIFICATION_DIGITS } },
    secretHash: true,
    passwordRefusal: 'Password did not conform with policy',
    errors: ['usernameExists', 'passwordRequired'],
  },
  ResendConfirmationCode: {
    // Where one would not guess: AWS counts a resend as a read.
    quota: 'UserResourceRead',
    // Quotas page, security table: "ResendConfirmationCode: 5 requests per hour per user".
    perUserHourly: 5,
    mail: { kind: 'resend', source: 'ResendCode', brings: 'a new sign-up verification code', deliveryDetails: true, code: { kind: 'signUp', digits: VERIFICATION_DIGITS } },
    secretHash: true,
  },
  // Quotas page, security table: "ConfirmSignUp: 15 requests per hour per user".
  ConfirmSignUp: { quota: 'UserCreation', perUserHourly: 15, takesCode: 'signUp', secretHash: true },
  AdminConfirmSignUp: { quota: 'UserCreation' },

  // Recovering an account.
  ForgotPassword: {
    quota: 'UserAccountRecovery',
    // Quotas page, security table: forgot password "5-20 requests per hour per user", depending on risk: the low end.
    perUserHourly: 5,
    mail: { kind: 'passwordReset', source: 'ForgotPassword', brings: 'a password reset code', deliveryDetails: true, code: { kind: 'passwordReset', digits: VERIFICATION_DIGITS } },
    secretHash: true,
    errors: ['noVerifiedContact'],
  },
  // AWS mails the code "the same way as for ForgotPassword" and names no trigger source of its own: CustomMessage_ForgotPassword is inferred.
  // Its answer is empty. The user's next sign-in is refused until ConfirmForgotPassword takes the code.
  AdminResetUserPassword: {
    quota: 'UserAccountRecovery',
    mail: { kind: 'passwordReset', source: 'ForgotPassword', brings: 'a password reset code', deliveryDetails: false, code: { kind: 'passwordReset', digits: VERIFICATION_DIGITS } },
    errors: ['noVerifiedContact'],
  },
  // Quotas page, security table: confirm forgot password "5-20 requests per hour per user", depending on risk: the low end.
  ConfirmForgotPassword: { quota: 'UserAccountRecovery', perUserHourly: 5, takesCode: 'passwordReset', secretHash: true, passwordRefusal: 'Password does not conform to policy' },
  // Quotas page, security table: "ChangePassword: 5 requests per hour per user".
  ChangePassword: { quota: 'UserAccountRecovery', perUserHourly: 5, passwordRefusal: 'Password does not conform to policy' },
  AdminSetUserPassword: { quota: 'UserAccountRecovery', passwordRefusal: 'Password did not conform with password policy' },

  // Inviting a user: an administrator creates them, and Cognito mails a temporary password.
  AdminCreateUser: {
    quota: 'UserCreation',
    mail: { kind: 'invitation', source: 'AdminCreateUser', brings: 'an invitation with a temporary password', deliveryDetails: false },
    passwordRefusal: 'Password did not conform with password policy',
  },

  // Changing and verifying an attribute (the email address).
  UpdateUserAttributes: {
    quota: 'UserUpdate',
    mail: {
      kind: 'attributeVerification',
      source: 'UpdateUserAttribute',
      brings: 'a code to verify a changed email address',
      deliveryDetails: true,
      code: { kind: 'attribute', digits: VERIFICATION_DIGITS },
    },
  },
  GetUserAttributeVerificationCode: {
    quota: 'UserResourceRead',
    // Quotas page, security table: "GetUserAttributeVerificationCode: 5 requests per hour per user".
    perUserHourly: 5,
    mail: {
      kind: 'attributeVerification',
      source: 'VerifyUserAttribute',
      brings: 'a new code to verify an email address',
      deliveryDetails: true,
      code: { kind: 'attribute', digits: VERIFICATION_DIGITS },
    },
  },
  // Quotas page, security table: "VerifyUserAttribute: 15 requests per hour per user".
  VerifyUserAttribute: { quota: 'UserUpdate', perUserHourly: 15, takesCode: 'attribute' },
  AdminUpdateUserAttributes: { quota: 'UserUpdate' },

  // Signing in: a mailed code as the first factor (passwordless, InitiateAuth's EMAIL_OTP) or the second (email MFA, after the password).
  InitiateAuth: {
    quota: 'UserAuthentication',
    mail: {
      kind: 'signInCode',
      source: 'Authentication',
      brings: 'a sign-in code',
      when: "when Cognito answers with the EMAIL_OTP challenge (a passwordless sign-in, or email MFA after the user's password)",
      deliveryDetails: false,
      code: { kind: 'signIn', digits: [SIGN_IN_CODE_DIGITS.first, SIGN_IN_CODE_DIGITS.mfa] },
    },
    secretHash: true,
    errors: ['incorrectPassword', 'passwordAttemptsExceeded', 'invalidRefreshToken', 'passwordResetRequired', 'invalidSession', 'expiredSession'],
  },
  RespondToAuthChallenge: {
    // Challenge answers have their own allowance, three times UserAuthentication's.
    quota: 'UserAuthenticationChallenges',
    mail: {
      kind: 'signInCode',
      source: 'Authentication',
      brings: 'a sign-in code',
      when: "when Cognito answers with the EMAIL_OTP challenge (email MFA, once SRP has proven the password)",
      deliveryDetails: false,
      code: { kind: 'signIn', digits: [SIGN_IN_CODE_DIGITS.mfa] },
    },
    takesCode: 'signIn',
    passwordRefusal: 'Password does not conform to policy',
    errors: ['incorrectPassword', 'passwordAttemptsExceeded', 'signInCodeMismatch', 'passkeyRefused', 'webAuthnOriginNotAllowed', 'webAuthnRelyingPartyMismatch'],
  },
  AdminInitiateAuth: { quota: 'UserAuthentication' },
  AdminRespondToAuthChallenge: { quota: 'UserAuthenticationChallenges' },
  RevokeToken: { quota: 'UserToken' },
  GlobalSignOut: { quota: 'UserUpdate' },
  AdminUserGlobalSignOut: { quota: 'UserUpdate' },
  SetUserMFAPreference: { quota: 'UserResourceUpdate' },
  AdminSetUserMFAPreference: { quota: 'UserResourceUpdate' },
  // Passkeys, which a signed-in user registers (start, then complete with the browser's credential), lists and removes.
  // AWS lists them in no quota category. At sign-in a passkey is InitiateAuth's WEB_AUTHN challenge (USER_AUTH).
  // https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_StartWebAuthnRegistration.html
  StartWebAuthnRegistration: { errors: ['webAuthnNotEnabled', 'webAuthnConfigurationMissing', 'passkeyLimit'] },
  // https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
  CompleteWebAuthnRegistration: {
    errors: ['webAuthnNotEnabled', 'webAuthnConfigurationMissing', 'webAuthnChallengeNotFound', 'webAuthnClientMismatch', 'webAuthnOriginNotAllowed', 'webAuthnRelyingPartyMismatch', 'passkeyLimit'],
  },
  // https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_ListWebAuthnCredentials.html
  ListWebAuthnCredentials: {},
  // https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
  DeleteWebAuthnCredential: { errors: ['passkeyNotFound'] },
  AssociateSoftwareToken: {},
  VerifySoftwareToken: {},

  // Reading, changing and deleting users.
  GetUser: { quota: 'UserRead', errors: ['userDoesNotExist'] },
  AdminGetUser: { quota: 'UserRead' },
  ListUsers: { quota: 'UserList' },
  ListUsersInGroup: {},
  DeleteUser: { quota: 'UserUpdate' },
  AdminDeleteUser: { quota: 'UserUpdate' },
  AdminDisableUser: { quota: 'UserUpdate' },
  AdminEnableUser: { quota: 'UserUpdate' },
  AdminDeleteUserAttributes: { quota: 'UserUpdate' },
  DeleteUserAttributes: {},

  // Groups.
  CreateGroup: {},
  GetGroup: {},
  UpdateGroup: {},
  DeleteGroup: {},
  ListGroups: {},
  AdminAddUserToGroup: {},
  AdminRemoveUserFromGroup: {},
  AdminListGroupsForUser: {},

  // Pools and app clients.
  CreateUserPool: { quota: 'UserPoolUpdate' },
  UpdateUserPool: { quota: 'UserPoolUpdate' },
  DeleteUserPool: { quota: 'UserPoolUpdate' },
  DescribeUserPool: { quota: 'UserPoolRead' },
  ListUserPools: { quota: 'UserPoolRead' },
  AddCustomAttributes: {},
  GetUserPoolMfaConfig: { quota: 'UserPoolResourceRead' },
  SetUserPoolMfaConfig: { quota: 'UserPoolResourceUpdate' },
  // AWS lists these two in no category.
  GetLogDeliveryConfiguration: {},
  SetLogDeliveryConfiguration: {},
  CreateUserPoolClient: { quota: 'UserPoolClientUpdate' },
  UpdateUserPoolClient: { quota: 'UserPoolClientUpdate' },
  DeleteUserPoolClient: { quota: 'UserPoolClientUpdate' },
  DescribeUserPoolClient: { quota: 'UserPoolClientRead' },
  ListUserPoolClients: { quota: 'UserPoolClientRead' },
} as const satisfies Record<string, OperationRecord>;

export type OperationName = keyof typeof OPERATIONS;
/** The operations that set a password, which the pool's policy must allow. */
export type PasswordSettingOperation = { [K in OperationName]: (typeof OPERATIONS)[K] extends { passwordRefusal: string } ? K : never }[OperationName];

const records = OPERATIONS as Readonly<Record<string, OperationRecord>>;

/** An operation's record; undefined for one the catalogue does not know. */
export const operation = (name: string): OperationRecord | undefined => (Object.hasOwn(records, name) ? records[name] : undefined);

/** Whether a name is an operation of the catalogue. */
export const isOperationName = (name: string): name is OperationName => Object.hasOwn(records, name);

/** Every operation of the catalogue, in its order. */
export const OPERATION_NAMES = Object.keys(OPERATIONS) as readonly OperationName[];

/** The operations whose record passes `test`, in the catalogue's order. */
export const operationsWhere = (test: (record: OperationRecord) => boolean): OperationName[] => OPERATION_NAMES.filter((name) => test(records[name] as OperationRecord));

/** The category AWS counts an operation in; undefined for one in none, or not recorded. */
export const categoryOf = (name: string): QuotaCategory | undefined => operation(name)?.quota;

const mailsEveryTime = (record: OperationRecord | undefined): boolean => !!record?.mail && !record.mail.when;
/** Whether every call Cognito accepts mails (SignUp …); a sign-in mails only when it answers with a code's challenge. */
export const alwaysMails = (name: string): boolean => mailsEveryTime(operation(name));
/** The operations every accepted call of which mails. */
export const ALWAYS_MAILING: readonly OperationName[] = operationsWhere(mailsEveryTime);

/** The kind of mail an operation causes, when it causes one. */
export const mailKindOf = (name: string): MailKind | undefined => operation(name)?.mail?.kind;

/** The kind of a code an operation mails that lives a fixed time (the emulator times it), or undefined. */
export function timedCodeIssuedBy(name: string): TimedCodeKind | undefined {
  const kind = operation(name)?.mail?.code?.kind;
  return kind && typeof CODE_KINDS[kind].validityMs === 'number' ? (kind as TimedCodeKind) : undefined;
}

/** The kind of a code an operation takes that lives a fixed time, or undefined. */
export function timedCodeTakenBy(name: string): TimedCodeKind | undefined {
  const kind = operation(name)?.takesCode;
  return kind && typeof CODE_KINDS[kind].validityMs === 'number' ? (kind as TimedCodeKind) : undefined;
}

/** How long a code of this kind is valid, in ms. */
export const codeValidityMs = (kind: TimedCodeKind): number => CODE_KINDS[kind].validityMs;

/** Whether a code of this kind, issued at `issuedAt`, has expired at `now` (both in the user's time): valid up to and including its last millisecond. */
export const hasExpired = (kind: TimedCodeKind, issuedAt: number, now: number): boolean => now > issuedAt + codeValidityMs(kind);

/** The digits of the codes a kind of mail carries, shortest first: every operation that mails that kind, together. */
export function codeDigitsOf(kind: MailKind): number[] {
  const digits = Object.values(records).flatMap((r) => (r.mail?.kind === kind ? (r.mail.code?.digits ?? []) : []));
  return [...new Set(digits)].sort((a, b) => a - b);
}

/** The trigger source a sample of each kind of mail is written with: the first operation's that mails it. */
export function triggerSourceOf(kind: MailKind): TriggerSource {
  const found = Object.values(records).find((r) => r.mail?.kind === kind)?.mail;
  if (!found) throw new Error(`No operation of the catalogue mails a ${MAIL_KINDS[kind].words} mail`);
  return found.source;
}

/** The kinds of mail that carry a verification code, written with the pool's verification template when no trigger writes them. */
export type VerificationMailKind = { [K in MailKind]: (typeof MAIL_KINDS)[K]['carries'] extends 'verification code' ? K : never }[MailKind];
export const VERIFICATION_MAIL_KINDS = (Object.keys(MAIL_KINDS) as MailKind[]).filter(
  (k): k is VerificationMailKind => MAIL_KINDS[k].carries === 'verification code',
) as readonly VerificationMailKind[];

/** Each kind of mail's setting for where its code stands (CODE_IN_*_MAIL). */
export const codeRuleVariable = (kind: MailKind): string => MAIL_KINDS[kind].codeRule;

/** Each kind of mail in words, for messages. */
export const mailKindWords = (kind: MailKind): string => MAIL_KINDS[kind].words;
