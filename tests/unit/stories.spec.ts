// The story catalogue against the stories themselves: every test in tests/e2e
// has exactly one record (by its file and its own title), every record a test,
// and each record's mails are of kinds the operation catalogue knows.
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { defaultAttemptLimits, type AttemptLimitName } from '../../common/attempt-limits';
import { MAIL_KINDS } from '../../common/cognito-operations';
import { SIGN_UP_MAIL_STORIES, STORIES, STORY_KEYS, mailsOf, storyOf, storyRecord, type StoryKey } from '../../plan/stories';
import { plannedEmails, storySupport } from '../../plan/story-support';

/** Each test's file and own title, as written in tests/e2e (a quote of another kind may stand inside a title). */
function testsInSpecs(): { file: string; title: string }[] {
  return readdirSync('tests/e2e')
    .filter((file) => file.endsWith('.spec.ts'))
    .flatMap((file) =>
      [...readFileSync(`tests/e2e/${file}`, 'utf8').matchAll(/^\s*test\(\s*(['"`])((?:\\.|(?!\1).)*)\1\s*,/gm)].map((m) => ({ file, title: m[2] as string })),
    );
}

test('every story in tests/e2e has one record, and every record a story', () => {
  const found = testsInSpecs();
  expect(found.length, 'the scan found the stories').toBeGreaterThan(10);
  expect(found.filter((t) => !storyOf(`tests/e2e/${t.file}`, t.title)), 'stories with no record in plan/stories.ts').toEqual([]);
  const written = new Set(found.map((t) => `${t.file} | ${t.title}`));
  expect(STORY_KEYS.filter((key) => !written.has(`${STORIES[key].file} | ${STORIES[key].title}`)), 'records with no story').toEqual([]);
});

test("a story's record is found from the path Playwright gives, on any platform", () => {
  expect(storyOf('/work/repo/tests/e2e/signup-verification.spec.ts', STORIES.signUp.title)).toBe('signUp');
  expect(storyOf('C:\\repo\\tests\\e2e\\signup-verification.spec.ts', STORIES.signUp.title)).toBe('signUp');
  expect(storyOf('/work/repo/tests/e2e/signup-verification.spec.ts', 'another title')).toBeUndefined();
});

test('the mails each story causes are of kinds the operation catalogue knows; a run of every story on one UI sends 47', () => {
  for (const key of STORY_KEYS) for (const kind of Object.keys(STORIES[key].mails)) expect(Object.keys(MAIL_KINDS), `${key}: ${kind}`).toContain(kind);
  // Counted on the embedded stack, one story at a time (the emulator's count of its mails, GET /_emulator/quotas).
  expect(STORY_KEYS.reduce((sum, key) => sum + mailsOf(key), 0)).toBe(47);
  expect(plannedEmails('every story', 10)).toBe(470);
});

test('the stories that wait for the sign-up mail: all but the invitation and the weak password', () => {
  expect(STORY_KEYS.filter((key) => !SIGN_UP_MAIL_STORIES.includes(key))).toEqual(['weakPassword', 'invitation']);
});

test('against AWS (no clock to move), the run plans the mails of the stories that will run', () => {
  const pool = { Id: 'eu-west-1_A', AutoVerifiedAttributes: ['email' as const] };
  const client = { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const, 'ALLOW_REFRESH_TOKEN_AUTH' as const] };
  // Six code stories (9 mails), forgot password (3), the admin's password reset (3), stale session (2), the invitation (2), the email change (2);
  // the expired code is skipped, and so is the sign-in straight after sign-up (the client lacks ALLOW_USER_AUTH).
  expect(plannedEmails(storySupport(pool, client, {}))).toBe(21);
});

/**
 * The limits a story's one run goes over, by AWS's numbers (the low end of a
 * range): more requests than an hour's budget, or as many failed sign-ins as
 * lock the user out (the fifth locks them for a second, so a story stays at four).
 */
function limitsPassed(key: StoryKey): AttemptLimitName[] {
  const limits = defaultAttemptLimits();
  return Object.entries(storyRecord(key).attempts)
    .filter(([name, count]) => (name === 'PasswordFailures' ? count >= (limits.PasswordFailures ?? 0) : count > (limits[name as AttemptLimitName] ?? Infinity)))
    .map(([name]) => name as AttemptLimitName);
}

test("no story goes over Cognito's limits on one user's attempts, but the one that shows a limit, which runs on the embedded stack only", () => {
  const over = STORY_KEYS.filter((key) => limitsPassed(key).length).map((key) => ({ key, passes: limitsPassed(key), onPurpose: storyRecord(key).overLimit, embeddedOnly: !!storyRecord(key).embeddedOnly }));
  expect(over, 'a story that passes on the embedded stack then passes on AWS').toEqual([{ key: 'resendLimit', passes: ['ResendConfirmationCode'], onPurpose: 'ResendConfirmationCode', embeddedOnly: true }]);
  expect(STORY_KEYS.filter((key) => storyRecord(key).overLimit), 'a story that says it goes over a limit does').toEqual(['resendLimit']);
});
