// Every red test names its cause. Each case breaks one thing on purpose, at
// the boundaries of a private stack (a proxy in front of the Cognito emulator
// that fakes, delays or fails one operation; an SMTP proxy between the
// emulator and the catcher that duplicates or misdirects mail), runs every
// story in a child run, and asserts that the run is red, how fast, and that
// the first failure's first lines name the cause.
import { reportedDuration, runPlaywright } from '../../../tools/child-run';
import { expect, test, type PrivateStackOptions } from '../fixtures';
import { CognitoProxy, type CognitoFault } from '../support/cognito-proxy';
import { SmtpProxy, type MailFault } from '../support/smtp-proxy';

const INTERNAL_ERROR = { __type: 'InternalErrorException', message: 'An internal error occurred.' };

interface Case {
  name: string;
  cognito?: [operation: string, fault: CognitoFault];
  mail?: MailFault;
  /** The first lines of the first failure must say this. */
  cause: RegExp;
  /** The test that shows it first, and at most how long it may take to go red (the story's own steps included). */
  story: RegExp;
  redWithinMs: number;
  /**
   * EMAIL_TIMEOUT_MS of the child run: short where the mail is what is missing; long where the point is
   * that the story fails before any deadline (waiting one out would then take longer than redWithinMs).
   */
  emailTimeoutMs: number;
}

const CASES: Case[] = [
  {
    name: 'ConfirmSignUp answers 200, but the user stays UNCONFIRMED',
    cognito: ['ConfirmSignUp', { kind: 'answer', status: 200, body: {} }],
    // The first story to meet it enters an older code, which Cognito now "accepts"; the others confirm in vain.
    cause: /Cognito (accepted the code \d{6} \(ConfirmSignUp → 200\)|answered ConfirmSignUp with 200, but the user \S+ is still UNCONFIRMED)[\s\S]*?Most likely: Cognito answered ConfirmSignUp with 200, but the user is still UNCONFIRMED: Cognito claimed a confirmation that did not take\./,
    story: /signup-verification/,
    redWithinMs: 15_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: 'ConfirmSignUp takes 12 s to answer',
    cognito: ['ConfirmSignUp', { kind: 'delay', ms: 12_000 }],
    cause: /ConfirmSignUp has not answered after \d+ ms, over its budget of 2000 ms \(COGNITO_CALL_BUDGET_MS\)\./,
    story: /signup-verification/,
    redWithinMs: 14_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: 'ResendConfirmationCode answers 200 and sends nothing, naming another address',
    cognito: ['ResendConfirmationCode', { kind: 'answer', status: 200, body: { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'someone@elsewhere.test' } } }],
    cause: /Cognito answered ResendConfirmationCode that it sent the code to someone@elsewhere\.test by EMAIL, but the inbox it should reach is \S+: the code went elsewhere, or nowhere\./,
    story: /resend-code/,
    redWithinMs: 14_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: 'ResendConfirmationCode fails with a 500',
    cognito: ['ResendConfirmationCode', { kind: 'answer', status: 500, body: INTERNAL_ERROR }],
    cause: /ResendConfirmationCode failed: Cognito answered InternalErrorException: An internal error occurred\./,
    story: /resend-code/,
    redWithinMs: 14_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: 'SignUp fails with InternalErrorException',
    cognito: ['SignUp', { kind: 'answer', status: 500, body: INTERNAL_ERROR }],
    cause: /SignUp failed: Cognito answered InternalErrorException: An internal error occurred\./,
    story: /signup-verification/,
    redWithinMs: 14_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: 'every mail is delivered twice',
    mail: { kind: 'duplicate' },
    cause: /\d mails reached \S+ where the test's actions caused \d: .* The same code came more than once \(\d{6}(, \d{6})*\): the mail path delivers each mail more than once\./,
    story: /signup-verification/,
    redWithinMs: 20_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: 'the mail goes to a different address',
    mail: { kind: 'redirect', to: 'someone@elsewhere.test' },
    cause: /No email reached \S+ at MailDev[\s\S]*Mail for addresses that are no test inbox, since the action: someone@elsewhere\.test "Your verification code"[\s\S]*Most likely: Mail did arrive during the wait, but for another address: the mail path delivered it to the wrong recipient\./,
    story: /signup-verification/,
    redWithinMs: 15_000,
    emailTimeoutMs: 5_000,
  },
  {
    name: 'the mail is lost between Cognito and the inbox',
    mail: { kind: 'drop' },
    cause: /No email reached \S+ at MailDev[\s\S]*Most likely: Cognito says it sent the code to \S+ by EMAIL, but the inbox never got it: the mail was lost between Cognito and the inbox/,
    story: /signup-verification/,
    redWithinMs: 15_000,
    emailTimeoutMs: 5_000,
  },
  {
    name: 'the code in the mail is not the one Cognito issued',
    mail: { kind: 'alter' },
    cause: /Cognito refused the code \d{6}: ConfirmSignUp answered CodeMismatchException: Invalid verification code provided, please try again\. It is the code of the latest mail[\s\S]*Most likely: The mail carries a code Cognito did not issue/,
    story: /signup-verification/,
    redWithinMs: 14_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: "the mail's words are not the pool's template",
    mail: { kind: 'reword' },
    cause: /No verification code in the mail: expected text like[\s\S]*?The pool's verification template now \(DescribeUserPool\)[\s\S]*?Most likely: The mail arrived, but it does not read as the pool's verification template[^\n]*the pool still has the template the run read, so something else wrote the mail/,
    story: /signup-verification/,
    redWithinMs: 14_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: "the mail's subject is not the pool's template's",
    mail: { kind: 'resubject', subject: 'Welcome aboard' },
    cause: /has the subject "Welcome aboard", not the pool's template's subject "Your verification code"[\s\S]*?Most likely: The mail arrived, but it does not read as the pool's verification template/,
    story: /signup-verification/,
    redWithinMs: 14_000,
    emailTimeoutMs: 20_000,
  },
  {
    name: "the mail reaches the address, but its To: header names another",
    mail: { kind: 'readdress', to: 'someone@elsewhere.test' },
    cause: /No email reached \S+ at MailDev[\s\S]*Mail for \S+ by its envelope, whose To: header names another: "Your verification code", To: someone@elsewhere\.test[\s\S]*Most likely: A mail for \S+ reached the catcher \(its SMTP envelope names the address\), but its To: header names another address/,
    story: /signup-verification/,
    redWithinMs: 15_000,
    emailTimeoutMs: 5_000,
  },
  {
    name: 'SignUp takes 3 s instead of tens of milliseconds',
    cognito: ['SignUp', { kind: 'delay', ms: 3_000 }],
    cause: /SignUp has not answered after \d+ ms, over its budget of 2000 ms \(COGNITO_CALL_BUDGET_MS\)\./,
    story: /signup-verification/,
    redWithinMs: 14_000,
    emailTimeoutMs: 20_000,
  },
];

