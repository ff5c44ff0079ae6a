// The operation catalogue: its records against AWS's documented facts (quotas,
// code lifetimes, Cognito's words), and its completeness: every operation the
// emulator answers or the suite calls through the SDK has a record. The facts
// are compared with literal values from AWS's pages, never with the module's own.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Targets } from 'cognito-local/lib/targets/targets.js';
import {
  ALWAYS_MAILING,
  COGNITO_ERRORS,
  MAIL_KINDS,
  OPERATIONS,
  VERIFICATION_MAIL_KINDS,
  categoryOf,
  codeDigitsOf,
  hasExpired,
  isOperationName,
  mailKindOf,
  operation,
  operationsWhere,
  timedCodeIssuedBy,
  timedCodeTakenBy,
  triggerSourceOf,
  type MailKind,
} from '../../common/cognito-operations';
import { CATEGORY_RPS } from '../../common/cognito-quotas';

const HOUR = 3_600_000;

test.describe('completeness', () => {
  test('every operation cognito-local answers has a record (the emulator adds its own by the catalogue\'s names, checked by the compiler)', () => {
    expect(Object.keys(Targets).filter((name) => !isOperationName(name))).toEqual([]);
  });

  test("every Cognito command the suite's own code sends has a record", () => {
    const sent = new Set<string>();
    const sourceFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
      );
    for (const file of ['common', 'config', 'fixtures', 'flows', 'helpers', 'pages', 'tools'].flatMap(sourceFiles)) {
      const text = readFileSync(file, 'utf8');
      for (const imported of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/client-cognito-identity-provider'/g)) {
        for (const name of (imported[1] as string).matchAll(/\b(\w+)Command\b/g)) sent.add(name[1] as string);
      }
    }
    expect(sent.size, 'the scan found the suite\'s commands').toBeGreaterThan(10);
    expect([...sent].filter((name) => !isOperationName(name))).toEqual([]);
  });

  test('every kind of mail is mailed by some operation, and each mailing operation names its trigger source', () => {
    for (const kind of Object.keys(MAIL_KINDS) as MailKind[]) expect(operationsWhere((r) => r.mail?.kind === kind), kind).not.toEqual([]);
    expect(triggerSourceOf('attributeVerification'), 'the first operation that mails it').toBe('UpdateUserAttribute');
    expect(triggerSourceOf('signInCode')).toBe('Authentication');
  });
});

test.describe('the mail each operation causes', () => {
  test('the operations that mail on every call, and what they bring', () => {
    expect(ALWAYS_MAILING).toEqual([
      'SignUp',
      'ResendConfirmationCode',
      'ForgotPassword',
      'AdminResetUserPassword',
      'AdminCreateUser',
      'UpdateUserAttributes',
      'GetUserAttributeVerificationCode',
    ]);
    expect(operation('SignUp')?.mail?.brings).toBe('a sign-up verification code');
    expect(operation('AdminCreateUser')?.mail?.brings).toBe('an invitation with a temporary password');
    expect(operation('InitiateAuth')?.mail?.when, 'a sign-in mails only with a code challenge').toContain('EMAIL_OTP');
    expect(operation('ConfirmSignUp')?.mail).toBeUndefined();
  });

  test("the kind of mail follows from the operation, as a CustomMessage trigger's source tells them apart", () => {
    expect(['SignUp', 'ResendConfirmationCode', 'ForgotPassword', 'AdminResetUserPassword'].map(mailKindOf)).toEqual(['signUp', 'resend', 'passwordReset', 'passwordReset']);
    expect(['UpdateUserAttributes', 'GetUserAttributeVerificationCode'].map((o) => [mailKindOf(o), operation(o)?.mail?.source])).toEqual([
      ['attributeVerification', 'UpdateUserAttribute'],
      ['attributeVerification', 'VerifyUserAttribute'],
    ]);
    expect(['AdminCreateUser', 'InitiateAuth', 'RespondToAuthChallenge'].map(mailKindOf)).toEqual(['invitation', 'signInCode', 'signInCode']);
    expect(VERIFICATION_MAIL_KINDS).toEqual(['signUp', 'resend', 'passwordReset', 'attributeVerification']);
  });

  test('an invitation and AdminResetUserPassword answer without CodeDeliveryDetails; the code mails name where they went', () => {
    expect(operationsWhere((r) => r.mail?.deliveryDetails === false && !r.mail.when)).toEqual(['AdminResetUserPassword', 'AdminCreateUser']);
  });

  test('codes have six digits; a passwordless sign-in code eight, an email MFA code six', () => {
    expect(codeDigitsOf('signUp')).toEqual([6]);
    expect(codeDigitsOf('passwordReset')).toEqual([6]);
    expect(codeDigitsOf('signInCode')).toEqual([6, 8]);
    expect(codeDigitsOf('invitation'), 'a temporary password is not a code').toEqual([]);
  });

  test('each kind of mail has its own CODE_IN_* setting', () => {
    expect(Object.fromEntries(Object.entries(MAIL_KINDS).map(([kind, record]) => [kind, record.codeRule]))).toEqual({
      signUp: 'CODE_IN_SIGN_UP_MAIL',
      resend: 'CODE_IN_RESEND_MAIL',
      passwordReset: 'CODE_IN_PASSWORD_RESET_MAIL',
      invitation: 'CODE_IN_INVITATION_MAIL',
      attributeVerification: 'CODE_IN_ATTRIBUTE_MAIL',
      signInCode: 'CODE_IN_SIGN_IN_MAIL',
    });
  });
});

