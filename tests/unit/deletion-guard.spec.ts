import { DeletionGuard, compileTestEmailPattern, patternShape, vetTestEmailPattern } from '../../helpers/cognito/deletion-guard';
import { ADDRESS_MARKER, ownedAddresses } from '../../helpers/mail/addresses';
import { expect, test } from '@playwright/test';

// Addresses the suite made in this imagined run: one on the embedded stack, one on a shared MailSlurp domain.
const OURS_LOCAL = `${ADDRESS_MARKER}-signup-mwxhldqd-01ccbd53@inbox.cognito-e2e.test`;
const OURS_MAILSLURP = `${ADDRESS_MARKER}-0b3c7e9a-55f1-4c4e-9d8e-2f1a6b7c8d9e@mailslurp.com`;
const owned = ownedAddresses([OURS_LOCAL, OURS_MAILSLURP], 'the inboxes of this test');
const guard = new DeletionGuard(owned);

test.describe('the deletion guard', () => {
  test('accepts exactly the addresses the suite made', () => {
    expect(guard.verdict(OURS_LOCAL)).toEqual({ deletable: true, because: 'it is one of the inboxes of this test' });
    expect(guard.verdict(OURS_MAILSLURP).deletable).toBe(true);
  });

  // Every one of these must be refused, before any call reaches Cognito.
  const refused: [string, string][] = [
    // Other MailSlurp customers on the same shared domain: the domain proves nothing.
    ['another customer on our MailSlurp domain', '7d1e2c3b-1111-2222-3333-444455556666@mailslurp.com'],
    ['another customer with our marker on our MailSlurp domain', `${ADDRESS_MARKER}-99999999-aaaa-bbbb-cccc-dddddddddddd@mailslurp.com`],
    ['another customer on a MailSlurp pool domain', '0b3c7e9a-55f1-4c4e-9d8e-2f1a6b7c8d9e@mailslurp.xyz'],
    ['our inbox id on another MailSlurp domain', `${ADDRESS_MARKER}-0b3c7e9a-55f1-4c4e-9d8e-2f1a6b7c8d9e@mailslurp.info`],
    ['a QA tester on our embedded domain, no marker', 'qa.tester@inbox.cognito-e2e.test'],
    ['a marked address on our embedded domain that no inbox of ours had', `${ADDRESS_MARKER}-signup-other-01ccbd53@inbox.cognito-e2e.test`],
    ['our marker on a foreign domain', `${ADDRESS_MARKER}-signup-mwxhldqd-01ccbd53@gmail.com`],
    ['our exact local part on a foreign domain', OURS_LOCAL.replace('inbox.cognito-e2e.test', 'example.com')],
    ['a real-looking address', 'jane.doe@gmail.com'],
    ['upper case', OURS_LOCAL.toUpperCase()],
    ['upper case in the local part only', OURS_LOCAL.replace(ADDRESS_MARKER, ADDRESS_MARKER.toUpperCase())],
    ['upper case in the domain only', OURS_MAILSLURP.replace('mailslurp.com', 'MailSlurp.com')],
    ['a plus-tag', OURS_LOCAL.replace('@', '+e2e@')],
    ['a plus-tag on a real address', 'jane+cse2e@gmail.com'],
    ['a trailing dot', `${OURS_MAILSLURP}.`],
    ['a leading dot', `.${OURS_MAILSLURP}`],
    ['a look-alike domain suffix', `${OURS_MAILSLURP}.evil.io`],
    ['a look-alike domain prefix', OURS_MAILSLURP.replace('@mailslurp.com', '@evilmailslurp.com')],
    ['a subdomain', OURS_MAILSLURP.replace('@', '@sub.')],
    ['Cyrillic "е" in the marker', OURS_LOCAL.replace('e', '\u0435')],
    ['Cyrillic "а" in the domain', OURS_MAILSLURP.replace('mailslurp', 'm\u0430ilslurp')],
    ['a full-width "@"', OURS_LOCAL.replace('@', '\uff20')],
    ['a zero-width space', OURS_LOCAL.replace('@', '\u200b@')],
    ['a quoted local part', `"${OURS_LOCAL.split('@')[0]}"@inbox.cognito-e2e.test`],
    ['a quoted local part with an @ inside', `"jane@gmail.com"@inbox.cognito-e2e.test`],
    ['two @', `jane@gmail.com@${OURS_LOCAL.split('@')[1]}`],
    ['leading white space', ` ${OURS_LOCAL}`],
    ['trailing white space', `${OURS_LOCAL} `],
    ['a newline', `${OURS_LOCAL}\n`],
    ['a display name', `Test <${OURS_LOCAL}>`],
    ['a bare domain', 'inbox.cognito-e2e.test'],
    ['no local part', '@inbox.cognito-e2e.test'],
    ['no domain', `${ADDRESS_MARKER}-signup@`],
    ['an IP-literal domain', `${ADDRESS_MARKER}-x@[127.0.0.1]`],
    ['an empty value', ''],
    ['a wildcard-looking value', '*@mailslurp.com'],
  ];
  for (const [why, address] of refused) {
    test(`refuses ${why}: ${JSON.stringify(address)}`, () => {
      expect(guard.verdict(address).deletable).toBe(false);
    });
  }

  test('holds at least 30 refused cases', () => {
    expect(refused.length).toBeGreaterThanOrEqual(30);
  });

  test('says why it refuses, and what it would have needed', () => {
    expect(guard.verdict('jane.doe@gmail.com').because).toBe(`it does not start with the suite's marker "${ADDRESS_MARKER}", so the suite did not make it`);
    expect(guard.verdict(`${ADDRESS_MARKER}-x@mailslurp.com`).because).toBe('it carries the marker, but is not among the inboxes of this test');
    expect(guard.verdict('Jane@gmail.com').because).toMatch(/^it is not a plain lower-case address/);
  });

  test('refuses everything when it owns nothing and has no pattern', () => {
    const empty = new DeletionGuard(ownedAddresses([], 'nothing'));
    expect(empty.verdict(OURS_LOCAL).deletable).toBe(false);
  });

  test('a vetted TEST_EMAIL_PATTERN adds whole addresses, anchored, and nothing that only looks like them', () => {
    const pattern = compileTestEmailPattern('e2e-signup-[a-z0-9]+@qa\\.example\\.com') as RegExp;
    const janitor = new DeletionGuard(owned, pattern);
    expect(janitor.verdict('e2e-signup-42@qa.example.com')).toEqual({ deletable: true, because: 'it matches TEST_EMAIL_PATTERN' });
    for (const address of [
      'e2e-signup-42@qa.example.com.evil.io',
      'boss-e2e-signup-42@qa.example.com',
      'E2E-SIGNUP-42@qa.example.com',
      'e2e-signup-42+x@qa.example.com',
      'jane@qa.example.com',
    ]) {
      expect(janitor.verdict(address).deletable, address).toBe(false);
    }
  });
});

