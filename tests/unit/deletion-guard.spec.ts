import { DeletionGuard, compileTestEmailPattern, patternShape, vetTestEmailPattern } from '../../helpers/cognito/deletion-guard';
import { ADDRESS_MARKER, ownedAddresses } from '../../helpers/mail/addresses';
import { isPublicMailDomain } from '../../helpers/mail/public-mail-domains';
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
    ['over 254 characters', `${ADDRESS_MARKER}-x@${'a'.repeat(250)}.test`],
    ['100,000 characters', `${ADDRESS_MARKER}-${'a'.repeat(100_000)}@mailslurp.com`],
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

  test('refuses an address over 254 characters, even one it owns: no inbox has one, and a pattern would only spend time on it', () => {
    const long = `${ADDRESS_MARKER}-x@${'a'.repeat(240)}.example.com`;
    expect(new DeletionGuard(ownedAddresses([long], 'this long address')).verdict(long).deletable).toBe(false);
  });

  test('refuses everything when it owns nothing and has no pattern', () => {
    const empty = new DeletionGuard(ownedAddresses([], 'nothing'));
    expect(empty.verdict(OURS_LOCAL).deletable).toBe(false);
  });

  test('a vetted TEST_EMAIL_PATTERN adds whole addresses, anchored, and nothing that only looks like them', () => {
    const pattern = compileTestEmailPattern(`${ADDRESS_MARKER}-signup-[a-z0-9]+@qa\\.example\\.com`) as RegExp;
    const janitor = new DeletionGuard(owned, pattern);
    expect(janitor.verdict(`${ADDRESS_MARKER}-signup-42@qa.example.com`)).toEqual({ deletable: true, because: 'it matches TEST_EMAIL_PATTERN' });
    for (const address of [
      `${ADDRESS_MARKER}-signup-42@qa.example.com.evil.io`,
      `boss-${ADDRESS_MARKER}-signup-42@qa.example.com`,
      `${ADDRESS_MARKER}-signup-42@qa.example.com`.toUpperCase(),
      `${ADDRESS_MARKER}-signup-42+x@qa.example.com`,
      'jane@qa.example.com',
      `${ADDRESS_MARKER}-signup-${'4'.repeat(300)}@qa.example.com`,
    ]) {
      expect(janitor.verdict(address).deletable, address).toBe(false);
    }
  });

  test('the pattern alone never deletes a CONFIRMED user; an address the suite made may go whatever its status', () => {
    const pattern = compileTestEmailPattern(`${ADDRESS_MARKER}-signup-[a-z0-9]+@qa\\.example\\.com`) as RegExp;
    const janitor = new DeletionGuard(owned, pattern);
    const leftover = `${ADDRESS_MARKER}-signup-42@qa.example.com`;
    expect(janitor.verdict(leftover, 'UNCONFIRMED').deletable).toBe(true);
    expect(janitor.verdict(leftover, 'CONFIRMED')).toEqual({
      deletable: false,
      because: expect.stringMatching(/^it matches TEST_EMAIL_PATTERN, but the user is CONFIRMED and no inbox record of the suite names the address: the pattern alone never deletes a confirmed user \(--i-know does not change that\)/),
    });
    expect(janitor.verdict(OURS_LOCAL, 'CONFIRMED').deletable).toBe(true);
  });
});

