import { expect, test } from '@playwright/test';
import { EXPIRED_CODE, ISSUES_CODE, TAKES_CODE, hasExpired } from '../../common/code-expiry-rules';

const HOUR = 3_600_000;

test('a sign-up or resent code lasts 24 hours, an attribute code 24 hours, a reset code 1 hour: valid to the last millisecond, not after', () => {
  expect([hasExpired('signUp', 0, 24 * HOUR), hasExpired('signUp', 0, 24 * HOUR + 1)]).toEqual([false, true]);
  expect([hasExpired('attribute', 0, 24 * HOUR), hasExpired('attribute', 0, 24 * HOUR + 1)]).toEqual([false, true]);
  expect([hasExpired('passwordReset', 0, HOUR), hasExpired('passwordReset', 0, HOUR + 1)]).toEqual([false, true]);
  expect(hasExpired('passwordReset', 5 * HOUR, 5 * HOUR + 59 * 60_000), 'timed from its own issue').toBe(false);
});

test("which operations mail a code of each kind and which take it, and Cognito's answer to an expired one", () => {
  expect(ISSUES_CODE).toEqual({
    SignUp: 'signUp',
    ResendConfirmationCode: 'signUp',
    ForgotPassword: 'passwordReset',
    AdminResetUserPassword: 'passwordReset',
    UpdateUserAttributes: 'attribute',
    GetUserAttributeVerificationCode: 'attribute',
  });
  expect(TAKES_CODE).toEqual({ ConfirmSignUp: 'signUp', ConfirmForgotPassword: 'passwordReset', VerifyUserAttribute: 'attribute' });
  expect(EXPIRED_CODE).toEqual({ name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
});
