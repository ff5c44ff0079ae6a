// Adopting a third UI, as a team adopts theirs: a page written for this test
// (tests/self/support/portal.html) with words and roles of its own, sign-in and
// recovery behind links, no resend on its reset form, an MFA code screen after
// the password, and Cognito's own words for errors, pointed at a stack of its
// own. Its adoption is one file, pages/ui/portal.ts. Every story either passes
// on it or skips with the true reason, read from the run's own report.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { localTarget } from '../../../config/target';
import { STORIES, STORY_KEYS, type StoryKey } from '../../../plan/stories';
import { runPlaywright } from '../../../tools/child-run';
import { expect, test } from '../fixtures';
import { servePage, type MinimalPageServer } from '../support/minimal-page-server';

/** What each story does on the portal: passes, or skips with a reason that says this. */
const EXPECTED: Record<StoryKey, 'passed' | { skipped: string }> = {
  signUp: 'passed',
  signInAfterSignUp: { skipped: "page 'portal' has no sign-in with the sign-up's session: add `signsInAfterSignUp: true`" },
  resendCode: 'passed',
  wrongCode: 'passed',
  existingUnconfirmedUser: 'passed',
  reSignUpAfterDelete: 'passed',
  reSignUpAfterConfirmedDelete: 'passed',
  resendLimit: 'passed',
  expiredCode: 'passed',
  weakPassword: 'passed',
  forgotPassword: { skipped: "page 'portal' has no control that mails another reset code: add `resetPassword.resend` to pages/ui/portal.ts" },
  passwordResetByAdmin: 'passed',
  staleSession: 'passed',
  invitation: { skipped: "page 'portal' has no new-password screen: add `changePassword`" },
  emailChange: { skipped: "page 'portal' has no account screen (change email): add `account`" },
  keepOriginalEmail: { skipped: "page 'portal' cannot be pointed at another pool" },
  linkVerification: { skipped: "page 'portal' cannot be pointed at another pool" },
  emailCodeSignIn: { skipped: "page 'portal' has no sign-in code screen (passwordless): add `signInByCode`" },
  expiredSignInCode: { skipped: "page 'portal' has no sign-in code screen (passwordless): add `signInByCode`" },
  emailMfa: 'passed',
  passwordlessSignUp: { skipped: "page 'portal' has no sign-up without a password (the address alone): add `passwordlessSignUp`" },
  passkeys: { skipped: "page 'portal' has no sign-up without a password (the address alone): add `passwordlessSignUp`" },
  passkeyAfterDelete: { skipped: "page 'portal' has no sign-up without a password (the address alone): add `passwordlessSignUp`" },
};

interface JsonSpec {
  title: string;
  file: string;
  tests: { projectName: string; annotations: { type: string; description?: string }[]; results: { status: string }[] }[];
}
interface JsonSuite {
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
const specsOf = (suite: JsonSuite): JsonSpec[] => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];

test.describe('a third UI, adopted with its description alone', () => {
  // Every story, one worker at a time beside the other self-tests: about a minute and a half.
  test.setTimeout(360_000);
  let portal: MinimalPageServer | undefined;

  test.afterEach(() => portal?.close());

  test('every story passes on it or skips saying what the page lacks and which field adds it', async ({ target, startPrivateStack }, testInfo) => {
    test.skip(target.name !== 'local', 'the page under test is pointed at the embedded stack');
    portal = await servePage('portal.html', '/portal/');
    const { url } = portal;
    const stack = await startPrivateStack({ pageOrigin: new URL(url).origin });
    portal.usePool((await localTarget(stack.env)).cognito);

    const report = testInfo.outputPath('report.json');
    const run = await runPlaywright(['--project=local'], { CI: undefined, ...stack.env, BASE_URL: url, SIGNUP_PAGE: 'portal', PLAYWRIGHT_JSON_OUTPUT_FILE: report }, {
      reporter: 'list,json',
      timeoutMs: 330_000,
    });
    await testInfo.attach('run', { body: run.output, contentType: 'text/plain' });
    expect(run.exitCode, run.output).toBe(0);

    const specs = specsOf(JSON.parse(readFileSync(report, 'utf8')) as JsonSuite).filter((spec) => spec.tests[0]?.projectName === 'local');
    const seen = Object.fromEntries(
      STORY_KEYS.map((key) => {
        const spec = specs.find((candidate) => path.basename(candidate.file) === STORIES[key].file && candidate.title === STORIES[key].title);
        const test = spec?.tests[0];
        const status = test?.results[0]?.status;
        const skip = test?.annotations.find((annotation) => annotation.type === 'skip')?.description ?? '';
        return [key, status === 'skipped' ? `skipped: ${skip}` : (status ?? 'not run')];
      }),
    );
    const expected = Object.fromEntries(
      STORY_KEYS.map((key) => {
        const outcome = EXPECTED[key];
        return [key, outcome === 'passed' ? 'passed' : expect.stringContaining(`skipped: ${outcome.skipped}`)];
      }),
    );
    expect(seen).toEqual(expected);
  });
});