test.describe('codes and their lifetimes', () => {
  test('a sign-up or resent code lasts 24 hours, an attribute code 24 hours, a reset code 1 hour: valid to the last millisecond, not after', () => {
    expect([hasExpired('signUp', 0, 24 * HOUR), hasExpired('signUp', 0, 24 * HOUR + 1)]).toEqual([false, true]);
    expect([hasExpired('attribute', 0, 24 * HOUR), hasExpired('attribute', 0, 24 * HOUR + 1)]).toEqual([false, true]);
    expect([hasExpired('passwordReset', 0, HOUR), hasExpired('passwordReset', 0, HOUR + 1)]).toEqual([false, true]);
    expect(hasExpired('passwordReset', 5 * HOUR, 5 * HOUR + 59 * 60_000), 'timed from its own issue').toBe(false);
  });

  test('which operations mail a timed code of each kind and which take it; a sign-in code dies with its session instead', () => {
    const issues = Object.fromEntries(operationsWhere(() => true).flatMap((name) => (timedCodeIssuedBy(name) ? [[name, timedCodeIssuedBy(name)]] : [])));
    expect(issues).toEqual({
      SignUp: 'signUp',
      ResendConfirmationCode: 'signUp',
      ForgotPassword: 'passwordReset',
      AdminResetUserPassword: 'passwordReset',
      UpdateUserAttributes: 'attribute',
      GetUserAttributeVerificationCode: 'attribute',
    });
    const takes = Object.fromEntries(operationsWhere(() => true).flatMap((name) => (timedCodeTakenBy(name) ? [[name, timedCodeTakenBy(name)]] : [])));
    expect(takes).toEqual({ ConfirmSignUp: 'signUp', ConfirmForgotPassword: 'passwordReset', VerifyUserAttribute: 'attribute' });
    expect([timedCodeIssuedBy('InitiateAuth'), timedCodeTakenBy('RespondToAuthChallenge')]).toEqual([undefined, undefined]);
  });
});

test.describe('quotas and SECRET_HASH', () => {
  test("each operation the suite calls counts in the category AWS lists it in, at AWS's default rate", () => {
    const rps = (name: string) => CATEGORY_RPS[categoryOf(name)!];
    expect([categoryOf('SignUp'), rps('SignUp')]).toEqual(['UserCreation', 50]);
    expect([categoryOf('ConfirmSignUp'), categoryOf('AdminCreateUser')]).toEqual(['UserCreation', 'UserCreation']);
    // Where one would not guess: a resend reads, an MFA preference is a resource update.
    expect([categoryOf('ResendConfirmationCode'), rps('ResendConfirmationCode')]).toEqual(['UserResourceRead', 50]);
    expect(categoryOf('GetUserAttributeVerificationCode')).toBe('UserResourceRead');
    expect([categoryOf('SetUserMFAPreference'), rps('SetUserMFAPreference')]).toEqual(['UserResourceUpdate', 25]);
    expect([categoryOf('InitiateAuth'), rps('InitiateAuth')]).toEqual(['UserAuthentication', 120]);
    expect(rps('RespondToAuthChallenge'), 'challenge answers have three times the allowance').toBe(3 * 120);
    expect([categoryOf('ForgotPassword'), rps('ConfirmForgotPassword')]).toEqual(['UserAccountRecovery', 30]);
    expect([categoryOf('AdminDeleteUser'), rps('AdminDeleteUser')]).toEqual(['UserUpdate', 25]);
    expect([categoryOf('ListUsers'), rps('ListUsers')]).toEqual(['UserList', 30]);
    expect([categoryOf('AdminGetUser'), rps('GetUser')]).toEqual(['UserRead', 120]);
    expect([categoryOf('DescribeUserPool'), rps('DescribeUserPool')]).toEqual(['UserPoolRead', 15]);
    expect([categoryOf('GetUserPoolMfaConfig'), rps('GetUserPoolMfaConfig')]).toEqual(['UserPoolResourceRead', 20]);
    expect([categoryOf('DescribeUserPoolClient'), rps('DescribeUserPoolClient')]).toEqual(['UserPoolClientRead', 15]);
    expect(categoryOf('GetLogDeliveryConfiguration'), 'AWS lists it in no category').toBeUndefined();
    expect(categoryOf('NoSuchOperation')).toBeUndefined();
  });

  test('the app-client operations Cognito refuses without SECRET_HASH on a client with a secret', () => {
    expect(operationsWhere((r) => !!r.secretHash)).toEqual(['SignUp', 'ResendConfirmationCode', 'ConfirmSignUp', 'ForgotPassword', 'ConfirmForgotPassword', 'InitiateAuth']);
  });
});