test.describe('TEST_EMAIL_PATTERN', () => {
  const accepted = [
    `${ADDRESS_MARKER}-[a-z0-9-]+@qa\\.example\\.com`,
    `${ADDRESS_MARKER}-signup-[a-z0-9]+@qa\\.example\\.com`,
    `${ADDRESS_MARKER}-.+@inbox\\.example\\.org`,
    `(?:x-)?signup-${ADDRESS_MARKER}-\\d+@qa\\.example\\.com`,
    `^${ADDRESS_MARKER}-signup-\\w+@qa\\.example\\.com$`,
    `${ADDRESS_MARKER}-[a-z]+-\\d{6}@qa\\.example\\.com`,
    `qa-${ADDRESS_MARKER}-[a-z0-9]+@test\\.company\\.com`,
  ];
  for (const source of accepted) {
    test(`accepts ${source}`, () => {
      expect(compileTestEmailPattern(source)).toBeInstanceOf(RegExp);
    });
  }

  const noMarker = /does not hold the suite's marker "cse2e" as a literal before "@" \(outside wildcards, groups and classes\), so it may match ordinary addresses at [\w.]+; start it with the marker, like cse2e-\[a-z0-9-\]\+@qa\\\.example\\\.com$/;
  const publicDomain = /^names [\w.]+, a public mail domain where anyone can have an address, so a match may be a stranger's; use a domain of your own/;
  const nested = /^repeats a group that holds a quantifier or a "\|" \(".+"\): on a long address that takes the regular expression engine exponential time; repeat a class instead/;
  const refused: [string, RegExp][] = [
    // Refused before, and still.
    ['.*', /names no domain/],
    ['.+', /names no domain/],
    ['(?:)', /names no domain/],
    ['(a|.*)', /names no domain/],
    ['^.*cse2e.*$', /names no domain/],
    ['cse2e|.*', /has a "\|" outside any group/],
    ['e2e-signup-.*@company\\.com|.*', /has a "\|" outside any group/],
    ['e2e-signup-.*@.*', /must spell out its domain/],
    ['cse2e-.*@(company|gmail)\\.com', /must spell out its domain/],
    ['cse2e-.*@[a-z]+\\.com', /must spell out its domain/],
    ['e2e-signup-(', /^is not a valid regular expression .*; write one like cse2e-/],
    ['.+@company\\.com', noMarker],
    ['.+@yourcompany\\.com', noMarker],
    ['e2e-.+@company\\.com', noMarker],
    ['(e2e-signup-.*)@company\\.com', noMarker],
    ['[e2e-signup-]+@company\\.com', noMarker],
    ['e2e-s?ign-.*@company\\.com', noMarker],
    ['\\w{6}@company\\.com', noMarker],
    // Accepted before (issue 30): each matches real people.
    ['support@company\\.com', noMarker],
    ['admin-[a-z]+@company\\.com', noMarker],
    ['.+\\.johnson@company\\.com', noMarker],
    ['.+@gmail\\.com', publicDomain],
    ['.*\\.smith@gmail\\.com', publicDomain],
    ['e2e-signup-.*@gmail\\.com', publicDomain],
    ['e2e-signup-[a-z0-9]+@qa\\.example\\.com', noMarker],
    ['(?:x-)?signup-e2e-\\d+@qa\\.example\\.com', noMarker],
    // The marker, but not as a literal of the local part.
    ['cse2e?-[a-z0-9]+@qa\\.example\\.com', noMarker],
    ['[c]se2e-[a-z0-9]+@qa\\.example\\.com', noMarker],
    ['(?:cse2e)-[a-z0-9]+@qa\\.example\\.com', noMarker],
    ['\\x63se2e-[a-z0-9]+@qa\\.example\\.com', noMarker],
    ['CSE2E-[a-z0-9]+@qa\\.example\\.com', noMarker],
    ['[a-z0-9]+@cse2e\\.example\\.com', noMarker],
    // The marker, on a domain where anyone can have an address.
    ['cse2e-.+@gmail\\.com', publicDomain],
    ['cse2e-.+@googlemail\\.com', publicDomain],
    ['cse2e-.+@mailslurp\\.com', publicDomain],
    ['cse2e-.+@mailslurp\\.xyz', publicDomain],
    ['cse2e-.+@eu\\.mailinator\\.com', publicDomain],
    ['cse2e-x@QA\\.example\\.com', /^names "QA\.example\.com" after "@", not a lower-case domain/],
    ['cse2e-x@qa\\.example\\.com@evil\\.io', /^names "qa\.example\.com@evil\.io" after "@", not a lower-case domain/],
    // Catastrophic backtracking (issue 30: 26 letters took over a second).
    ['cse2e-test(a+)+b@qa\\.example\\.com', nested],
    ['cse2e-(?:a|aa)*b@qa\\.example\\.com', nested],
    ['cse2e-(?:[a-z]+-?)+@qa\\.example\\.com', nested],
    ['cse2e-(a?){20}@qa\\.example\\.com', nested],
    ['cse2e-((a)+)*@qa\\.example\\.com', nested],
    ['cse2e-.*-.*-.*@qa\\.example\\.com', /^has 3 repetitions that may vary \(\*, \+, \{n,\}\), more than 2: each more multiplies the work on a long address/],
  ];
  for (const [source, why] of refused) {
    test(`refuses ${source}`, () => {
      expect(compileTestEmailPattern(source)).toMatch(why);
    });
  }

  test('answers the longest address it can meet in a few milliseconds, for every pattern it accepts', () => {
    // What an attacker who can sign up would choose: long runs that almost match, right up to the length the guard lets through.
    const local = (c: string) => `${ADDRESS_MARKER}-${c.repeat(56)}`;
    const hostile = ['a', '1', '-', 'a-'].flatMap((c) => [`${local(c)}@qa.example.co`, `${local(c)}@${'q'.repeat(180)}.example.com`]);
    for (const source of accepted) {
      const pattern = compileTestEmailPattern(source) as RegExp;
      const started = performance.now();
      for (const address of hostile) pattern.test(address);
      expect(performance.now() - started, source).toBeLessThan(50);
    }
  });

  test('a public mail domain is the provider or a subdomain of it, never a domain that only contains its name', () => {
    for (const domain of ['gmail.com', 'mail.yahoo.co.uk', 'mailslurp.info', 'x.mailslurp.com', 'eu.mailinator.com']) expect(isPublicMailDomain(domain), domain).toBe(true);
    // From the maintained list, far beyond the largest providers.
    for (const domain of ['seznam.cz', 'wp.pl', 'rediffmail.com', 'mail.tm']) expect(isPublicMailDomain(domain), domain).toBe(true);
    for (const domain of ['qa.example.com', 'notgmail.com', 'gmail.com.qa.example.org', 'mailslurp.stand-in.test', 'mymailslurp.company.com']) expect(isPublicMailDomain(domain), domain).toBe(false);
  });

  test('reads the literal parts of a pattern, and how it repeats', () => {
    expect(patternShape('e2e-signup-[a-z0-9]+@qa\\.example\\.com')).toMatchObject({ localLiterals: ['e2e-signup-'], domain: 'qa.example.com', repeats: 1 });
    expect(patternShape('ab\\.cdef?gh@x\\.io')).toMatchObject({ localLiterals: ['ab.cde', 'gh'], domain: 'x.io', repeats: 0 });
    // A quantified character is no longer fixed: "b+?" and "c{2,}" leave no literal; "\\d{6}" is a class, fixed in count.
    const repeated = patternShape('(?:x-)?a\\d{6}b+?c{2,}@x\\.io');
    expect(repeated).toMatchObject({ localLiterals: ['a'], repeats: 2 });
    expect(repeated.nestedRepeat).toBeUndefined();
    expect(patternShape('a(?:b(c+))*@x\\.io').nestedRepeat).toBe('(?:b(c+))*');
  });

  test('its dry run against the pool refuses a CONFIRMED user older than a day, and more than 500 matches', () => {
    const pattern = compileTestEmailPattern(`${ADDRESS_MARKER}-signup-\\d+@qa\\.example\\.com`) as RegExp;
    const now = Date.parse('2026-11-26T12:00:00Z');
    const young = { email: `${ADDRESS_MARKER}-signup-1@qa.example.com`, status: 'CONFIRMED', created: new Date(now - 3_600_000) };
    const old = { email: `${ADDRESS_MARKER}-signup-2@qa.example.com`, status: 'CONFIRMED', created: new Date(now - 2 * 86_400_000) };
    const unrelated = { email: 'jane@qa.example.com', status: 'CONFIRMED', created: new Date(0) };

    expect(vetTestEmailPattern(pattern, [young, unrelated], now)).toEqual({ matched: [young], refusals: [] });
    const settled = vetTestEmailPattern(pattern, [young, old, unrelated], now);
    expect(settled.matched).toEqual([young, old]);
    expect(settled.refusals).toEqual([expect.stringMatching(/^it matches cse2e-signup-2@qa\.example\.com, a CONFIRMED user created 2026-11-24T12:00:00\.000Z: more than a day old/)]);

    const many = Array.from({ length: 501 }, (_, i) => ({ email: `${ADDRESS_MARKER}-signup-${i}@qa.example.com`, status: 'UNCONFIRMED', created: new Date(now) }));
    expect(vetTestEmailPattern(pattern, many, now).refusals).toEqual(['it matches 501 users, more than 500: that is not a handful of test leftovers']);
  });
});
