// The real-services mode, run for real in a child Playwright run, with AWS
// Cognito and MailSlurp replaced by STAND-INS on loopback: the Cognito emulator
// (behind COGNITO_ENDPOINT) and the MailSlurp stand-in, fed by the emulator's
// SMTP mail through MailDev. Proves the remote configuration, mailslurp-client
// and the error messages; proves nothing about AWS or MailSlurp themselves.
import { runPlaywright } from '../../../tools/child-run';
import { mailDevUrl, type Target } from '../../../config/target';
import type { VariantName } from '../../../plan/stories';
import { STAND_IN_API_KEY, expect, standInRemoteEnv, test } from '../fixtures';
import { MailSlurpStandIn } from '../support/mailslurp-stand-in';
import { freePort } from '../../../local/free-port';
import { storyCount } from '../support/stories';
import { artifactTexts } from '../support/artifact-search';
import { DescribeUserPoolClientCommand, DescribeUserPoolCommand, GetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { plannedEmails, storySupport } from '../../../plan/story-support';
import path from 'node:path';

/** The spec files of the stories a list reporter shows as skipped ("  -  12 [remote] › tests/e2e/x.spec.ts:…"), in order. */
const skippedWhere = (output: string) => [...output.matchAll(/^\s+-\s+\d+ \[remote\] › tests\/e2e\/([\w-]+\.spec\.ts)/gm)].map((m) => m[1]);

/** A line of a stack trace: "    at fn (file.ts:12:3)". */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

test.describe('remote mode against stand-ins', () => {
  test.skip(({ settings }) => settings.target !== 'local', 'needs the embedded stack as the stand-in for AWS Cognito');
  test.setTimeout(300_000);

  let standIn: MailSlurpStandIn;

  test.beforeEach(async ({ target }) => {
    standIn = (await new MailSlurpStandIn(STAND_IN_API_KEY).start()).feedFromMailDev(mailDevUrl(target));
  });

  test.afterEach(() => standIn.stop());

  const remoteEnv = (target: Target, pool?: VariantName) => standInRemoteEnv(target, { url: standIn.url, apiKey: STAND_IN_API_KEY }, pool);

  /** A team's one pool of a kind, as the real services, and the stories that need it. */
  const ONE_POOL_OF_A_KIND: Record<VariantName, string[]> = { linkVerification: ['link-verification'], keepOriginalEmail: ['email-change'] };
  const specFiles = (specs: string[]) => specs.map((spec) => `tests/e2e/${spec}.spec.ts`);

  test('the stories pass through mailslurp-client and the remote configuration; those the pool cannot run are skipped, with the reason in the report', async ({
    target,
  }) => {
    const run = await runPlaywright(['--project=remote'], remoteEnv(target), { reporter: 'list,html', timeoutMs: 240_000 });
    // The stand-in's settings name none of the stack's other pools: the stories that need one are skipped;
    // and, as against AWS, no clock can be moved forward: the two expired-code stories and the resend limit's are skipped too.
    const { linkVerification, keepOriginalEmail } = storySupport({}, {}, {});
    expect(skippedWhere(run.output).sort()).toEqual(['email-change.spec.ts', 'email-code-sign-in.spec.ts', 'expired-code.spec.ts', 'link-verification.spec.ts', 'resend-limit.spec.ts']);
    const skipped = [
      linkVerification.why,
      keepOriginalEmail.why,
      'against AWS the code would take its 3 minutes to expire',
      'against AWS the code would take 24 hours to expire',
      'against AWS the story would spend the hourly budget of its address and wait an hour for it to lift',
    ];
    // The doctor (setup project), then every story.
    expect(run.output).toMatch(new RegExp(`\\b${storyCount() + 1 - skipped.length} passed\\b`));
    expect(run.output).toMatch(new RegExp(`\\b${skipped.length} skipped\\b`));
    expect(run.output).toMatch(/✓ +1 \[doctor\] ›/);
    expect(run.exitCode).toBe(0);
    expect(run.output).not.toContain(STAND_IN_API_KEY);

    await test.step('the HTML report gives each skipped story its reason', () => {
      const report = [...artifactTexts(path.join(run.outputDir ?? '', 'report'))].map((t) => t.text).join('\n');
      for (const why of skipped) expect(report).toContain(why);
    });

    await test.step("the doctor's estimate of the mails a run causes (for SES's quota) is the number that arrived", async () => {
      const client = createCognitoClient(target.cognito);
      try {
        const { UserPool: pool = {} } = await client.send(new DescribeUserPoolCommand({ UserPoolId: target.cognito.userPoolId }));
        const { UserPoolClient: appClient = {} } = await client.send(
          new DescribeUserPoolClientCommand({ UserPoolId: target.cognito.userPoolId, ClientId: target.cognito.userPoolClientId }),
        );
        const { EmailMfaConfiguration, WebAuthnConfiguration } = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: target.cognito.userPoolId }));
        // As the doctor sees the stand-in's pool: one pool, none of the stack's others; its passkeys' relying party too.
        const support = storySupport({ ...pool, ...(EmailMfaConfiguration ? { EmailMfaConfiguration } : {}), ...(WebAuthnConfiguration ? { WebAuthnConfiguration } : {}) }, appClient, {});
        expect(standIn.delivered).toHaveLength(plannedEmails(support));
      } finally {
        client.destroy();
      }
    });

    await test.step('every inbox the run created is gone, and a skipped story created none', () => {
      // One inbox per story that ran, and one more: the email change's new address.
      expect(standIn.requests.filter((r) => r.path === '/inboxes/withOptions')).toHaveLength(storyCount() - skipped.length + 1);
      expect(standIn.inboxCount()).toBe(0);
    });
  });

  test("a team's pool that confirms by link, and one that keeps the original email: each as the one pool of the real services, its stories run there", async ({
    target,
  }) => {
    test.setTimeout(360_000);
    const inboxesMade = () => standIn.requests.filter((r) => r.path === '/inboxes/withOptions').length;

    await test.step('a pool that confirms by link: the link story and the invitation run; the code stories are skipped, saying why', async () => {
      // The weak password's story runs on any pool: it needs only the sign-up form.
      const stories = storyCount('link-verification', 'admin-invitation', 'weak-password');
      const run = await runPlaywright(['--project=remote'], remoteEnv(target, 'linkVerification'), { reporter: 'list,html', timeoutMs: 240_000 });
      expect(run.output, run.output.slice(-3_000)).toMatch(new RegExp(`\\b${stories + 1} passed\\b`));
      expect(run.output).toMatch(/✓ +\d+ \[remote\] › tests\/e2e\/link-verification\.spec\.ts/);
      expect(run.output).toMatch(new RegExp(`\\b${storyCount() - stories} skipped\\b`));
      const report = [...artifactTexts(path.join(run.outputDir ?? '', 'report'))].map((t) => t.text).join('\n');
      expect(report).toContain('the pool confirms sign-ups by link (DefaultEmailOption CONFIRM_WITH_LINK), not by a code');
      expect(run.exitCode).toBe(0);
      expect(inboxesMade()).toBe(stories);
      expect(standIn.inboxCount()).toBe(0);
    });

    await test.step('a pool that keeps the original email until the new one is verified: both email-change stories run on it', async () => {
      const before = inboxesMade();
      const run = await runPlaywright(['--project=remote', ...specFiles(ONE_POOL_OF_A_KIND.keepOriginalEmail)], remoteEnv(target, 'keepOriginalEmail'));
      expect(run.output, run.output.slice(-3_000)).toMatch(new RegExp(`\\b${storyCount('email-change') + 1} passed\\b`));
      expect(run.output).not.toMatch(/\bskipped\b/);
      expect(run.exitCode).toBe(0);
      // Each story's user, and the address it changes to.
      expect(inboxesMade() - before).toBe(storyCount('email-change') * 2);
      expect(standIn.inboxCount()).toBe(0);
    });
  });

  test('the flake gate in remote mode: every story 10 times over against the stand-ins, none flaky', async ({ target }) => {
    // Seven minutes of two browsers: run alone (npm run flake-gate:remote, after test:self in CI), so its load cannot slow other self-tests' child runs past their deadlines.
    test.skip(process.env.E2E_REMOTE_FLAKE_GATE !== '1', 'run by npm run flake-gate:remote');
    test.setTimeout(1_500_000);
    // Without the doctor (--no-deps), and rightly: ten times every story is some 230 mails, and on a pool that sends through
    // Cognito's own sender, as the stand-in's does, the doctor stops such a run (50 a day on AWS). The stand-in has no such
    // limit, and what this gate tests is the stories; the doctor's own verdicts are tested above and in doctor.spec.ts.
    const gate = ['--project=remote', '--no-deps', '--repeat-each=10', '--retries=1', '--fail-on-flaky-tests'];
    const run = await runPlaywright(gate, remoteEnv(target), { timeoutMs: 1_200_000 });
    // Verification by link, and the original email kept: they run on a pool of their kind, below; and the two expired codes and the resend
    // limit, which need the embedded clock.
    const skipped = 5;
    const passedStories = (output: string) => output.split('\n').filter((line) => /✓ +\d+ \[remote\] ›/.test(line)).length;
    expect(passedStories(run.output), run.output.slice(-3_000)).toBe((storyCount() - skipped) * 10);
    expect(run.output).not.toMatch(/\bflaky\b/);
    expect(run.exitCode, run.output.slice(-3_000)).toBe(0);

    for (const [pool, specs] of Object.entries(ONE_POOL_OF_A_KIND)) {
      const stories = storyCount(...specs);
      const onItsPool = await runPlaywright([...gate, ...specFiles(specs)], remoteEnv(target, pool as VariantName), { timeoutMs: 240_000 });
      expect(passedStories(onItsPool.output), `${pool}: ${onItsPool.output.slice(-3_000)}`).toBe(stories * 10);
      expect(onItsPool.output).not.toMatch(/\bflaky\b/);
      expect(onItsPool.exitCode).toBe(0);
    }
    expect(standIn.inboxCount()).toBe(0);
  });

  const failures = [
    {
      name: 'an unknown user pool',
      env: { COGNITO_USER_POOL_ID: 'eu-west-1_Unknown123' },
      message: /CognitoAccessError: DescribeUserPool failed: Cognito \(http:\/\/[\d.:]+\) says: User Pool eu-west-1_Unknown123 not found\. Check COGNITO_USER_POOL_ID/,
    },
    {
      name: 'no AWS credentials',
      env: {
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      message: /CognitoAccessError: DescribeUserPool failed: no AWS credentials were found by the SDK's default chain/,
    },
    {
      name: 'a MailSlurp key that is refused',
      env: { MAILSLURP_API_KEY: 'refused-key-0123456789abcdef' },
      message: /MailSlurpError: MailSlurp at http:\/\/[\d.:]+ rejected the API key \(HTTP 401\) when asked to create an inbox: .*Check MAILSLURP_API_KEY/,
      secret: 'refused-key-0123456789abcdef',
    },
    {
      name: 'an unreachable app',
      env: { BASE_URL: 'http://127.0.0.1:DEAD_PORT/signup' },
      message: /ActionableError: The sign-up page at http:\/\/127\.0\.0\.1:\d+\/signup is unreachable \(net::ERR_\w+\)\. Is the app running\? It is BASE_URL for the real services/,
    },
    {
      name: 'an unreachable Cognito endpoint',
      env: { COGNITO_ENDPOINT: 'http://127.0.0.1:1' },
      message: /CognitoAccessError: DescribeUserPool failed: Cognito \(http:\/\/127\.0\.0\.1:1\) is unreachable \(ECONNREFUSED\)\./,
    },
  ];
  for (const failure of failures) {
    test(`${failure.name} fails with a clear message and no stack trace`, async ({ target }) => {
      const deadPort = String(await freePort());
      const env = Object.fromEntries(Object.entries(failure.env).map(([k, v]) => [k, v?.replace('DEAD_PORT', deadPort)]));
      // --no-deps: these test the fixtures' own errors; the doctor's are tested in doctor.spec.ts.
      const run = await runPlaywright(['--project=remote', '--no-deps', 'tests/e2e/signup-verification.spec.ts'], { ...remoteEnv(target), ...env });
      expect(run.exitCode).not.toBe(0);
      expect(run.output).toMatch(failure.message);
      expect(run.output).not.toMatch(STACK_FRAME);
      expect(run.output).not.toContain(failure.secret ?? STAND_IN_API_KEY);
    });
  }
});