test.describe('TEST_EMAIL_PATTERN', () => {
  const accepted = [
    'e2e-signup-[a-z0-9]+@qa\\.example\\.com',
    'cse2e-.+@inbox\\.example\\.org',
    '(?:x-)?signup-e2e-\\d+@qa\\.example\\.com',
    '^e2e-signup-\\w+@qa\\.example\\.com$',
  ];
  for (const source of accepted) {
    test(`accepts ${source}`, () => {
      expect(compileTestEmailPattern(source)).toBeInstanceOf(RegExp);
    });
  }

  const refused: [string, RegExp][] = [
    ['.*', /names no domain/],
    ['.+', /names no domain/],
    ['.+@company\\.com', /no literal marker of at least 6 characters before "@"/],
    ['.+@yourcompany\\.com', /no literal marker of at least 6 characters before "@"/],
    ['e2e-.+@company\\.com', /no literal marker/],
    ['(a|.*)', /names no domain/],
    ['(e2e-signup-.*)@company\\.com', /no literal marker/],
    ['e2e-signup-.*@company\\.com|.*', /has a "\|" outside any group/],
    ['e2e-signup-.*@.*', /must spell out its domain/],
    ['e2e-signup-.*@(company|gmail)\\.com', /must spell out its domain/],
    ['e2e-signup-.*@[a-z]+\\.com', /must spell out its domain/],
    ['[e2e-signup-]+@company\\.com', /no literal marker/],
    ['e2e-s?ign-.*@company\\.com', /no literal marker/],
    ['\\w{6}@company\\.com', /no literal marker/],
    ['e2e-signup-(', /^is not a valid regular expression/],
  ];
  for (const [source, why] of refused) {
    test(`refuses ${source}`, () => {
      expect(compileTestEmailPattern(source)).toMatch(why);
    });
  }

  test('reads the literal parts of a pattern', () => {
    expect(patternShape('e2e-signup-[a-z0-9]+@qa\\.example\\.com')).toMatchObject({ localLiterals: ['e2e-signup-'], domain: 'qa.example.com' });
    expect(patternShape('ab\\.cdef?gh@x\\.io')).toMatchObject({ localLiterals: ['ab.cde', 'gh'], domain: 'x.io' });
  });

  test('its dry run against the pool refuses a CONFIRMED user older than a day, and more than 500 matches', () => {
    const pattern = compileTestEmailPattern('e2e-signup-\\d+@qa\\.example\\.com') as RegExp;
    const now = Date.parse('2026-11-26T12:00:00Z');
    const young = { email: 'e2e-signup-1@qa.example.com', status: 'CONFIRMED', created: new Date(now - 3_600_000) };
    const old = { email: 'e2e-signup-2@qa.example.com', status: 'CONFIRMED', created: new Date(now - 2 * 86_400_000) };
    const unrelated = { email: 'jane@qa.example.com', status: 'CONFIRMED', created: new Date(0) };

    expect(vetTestEmailPattern(pattern, [young, unrelated], now)).toEqual({ matched: [young], refusals: [] });
    const settled = vetTestEmailPattern(pattern, [young, old, unrelated], now);
    expect(settled.matched).toEqual([young, old]);
    expect(settled.refusals).toEqual([expect.stringMatching(/^it matches e2e-signup-2@qa\.example\.com, a CONFIRMED user created 2026-11-24T12:00:00\.000Z: more than a day old/)]);

    const many = Array.from({ length: 501 }, (_, i) => ({ email: `e2e-signup-${i}@qa.example.com`, status: 'UNCONFIRMED', created: new Date(now) }));
    expect(vetTestEmailPattern(pattern, many, now).refusals).toEqual(['it matches 501 users, more than 500: that is not a handful of test leftovers']);
  });
});
