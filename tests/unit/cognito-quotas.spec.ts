import { expect, test } from '@playwright/test';
import {
  CATEGORY_RPS,
  COGNITO_DEFAULT_DAILY_EMAILS,
  DAILY_EMAIL_LIMIT_EXCEEDED,
  TOO_MANY_REQUESTS,
  TokenBucket,
  categoryOf,
  parseDailyEmailLimit,
  parseRateLimits,
  quotaDayStart,
} from '../../common/cognito-quotas';

test("each operation the suite calls counts in the category AWS lists it in, at AWS's default rate", () => {
  const rps = (operation: string) => CATEGORY_RPS[categoryOf(operation)!];
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
});

test("over a category's rate, Cognito answers TooManyRequestsException: a second's burst passes, then the rate", () => {
  let now = 0;
  const bucket = new TokenBucket(2, () => now);
  expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  now += 499;
  expect(bucket.take(), 'not yet a whole token back').toBe(false);
  now += 1;
  expect(bucket.take()).toBe(true);
  now += 60_000;
  expect([bucket.take(), bucket.take(), bucket.take()], 'an idle minute stores no more than a second').toEqual([true, true, false]);
  expect(TOO_MANY_REQUESTS).toEqual({ name: 'TooManyRequestsException', message: 'Rate exceeded' });
});

test("Cognito's own sender: 50 mails a day, the day starting at 09:00 UTC, then LimitExceededException in Cognito's words", () => {
  expect(COGNITO_DEFAULT_DAILY_EMAILS).toBe(50);
  expect(quotaDayStart(Date.parse('2026-11-27T09:00:00Z'))).toBe(Date.parse('2026-11-27T09:00:00Z'));
  expect(quotaDayStart(Date.parse('2026-11-27T23:59:59Z'))).toBe(Date.parse('2026-11-27T09:00:00Z'));
  expect(quotaDayStart(Date.parse('2026-11-27T08:59:59Z')), 'before 09:00 is still the day before').toBe(Date.parse('2026-11-26T09:00:00Z'));
  expect(quotaDayStart(Date.parse('2026-01-01T03:00:00Z'))).toBe(Date.parse('2025-12-31T09:00:00Z'));
  expect(DAILY_EMAIL_LIMIT_EXCEEDED.name).toBe('LimitExceededException');
  expect(DAILY_EMAIL_LIMIT_EXCEEDED.message).toBe(
    'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
  );
});

test('LOCAL_RATE_LIMITS and LOCAL_EMAIL_DAILY_LIMIT: the defaults, overrides, and what is wrong with anything else', () => {
  expect(parseRateLimits(undefined)).toEqual(CATEGORY_RPS);
  expect(parseRateLimits('aws')).toEqual(CATEGORY_RPS);
  expect(parseRateLimits('off')).toBe('off');
  expect(parseRateLimits('UserCreation=2, UserResourceRead=0.5')).toEqual({ ...CATEGORY_RPS, UserCreation: 2, UserResourceRead: 0.5 });
  expect(() => parseRateLimits('UserCreation=0')).toThrow(/"UserCreation=0" is not Category=requests-per-second \(a number above 0\)/);
  expect(() => parseRateLimits('SignUp=5')).toThrow(/with one of UserAuthentication, .*UserCreation/);
  expect(() => parseRateLimits('UserCreation')).toThrow(/Fix it in \.env, or unset it for AWS's rates/);
  expect(parseDailyEmailLimit(undefined)).toBe('off');
  expect(parseDailyEmailLimit('aws')).toBe(50);
  expect(parseDailyEmailLimit('3')).toBe(3);
  expect(() => parseDailyEmailLimit('fifty')).toThrow('LOCAL_EMAIL_DAILY_LIMIT="fifty" is not a number of mails a day.');
});
