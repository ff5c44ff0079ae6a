import { chmodSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LimitHistory, UnsafeLimitHistoryError } from '../../helpers/diagnosis/attempt-limit';
import { formatChecklist } from '../../tools/doctor/check-result';
import { limitHistoryCheck } from '../../tools/doctor/limit-history-check';

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

test("the doctor, against AWS: a ⚠ naming each refusal of the pool's addresses within the hour and what to do; ✓ when there is none", ({}, testInfo) => {
  const history = LimitHistory.forUser(testInfo.outputPath());
  const now = Date.parse('2026-12-03T09:00:00Z');
  expect(limitHistoryCheck('eu-west-1_A', history, now)).toMatchObject({ status: 'ok', title: "Cognito's attempt limit: no refusal of this pool's test addresses within the hour" });
  history.record({ operation: 'ResendConfirmationCode', address: 'cse2e-resend-1@inbox.test', userPoolId: 'eu-west-1_A' }, new Date(now - 10 * 60_000));
  history.record({ operation: 'ConfirmSignUp', address: 'cse2e-wrong-2@inbox.test', userPoolId: 'eu-west-1_A' }, new Date(now - 5 * 60_000));
  const warning = limitHistoryCheck('eu-west-1_A', history, now);
  expect(formatChecklist([warning])).toBe(
    "⚠ Cognito's attempt limit: Cognito refused 2 requests of this pool's test addresses within the hour (LimitExceededException) " +
      '(ResendConfirmationCode for cse2e-resend-1@inbox.test at 2026-12-03T08:50:00.000Z; ConfirmSignUp for cse2e-wrong-2@inbox.test at 2026-12-03T08:55:00.000Z)\n' +
      '    → AWS counts these requests per user per hour (5 resends, 15 confirmations, 5 password resets …, wrong or right). ' +
      'Let each run use the new address its fixtures give; leave cse2e-resend-1@inbox.test, cse2e-wrong-2@inbox.test until an hour after 2026-12-03T08:55:00.000Z; ' +
      "and don't re-run one address in a loop.\n" +
      '0 ✓, 1 ⚠, 0 ✗',
  );
  expect(limitHistoryCheck('eu-west-1_A', history, now + 3_600_000).status, 'an hour later').toBe('ok');
});
