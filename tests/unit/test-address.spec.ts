import { isTestAddress } from '../../helpers/test-address';
import { expect, test } from '../../fixtures';

test.describe('isTestAddress', () => {
  const domains = ['inbox.cognito-e2e.test'];

  test('accepts an address on a test inbox domain, in any case', () => {
    expect(isTestAddress('a-1@inbox.cognito-e2e.test', domains)).toBe(true);
    expect(isTestAddress('A-1@INBOX.Cognito-E2E.test', domains)).toBe(true);
  });

  for (const address of [
    'someone@example.com',
    'a@inbox.cognito-e2e.test.evil.io',
    'a@evil-inbox.cognito-e2e.test',
    'a@sub.inbox.cognito-e2e.test',
    'inbox.cognito-e2e.test',
    '@inbox.cognito-e2e.test',
    '',
  ]) {
    test(`refuses ${JSON.stringify(address)}`, () => {
      expect(isTestAddress(address, domains)).toBe(false);
    });
  }
});
