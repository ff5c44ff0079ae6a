import { expect, test } from '@playwright/test';
import { storySupport } from '../../helpers/cognito/story-support';

const POOL = { AutoVerifiedAttributes: ['email' as const], VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' as const } };
const CLIENT = { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const, 'ALLOW_REFRESH_TOKEN_AUTH' as const] };
const runs = (s: ReturnType<typeof storySupport>) => Object.entries(s).filter(([, v]) => v.runs).map(([k]) => k);

test('a pool set up like the README: every story but those that need a pool of their own', () => {
  expect(runs(storySupport(POOL, CLIENT))).toEqual(['signUpByCode', 'forgotPassword', 'staleSession', 'invitation', 'emailChange']);
  expect(runs(storySupport(POOL, CLIENT, { linkVerification: {}, keepOriginalEmail: {} }))).toHaveLength(7);
});

test('each setting that rules a story out names itself', () => {
  const byLink = storySupport({ ...POOL, VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } }, CLIENT);
  expect(byLink.signUpByCode).toEqual({ runs: false, why: 'the pool confirms sign-ups by link (DefaultEmailOption CONFIRM_WITH_LINK), not by a code' });
  expect(byLink.forgotPassword.why).toBe(byLink.signUpByCode.why);

  const phoneOnly = storySupport({ ...POOL, AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] } }, CLIENT);
  expect(phoneOnly.forgotPassword).toEqual({ runs: false, why: 'the pool recovers accounts only by verified_phone_number, not by email' });

  const noPassword = storySupport(POOL, { ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  expect(noPassword.invitation.runs).toBe(false);
  expect(noPassword.invitation.why).toMatch(/no password sign-in \(ExplicitAuthFlows: ALLOW_CUSTOM_AUTH, ALLOW_REFRESH_TOKEN_AUTH\)/);

  expect(storySupport(POOL, { ...CLIENT, WriteAttributes: ['name'] }).emailChange.why).toBe("the app client's WriteAttributes do not include email");
  expect(storySupport({ ...POOL, AutoVerifiedAttributes: [] }, CLIENT).signUpByCode.runs).toBe(false);
});