test.describe("Cognito's words", () => {
  test('over a rate, over the daily mails, a wrong or expired code, an address taken, a wrong password, a spent or expired session', () => {
    expect(COGNITO_ERRORS.rateExceeded).toEqual({ name: 'TooManyRequestsException', message: 'Rate exceeded' });
    expect(COGNITO_ERRORS.dailyEmailLimit).toEqual({
      name: 'LimitExceededException',
      message:
        'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
    });
    expect(COGNITO_ERRORS.expiredCode).toEqual({ name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
    expect(COGNITO_ERRORS.codeMismatch).toEqual({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    expect(COGNITO_ERRORS.signInCodeMismatch.message).toBe('Invalid code or auth state for the user.');
    expect(COGNITO_ERRORS.usernameExists.message).toBe('An account with the given email already exists.');
    expect(COGNITO_ERRORS.incorrectPassword).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(COGNITO_ERRORS.invalidSession).toEqual({ name: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    expect(COGNITO_ERRORS.expiredSession.message).toBe('Invalid session for the user, session is expired.');
  });

  test('how each operation that sets a password words a refusal by the policy', () => {
    const refusals = Object.fromEntries(operationsWhere((r) => !!r.passwordRefusal).map((name) => [name, operation(name)?.passwordRefusal]));
    expect(refusals).toEqual({
      SignUp: 'Password did not conform with policy',
      ConfirmForgotPassword: 'Password does not conform to policy',
      ChangePassword: 'Password does not conform to policy',
      AdminSetUserPassword: 'Password did not conform with password policy',
      AdminCreateUser: 'Password did not conform with password policy',
      RespondToAuthChallenge: 'Password does not conform to policy',
    });
  });

  test("passkeys' exceptions, named as AWS's API reference names them (CompleteWebAuthnRegistration, StartWebAuthnRegistration, DeleteWebAuthnCredential); their messages are inferred", () => {
    const names = ['webAuthnNotEnabled', 'webAuthnConfigurationMissing', 'webAuthnOriginNotAllowed', 'webAuthnRelyingPartyMismatch', 'webAuthnChallengeNotFound', 'webAuthnClientMismatch', 'passkeyLimit', 'passkeyNotFound'] as const;
    expect(names.map((key) => COGNITO_ERRORS[key].name)).toEqual([
      'WebAuthnNotEnabledException',
      'WebAuthnConfigurationMissingException',
      'WebAuthnOriginNotAllowedException',
      'WebAuthnRelyingPartyMismatchException',
      'WebAuthnChallengeNotFoundException',
      'WebAuthnClientMismatchException',
      'LimitExceededException',
      'ResourceNotFoundException',
    ]);
    expect(COGNITO_ERRORS.passwordRequired.name, 'a SignUp without a password where passwordless sign-up does not apply').toBe('InvalidParameterException');
  });

  test('every error a record names is one of the catalogue', () => {
    const named = Object.values(OPERATIONS).flatMap((r) => ('errors' in r ? [...r.errors] : []));
    expect(named.filter((key) => !(key in COGNITO_ERRORS))).toEqual([]);
  });
});