/**
 * The sign-up stories, whose mails every case breaks. The later flows' stories
 * (reset, invitation, link, email change, stale session) were broken by hand
 * (see the closing notes); running them here too would take a child run past
 * two minutes per case on two cores.
 */
const SIGN_UP_STORIES = ['signup-verification', 'resend-code', 'wrong-code', 're-signup-after-delete', 'existing-unconfirmed-user'].map((s) => `tests/e2e/${s}.spec.ts`);

/**
 * Where the summary would send a reader the wrong way: its "Most likely" line
 * against the error's own first line. Undefined when they agree.
 */
function contradiction(failure: string): string | undefined {
  const error = /\n\s*(\w*Error: .*)/.exec(failure)?.[1] ?? '';
  const likely = /Most likely: (.*)/.exec(failure)?.[1] ?? '';
  const blamesThePage = /the page did not show what the test expected/.test(likely);
  if (/No verification code in the mail|not the mail the pool's template writes|VerificationCodeError/.test(error) && blamesThePage) return 'the error is about the mail, the summary about the page';
  if (/No email reached/.test(error) && (blamesThePage || /without error/.test(likely))) return 'the error says no mail came, the summary blames the page';
  if (/failed: Cognito answered/.test(error) && /answered every call of the step without error/.test(likely)) return 'the error is a refusal, the summary says none';
  return undefined;
}

/** The first failure the list reporter printed, from its title to its first stack line or evidence. */
function firstFailure(output: string): string {
  const start = output.search(/^\s+1\) \[/m);
  return start < 0 ? '' : output.slice(start, start + 3_000);
}

function interposers(c: Case): PrivateStackOptions {
  return {
    ...(c.cognito
      ? { interposeCognito: async (emulator: string) => (await CognitoProxy.start(emulator)).fault(...(c.cognito as [string, CognitoFault])) }
      : {}),
    ...(c.mail
      ? {
          interposeSmtp: async (catcher: { host: string; port: number }) => {
            const proxy = await SmtpProxy.start(catcher, c.mail as MailFault);
            return { port: proxy.port, close: () => proxy.close() };
          },
        }
      : {}),
  };
}

test.describe('every red test names its cause', () => {
  test.setTimeout(150_000);
  // One child run at a time: each brings a private stack and a browser, and 2 cores are few.
  test.describe.configure({ mode: 'default' });

  for (const c of CASES) {
    test(c.name, async ({ startPrivateStack }, testInfo) => {
      const { env } = await startPrivateStack(interposers(c));
      const run = await runPlaywright(['--project=local', '--no-deps', ...SIGN_UP_STORIES], { ...env, CI: undefined, EMAIL_TIMEOUT_MS: String(c.emailTimeoutMs) });

      await test.step('the run is red: the fault does not let every story pass', () => {
        expect(run.exitCode, run.output).toBe(1);
        expect(run.output).toMatch(/\b\d+ failed\b/);
      });

      const first = firstFailure(run.output);
      const failed = run.output.split('\n').filter((line) => /^\s+✘/.test(line));
      await testInfo.attach('red tests', { body: `${failed.join('\n')}\n\nFirst failure:\n${first}`, contentType: 'text/plain' });

      await test.step('the first failure names the cause in its first lines', () => {
        expect(first, run.output).toMatch(c.cause);
      });

      await test.step("no red test's summary line contradicts its error", () => {
        const failures = run.output.split(/^\s+\d+\) \[/m).slice(1);
        expect(failures.map((f) => contradiction(f)).filter(Boolean), run.output).toEqual([]);
      });

      await test.step('and the story goes red fast', () => {
        const took = reportedDuration(run.output, new RegExp(`✘.*${c.story.source}`));
        expect(took, `${c.story} should have failed:\n${failed.join('\n')}`).toBeDefined();
        expect(took).toBeLessThanOrEqual(c.redWithinMs);
      });
    });
  }
});
