import { UpdateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAppClient } from '../../../helpers/cognito/app-client';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { stackOnFreePorts } from '../../../local/free-port';
import { generatePassword } from '../../../helpers/password';
import { stackEnv, stackUrls } from '../../../local/stack-settings';
import { runCommand, runPlaywright } from '../../../tools/child-run';
import { localTarget } from '../../../config/target';
import { STAND_IN_API_KEY, expect, standInRemoteEnv, test } from '../fixtures';
import { MailSlurpStandIn } from '../support/mailslurp-stand-in';
import { storyCount } from '../support/stories';

const doctor = (env: Record<string, string | undefined> = {}, args: string[] = []) => runCommand('node', ['--import', 'tsx', 'tools/doctor/main.ts', ...args], env);

test.describe('npm run doctor', () => {
  test.setTimeout(120_000);

  test('against the embedded stack: every check passes', async () => {
    const run = await doctor();
    expect(run.output).toMatch(/^✓ The configuration is complete \(target local/m);
    expect(run.output).toMatch(/^✓ Cognito reachable \(http:\/\/127\.0\.0\.1:\d+\), pool local_\w+ \(\d+ ms\)$/m);
    expect(run.output).toMatch(/^✓ App reachable at http:\/\/127\.0\.0\.1:\d+ \(HTTP 200, \d+ ms\)$/m);
    expect(run.output).toMatch(/^✓ The sign-up page at http:\/\/127\.0\.0\.1:\d+ shows its form \(page object "amplify"\) \(button "Create Account", "Email", "Password", \d+ ms\)$/m);
    expect(run.output).toMatch(/^✓ MailDev's push events connect/m);
    expect(run.output).toMatch(/^✓ Allowed: cognito-idp:AdminDeleteUser$/m);
    expect(run.output).toMatch(/^✓ Email goes out through Cognito's own sender \(COGNITO_DEFAULT\) \(the emulator's daily limit is off \(LOCAL_EMAIL_DAILY_LIMIT\); on AWS this run's \d+ mails would count against 50 a day\)$/m);
    // The passkey stories open the app as localhost (a relying party must be a name), the stack's relying party.
    expect(run.output).toMatch(/^✓ Passkeys for localhost work on the page the stories open \(http:\/\/localhost:\d+\) \(AllowedFirstAuthFactors: [A-Z_, ]*WEB_AUTHN[A-Z_, ]*\)$/m);
    expect(run.output).toMatch(/^\d+ ✓, 0 ⚠, 0 ✗$/m);
    expect(run.output).not.toMatch(/[⚠✗] /);
    expect(run.exitCode).toBe(0);
  });

  test("with the emulator's daily mail limit on: what is left today, against the run's mails", async ({ startPrivateStack }) => {
    const { env } = await startPrivateStack({ quotas: { emailDailyLimit: 10 } });
    const target = await localTarget(env);
    const client = createCognitoClient(target.cognito);
    const app = new CognitoAppClient(client, { clientId: target.cognito.userPoolClientId });
    for (const address of ['spent-1@qa.example.com', 'spent-2@qa.example.com']) await app.signUp(address, generatePassword());
    client.destroy();

    const run = await doctor(env);
    expect(run.output).toMatch(
      /^✗ Email goes out through Cognito's own sender \(COGNITO_DEFAULT\) cannot send this run's mails \(8 of the emulator's 10 a day left \(LOCAL_EMAIL_DAILY_LIMIT\); this run sends about \d+\)\n {4}→ Raise or unset LOCAL_EMAIL_DAILY_LIMIT/m,
    );
    expect(run.exitCode).toBe(1);
  });

  test('a pool set up wrong: the ✗ lines with their fixes, a non-zero exit, and the test run stopped early', async ({ startPrivateStack }) => {
    const { env } = await startPrivateStack();
    const target = await localTarget(env);
    const client = createCognitoClient(target.cognito);
    await client.send(
      new UpdateUserPoolCommand({
        UserPoolId: target.cognito.userPoolId,
        AutoVerifiedAttributes: [],
        EmailVerificationMessage: 'Welcome aboard! Your account is ready.',
        EmailVerificationSubject: 'Welcome',
        VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE', EmailMessage: 'Welcome aboard! Your account is ready.', EmailSubject: 'Welcome' },
      }),
    );
    client.destroy();

    const run = await doctor(env);
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain(
      "✗ The pool sends no verification code to email (AutoVerifiedAttributes: none)\n    → Set AutoVerifiedAttributes to ['email']",
    );
    expect(run.output).toContain(
      '✗ The verification message has no {####} ("Welcome aboard! Your account is ready.")\n    → Put {####} in VerificationMessageTemplate.EmailMessage',
    );
    // The stories built on a mailed code say, in one line, that they cannot run, and why; the sign-up code's own stories are in the ✗ above.
    // That UpdateUserPool named neither Policies nor MfaConfiguration, so, as on AWS, sign-in by code and email MFA are off too.
    expect(run.output).toContain(
      '⚠ Stories "sign-in straight after sign-up", "forgot password", "admin password reset", "stale session after deletion", "email change", "sign-in with a mailed code (passwordless)", ' +
        '"expired sign-in code", "email as a second factor (MFA)", "sign-up without a password", "passkeys", "passkeys after the account was deleted" ' +
        'will be skipped (the pool does not verify email at sign-up (AutoVerifiedAttributes lacks email)',
    );
    expect(run.output).not.toContain('"sign-up"');
    // Its relying party stays (SetUserPoolMfaConfig's), while the sign-in policy went with Policies: a warning of its own.
    expect(run.output).toContain('⚠ The pool has a passkey relying party (localhost), but its sign-in policy does not allow WEB_AUTHN');
    expect(run.output).toMatch(/^\d+ ✓, 2 ⚠, 2 ✗$/m);

    await test.step('the setup project stops the run before any browser test', async () => {
      const tests = await runPlaywright(['--project=local'], { ...env, CI: undefined });
      expect(tests.exitCode).toBe(1);
      expect(tests.output).toContain('The doctor found problems, so no test ran:');
      expect(tests.output).toContain('✗ The pool sends no verification code to email');
      expect(tests.output).toMatch(/\b1 failed\b/);
      expect(tests.output).toMatch(new RegExp(`\\b${storyCount()} did not run\\b`));
      expect(tests.output).not.toMatch(/\bpassed\b/);
    });
  });

  test('with no stack running, it starts one for the checks and stops it afterwards', async ({}, testInfo) => {
    const settings = await stackOnFreePorts(testInfo.outputPath('stack'));
    const run = await doctor(stackEnv(settings));
    expect(run.output).toContain('The embedded stack is not running: starting it for these checks (it stops when they are done).');
    expect(run.output).toMatch(/^\d+ ✓, 0 ⚠, 0 ✗$/m);
    expect(run.exitCode).toBe(0);
    expect(await fetch(stackUrls(settings).appConfig).then(() => 'answering', () => 'stopped')).toBe('stopped');
  });

  test("TEST_EMAIL_PATTERN's dry run: how many users it matches, and the first of them", async ({ startPrivateStack }) => {
    const { env } = await startPrivateStack();
    const target = await localTarget(env);
    const client = createCognitoClient(target.cognito);
    const app = new CognitoAppClient(client, { clientId: target.cognito.userPoolClientId });
    for (const address of ['cse2e-signup-1@qa.example.com', 'cse2e-signup-2@qa.example.com', 'jane@qa.example.com']) await app.signUp(address, generatePassword());
    client.destroy();

    const run = await doctor({ ...env, TEST_EMAIL_PATTERN: 'cse2e-signup-\\d+@qa\\.example\\.com' });
    expect(run.output).toMatch(/^✓ TEST_EMAIL_PATTERN's dry run \(the janitor's extra addresses\) \(matches 2 of 3 user\(s\): cse2e-signup-[12]@qa\.example\.com, cse2e-signup-[12]@qa\.example\.com\)$/m);
    expect(run.exitCode).toBe(0);
  });

  test("real-service settings, against stand-ins: the sending limit weighed against the run's mails, and a refused MailSlurp key", async ({ target }) => {
    const standIn = await new MailSlurpStandIn(STAND_IN_API_KEY).start();
    const remote = standInRemoteEnv(target, { url: standIn.url, apiKey: STAND_IN_API_KEY });
    try {
      const run = await doctor(remote);
      const sender = /⚠ Email goes out through Cognito's own sender \(COGNITO_DEFAULT\) \(this run sends about (\d+) mails; Cognito's own sender sends at most 50 a day for the whole account and region, from 09:00 UTC, and AWS does not show how many are left; past them, every mail is refused \(LimitExceededException\)\)\n {4}→ Send through SES/;
      expect(run.output).toMatch(sender);
      const planned = Number(sender.exec(run.output)?.[1]);
      expect(planned, 'one run of the stories fits in the day').toBeLessThanOrEqual(50);
      expect(run.output).toContain(`✓ MailSlurp reachable at ${standIn.url}, and the key is valid`);
      expect(run.output).toContain('✓ The MailSlurp account can create inboxes (account ACTIVE');
      // The stand-in's settings name none of the stack's other pools: the two stories that need one are listed as skipped, with why.
      expect(run.output).toContain('⚠ Story "verification by link" will be skipped (the pool confirms by code, not by link (DefaultEmailOption CONFIRM_WITH_LINK)');
      expect(run.output).toContain('⚠ Story "email change, original kept until verified" will be skipped (the pool does not keep the original email');
      // The two stories with the same needs share a line.
      expect(run.output).toContain('✓ Stories "forgot password", "admin password reset" will run');
      expect(run.output).toContain('✓ Allowed: cognito-idp:AdminResetUserPassword');
      // As against AWS, no clock can be moved forward: the two expiry stories and the resend limit's are listed as skipped, with why.
      expect(run.output).toContain('⚠ Story "expired code" will be skipped (only the embedded emulator\'s time can be moved forward; against AWS the code would take 24 hours to expire)');
      expect(run.output).toContain('⚠ Story "resend limit" will be skipped (only the embedded emulator\'s time can be moved forward; against AWS the story would spend the hourly budget');
      // The emulator's pool exports no delivery errors: a lost mail's evidence would hold none from AWS, and the doctor says so.
      expect(run.output).toContain("⚠ Cognito exports no message-delivery errors (a lost mail's evidence will hold no record of it from AWS)\n    → Set the pool's log delivery");
      expect(run.output).toMatch(/^\d+ ✓, 7 ⚠, 0 ✗$/m);
      expect(run.exitCode).toBe(0);

      // A team's pool that confirms by link: its link story runs, the code stories are skipped, and the doctor says why.
      const link = await doctor(standInRemoteEnv(target, { url: standIn.url, apiKey: STAND_IN_API_KEY }, 'linkVerification'));
      expect(link.output).toContain('✓ The pool confirms sign-ups by link, and its message holds {##…##}');
      expect(link.output).toContain(`✓ The pool's links point to ${new URL(target.cognito.endpoint ?? '').origin} (COGNITO_ENDPOINT, the stand-in)`);
      expect(link.output).toContain('✓ Story "verification by link" will run');
      expect(link.output).toContain(
        '⚠ Stories "sign-up", "sign-in straight after sign-up", "resend", "wrong code", "existing user", "re-signup", "re-signup of a confirmed user", "resend limit", "expired code", ' +
          '"forgot password", "admin password reset", "stale session after deletion", "email change", "sign-in with a mailed code (passwordless)", "expired sign-in code", ' +
          '"email as a second factor (MFA)", "sign-up without a password", "passkeys", "passkeys after the account was deleted" will be skipped (the pool confirms sign-ups by link',
      );
      expect(link.exitCode).toBe(0);

      // Three times over does not fit: stopped before any story spends a mail, with both numbers and the two ways out.
      const thrice = await doctor(remote, ['--repeat-each', '3']);
      expect(thrice.output).toContain(`✗ Email goes out through Cognito's own sender (COGNITO_DEFAULT) cannot send this run's mails (this run sends about ${planned * 3} mails; Cognito's own sender sends at most 50 a day`);
      expect(thrice.output).toMatch(/→ Send through SES: .* Or run fewer stories: --grep, one project, no --repeat-each\./);
      expect(thrice.exitCode).toBe(1);

      const refused = await doctor({ ...remote, MAILSLURP_API_KEY: 'refused-key-0123456789abcdef' });
      expect(refused.output).toContain('✗ MailSlurp refused the API key (HTTP 401)\n    → Check MAILSLURP_API_KEY in .env');
      expect(refused.exitCode).toBe(1);
    } finally {
      await standIn.stop();
    }
  });

  test('a broken configuration: every problem as a ✗ line', async () => {
    const run = await doctor({ MAILSLURP_API_KEY: 'abc', EMAIL_TIMEOUT_MS: 'soon' });
    expect(run.output).toContain('✗ Configuration (EMAIL_TIMEOUT_MS is "soon"');
    expect(run.output).toContain('✗ Configuration (MAILSLURP_API_KEY is set but COGNITO_USER_POOL_ID is not');
    expect(run.exitCode).toBe(1);
  });
});
