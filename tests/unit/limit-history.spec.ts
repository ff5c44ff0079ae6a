import { chmodSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LimitHistory, UnsafeLimitHistoryError } from '../../helpers/diagnosis/attempt-limit';

const HOUR = 3_600_000;

test("the history keeps each refusal for the attempt limit, and gives back this pool's within the hour", ({}, testInfo) => {
  const history = LimitHistory.forUser(testInfo.outputPath());
  const now = Date.parse('2026-12-03T09:00:00Z');
  expect(history.recent('eu-west-1_A', now), 'nothing yet, and no file').toEqual([]);
  history.record({ operation: 'ResendConfirmationCode', address: 'old@inbox.test', userPoolId: 'eu-west-1_A' }, new Date(now - HOUR));
  history.record({ operation: 'ConfirmSignUp', address: 'a@inbox.test', userPoolId: 'eu-west-1_A' }, new Date(now - 60_000));
  history.record({ operation: 'ForgotPassword', address: 'b@inbox.test', userPoolId: 'eu-west-1_B' }, new Date(now - 60_000));
  expect(history.recent('eu-west-1_A', now)).toEqual([{ at: '2026-12-03T08:59:00.000Z', operation: 'ConfirmSignUp', address: 'a@inbox.test', userPoolId: 'eu-west-1_A' }]);
  expect(history.file).toContain(testInfo.outputPath());
});

test('a history folder others may write is refused, saying what they could do', ({}, testInfo) => {
  test.skip(process.platform === 'win32', 'POSIX modes');
  const history = LimitHistory.forUser(testInfo.outputPath());
  history.record({ operation: 'ConfirmSignUp', address: 'a@inbox.test', userPoolId: 'p' });
  chmodSync(history.file.replace(/\/[^/]+$/, ''), 0o777);
  expect(() => history.recent('p')).toThrow(UnsafeLimitHistoryError);
  expect(() => history.recent('p')).toThrow(/could change what the doctor warns of/);
});
