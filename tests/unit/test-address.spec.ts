import { compileTestEmailPattern, isTestAddress } from '../../helpers/test-address';
import { expect, test } from '../../fixtures';

test.describe('the deletion guard (isTestAddress)', () => {
  const rule = { domains: ['inbox.cognito-e2e.test', 'mailslurp.com'] };

  test('accepts the addresses our inboxes make', () => {
    expect(isTestAddress('a-new-user-mwxhldqd-01ccbd53@inbox.cognito-e2e.test', rule)).toBe(true);
    expect(isTestAddress('0b3c7e9a-55f1-4c4e-9d8e-2f1a6b7c8d9e@mailslurp.com', rule)).toBe(true);
  });

  for (const [why, address] of [
    ['a real-looking address', 'jane.doe@gmail.com'],
    ['a look-alike domain', 'x@mailslurp.com.evil.io'],
    ['a look-alike prefix', 'x@evilmailslurp.com'],
    ['a subdomain', 'x@sub.mailslurp.com'],
    ['upper case', 'X@MAILSLURP.COM'],
    ['upper case in the local part', 'Jane@mailslurp.com'],
    ['a plus-tag', 'jane+e2e@mailslurp.com'],
    ['a plus-tag on a real domain', 'jane+mailslurp.com@gmail.com'],
    ['a trailing dot', 'x@mailslurp.com.'],
    ['two @', 'x@gmail.com@mailslurp.com'],
    ['white space', ' x@mailslurp.com'],
    ['a bare domain', 'mailslurp.com'],
    ['no local part', '@mailslurp.com'],
    ['an empty value', ''],
  ] as const) {
    test(`refuses ${why}: ${JSON.stringify(address)}`, () => {
      expect(isTestAddress(address, rule)).toBe(false);
    });
  }

  test('refuses everything when it knows no domain and no pattern', () => {
    expect(isTestAddress('x@inbox.cognito-e2e.test', { domains: [] })).toBe(false);
  });

  test('TEST_EMAIL_PATTERN adds whole addresses, anchored', () => {
    const pattern = compileTestEmailPattern('e2e-[a-z0-9]+@qa\\.example\\.com') as RegExp;
    expect(isTestAddress('e2e-42@qa.example.com', { domains: [], pattern })).toBe(true);
    expect(isTestAddress('e2e-42@qa.example.com.evil.io', { domains: [], pattern })).toBe(false);
    expect(isTestAddress('boss-e2e-42@qa.example.com', { domains: [], pattern })).toBe(false);
  });

  test('a pattern broad enough to match real people is refused', () => {
    expect(compileTestEmailPattern('.*')).toBe('is too broad: it matches "jane.doe@gmail.com", so it could delete a real user');
    expect(compileTestEmailPattern('.*@.*\\.com')).toMatch(/too broad/);
    expect(compileTestEmailPattern('x?')).toBe('is too broad: it matches an empty address, so it could delete a real user');
    expect(compileTestEmailPattern('e2e-(')).toMatch(/^is not a valid regular expression/);
  });
});
