import { expect, test } from '@playwright/test';
import { policyViolation } from '../../common/password-policy';
import { generatePassword } from '../../helpers/password';

const STRICT = { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };

test("each rule of a pool's password policy, in Cognito's words", () => {
  expect(policyViolation('Aa1!aaaaaaa', STRICT)).toBe('Password not long enough');
  expect(policyViolation('aa1!aaaaaaaa', STRICT)).toBe('Password must have uppercase characters');
  expect(policyViolation('AA1!AAAAAAAA', STRICT)).toBe('Password must have lowercase characters');
  expect(policyViolation('Aa!!aaaaaaaa', STRICT)).toBe('Password must have numeric characters');
  expect(policyViolation('Aa1aaaaaaaaa', STRICT)).toBe('Password must have symbol characters');
  expect(policyViolation('Aa1^aaaaaaaa', STRICT)).toBeUndefined();
});

test('a space counts as a symbol only inside the password; a rule the policy turns off is not checked', () => {
  expect(policyViolation('Aa1 aaaaaaaa', STRICT)).toBeUndefined();
  expect(policyViolation('Aa1aaaaaaaa ', STRICT)).toBe('Password must have symbol characters');
  expect(policyViolation('aaaaaaaa', { MinimumLength: 8, RequireUppercase: false, RequireLowercase: true, RequireNumbers: false, RequireSymbols: false })).toBeUndefined();
});

test("a pool without a policy has Cognito's default: 8 characters and every class", () => {
  expect(policyViolation('Aa1!aaa')).toBe('Password not long enough');
  expect(policyViolation('Aa1!aaaa')).toBeUndefined();
  expect(policyViolation('aa1!aaaa')).toBe('Password must have uppercase characters');
});

test("the suite's generated passwords meet the strictest policy", () => {
  for (let i = 0; i < 200; i++) expect(policyViolation(generatePassword(STRICT), STRICT)).toBeUndefined();
});
