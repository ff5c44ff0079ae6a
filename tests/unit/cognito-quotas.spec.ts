import { expect, test } from '@playwright/test';
import {
  CATEGORY_RPS,
  COGNITO_DEFAULT_DAILY_EMAILS,
  TokenBucket,
  parseDailyEmailLimit,
  parseRateLimits,
  quotaDayStart,
} from '../../common/cognito-quotas';

test("a category's rate: a second's burst passes, then the rate", () => {
  let now = 0;
  const bucket = new TokenBucket(2, () => now);
  expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  now += 499;
  expect(bucket.take(), 'not yet a whole token back').toBe(false);
  now += 1;
  expect(bucket.take()).toBe(true);
  now += 60_000;
  expect([bucket.take(), bucket.take(), bucket.take()], 'an idle minute stores no more than a second').toEqual([true, true, false]);
});

test("Cognito's own sender: 50 mails a day, the day starting at 09:00 UTC", () => {
  expect(COGNITO_DEFAULT_DAILY_EMAILS).toBe(50);
  expect(quotaDayStart(Date.parse('2026-11-27T09:00:00Z'))).toBe(Date.parse('2026-11-27T09:00:00Z'));
  expect(quotaDayStart(Date.parse('2026-11-27T23:59:59Z'))).toBe(Date.parse('2026-11-27T09:00:00Z'));
  expect(quotaDayStart(Date.parse('2026-11-27T08:59:59Z')), 'before 09:00 is still the day before').toBe(Date.parse('2026-11-26T09:00:00Z'));
  expect(quotaDayStart(Date.parse('2026-01-01T03:00:00Z'))).toBe(Date.parse('2025-12-31T09:00:00Z'));
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
