import { expect, test } from '@playwright/test';
import {
  ATTEMPT_WINDOW_MS,
  BUDGETED_OPERATIONS,
  HourlyBudget,
  SignInLockout,
  defaultAttemptLimits,
  formatAttemptLimits,
  lockoutMs,
  parseAttemptLimits,
} from '../../common/attempt-limits';
import { COGNITO_ERRORS } from '../../common/cognito-operations';

test("AWS's numbers: the exact ones of the quotas page's security table, the low end of its ranges", () => {
  expect(defaultAttemptLimits()).toEqual({
    ResendConfirmationCode: 5,
    ConfirmSignUp: 15,
    ForgotPassword: 5,
    ConfirmForgotPassword: 5,
    ChangePassword: 5,
    GetUserAttributeVerificationCode: 5,
    VerifyUserAttribute: 15,
    SignInCodeMails: 5,
    PasswordFailures: 5,
  });
  expect(BUDGETED_OPERATIONS).toHaveLength(7);
  expect(COGNITO_ERRORS.attemptLimit).toEqual({ name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
  expect(COGNITO_ERRORS.passwordAttemptsExceeded).toEqual({ name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
});

test('an hourly budget counts every request admitted in the hour before, and lifts as the hour slides', () => {
  const budget = new HourlyBudget();
  const admitted = (at: number) => budget.admit('pool/user/ResendConfirmationCode', 5, at);
  expect([0, 1, 2, 3, 4].map((minute) => admitted(minute * 60_000))).toEqual([true, true, true, true, true]);
  expect(admitted(10 * 60_000), 'the sixth within the hour').toBe(false);
  expect(admitted(ATTEMPT_WINDOW_MS - 1), 'a refused request is not counted, and the first is still within the hour').toBe(false);
  expect(admitted(ATTEMPT_WINDOW_MS), 'an hour after the first').toBe(true);
  expect(admitted(ATTEMPT_WINDOW_MS + 1), 'the second is still within the hour').toBe(false);
  expect(budget.admit('pool/other/ResendConfirmationCode', 5, 0), 'another user has a budget of their own').toBe(true);
});

test('the sign-in lockout: none for four failures, 1 s after the fifth, doubling, at most 15 minutes', () => {
  expect([1, 4, 5, 6, 7, 14, 15, 30].map((failures) => lockoutMs(failures))).toEqual([0, 0, 1_000, 2_000, 4_000, 512_000, 900_000, 900_000]);
});

test('a locked user is refused until the lockout ends; a success or 15 quiet minutes forget the failures', () => {
  const lockout = new SignInLockout();
  for (let i = 0; i < 4; i++) lockout.failed('u', i);
  expect(lockout.lockedUntil('u', 4), 'four failures lock no one').toBeUndefined();
  lockout.failed('u', 10);
  expect(lockout.lockedUntil('u', 10)).toBe(1_010);
  expect(lockout.lockedUntil('u', 1_010), 'the lockout has ended').toBeUndefined();
  lockout.failed('u', 2_000);
  expect(lockout.lockedUntil('u', 2_500), 'the sixth failure: 2 s').toBe(4_000);
  expect(lockout.lockedUntil('u', 2_000 + 15 * 60_000), '15 minutes without attempts forget them').toBeUndefined();
  lockout.failed('u', 2_000 + 15 * 60_000);
  expect(lockout.lockedUntil('u', 2_001 + 15 * 60_000), 'a first failure again').toBeUndefined();

  for (let i = 0; i < 5; i++) lockout.failed('v', i);
  lockout.succeeded('v');
  lockout.failed('v', 10);
  expect(lockout.lockedUntil('v', 10), 'a success forgot the five').toBeUndefined();
});

test('LOCAL_ATTEMPT_LIMITS: the defaults, off, overrides, and what is wrong with anything else', () => {
  expect(parseAttemptLimits(undefined)).toEqual(defaultAttemptLimits());
  expect(parseAttemptLimits('aws')).toEqual(defaultAttemptLimits());
  expect(parseAttemptLimits('off')).toBe('off');
  expect(parseAttemptLimits('ResendConfirmationCode=20, PasswordFailures=10')).toEqual({ ...defaultAttemptLimits(), ResendConfirmationCode: 20, PasswordFailures: 10 });
  expect(parseAttemptLimits(formatAttemptLimits(parseAttemptLimits('SignInCodeMails=7'))), 'read back as written').toEqual({ ...defaultAttemptLimits(), SignInCodeMails: 7 });
  expect(() => parseAttemptLimits('SignUp=3')).toThrow('LOCAL_ATTEMPT_LIMITS="SignUp=3": "SignUp=3" is not Name=count');
  expect(() => parseAttemptLimits('ConfirmSignUp=0')).toThrow('a whole number above 0');
});
