// The team's own CustomMessage trigger on a private stack that runs it, with
// stories in child runs: gone wrong, Cognito's behaviour (the template sent
// instead, the call refused, the call timed out) and a failure that names the
// trigger; the repository's example, every story passing through it. The
// failing runs skip the doctor (--no-deps): the story's own failure is what is tested.
import path from 'node:path';
import { runCommand, runPlaywright } from '../../../tools/child-run';
import { artifactTexts } from '../support/artifact-search';
import { expect, test } from '../fixtures';
import { UIS, screensOf } from '../../../pages';
import { generatePassword } from '../../../helpers/password';

const STORY = 'tests/e2e/signup-verification.spec.ts';
const handler = (exportName: string) => ({ file: path.resolve('tests/self/support/team-triggers.ts'), exportName, name: `acme-${exportName}` });

test.describe("the team's CustomMessage trigger gone wrong", () => {
  test.setTimeout(120_000);

  test('a message without the code: Cognito mails the template instead, and the story fails naming the trigger and why', async ({ startPrivateStack }) => {
    const { env, listUsers } = await startPrivateStack({ triggers: { customMessage: handler('dropsTheCode') } });
    const run = await runPlaywright(['--project=local', '--no-deps', STORY], { ...env, CI: undefined });
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain(
      "is the pool's own template, not its trigger's: CustomMessage trigger acme-dropsTheCode (CustomMessage_SignUp): Cognito sends the pool's own template instead, because its emailMessage has no {####} (request.codeParameter) for the code.",
    );
    expect(await listUsers()).toEqual([]);
  });

  test("a trigger that throws: SignUp is refused in Cognito's words, with the function's error", async ({ startPrivateStack }) => {
    const { env } = await startPrivateStack({ triggers: { customMessage: handler('throwsAnError') } });
    const run = await runPlaywright(['--project=local', '--no-deps', STORY], { ...env, CI: undefined });
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain(
      'SignUp failed: Cognito answered UserLambdaValidationException: CustomMessage failed with error Template "welcome" not found. The pool\'s CustomMessage trigger is function acme-throwsAnError.',
    );
    expect(run.output).toContain('`npm run doctor` names the function behind each trigger');
  });

  test('a trigger silent past 5 seconds: SignUp is refused as UnexpectedLambdaException', async ({ startPrivateStack }) => {
    const { env } = await startPrivateStack({ triggers: { customMessage: handler('answersTooLate') } });
    // A call budget above Cognito's 5 s, so the story sees Cognito's answer rather than its own deadline.
    const run = await runPlaywright(['--project=local', '--no-deps', STORY], { ...env, CI: undefined, COGNITO_CALL_BUDGET_MS: '8000' });
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain('SignUp failed: Cognito answered UnexpectedLambdaException: CustomMessage invocation failed due to error Socket timeout while invoking Lambda function.');
    expect(run.output).toContain("The pool's CustomMessage trigger is function acme-answersTooLate.");
  });
});

test("the example trigger (examples/branded-email): every story passes through it, and every mail is the trigger's", async ({ startPrivateStack }) => {
  test.setTimeout(300_000);
  const example = { file: path.resolve('examples/branded-email/acme-custom-message.ts'), exportName: 'handler', name: 'acme-custom-message' };
  const { env } = await startPrivateStack({ triggers: { customMessage: example } });
  // The example's own settings (examples/branded-email/branded.env), on this private stack's ports.
  const run = await runPlaywright(
    ['--project=local', '--project=local-custom-form'],
    { ...env, CI: undefined, CODE_IN_INVITATION_MAIL: '/Your temporary password:\\s*(\\S+)/' },
    { timeoutMs: 280_000, reporter: 'list,html' },
  );
  expect(run.output).toMatch(/\b\d+ passed\b/);
  expect(run.output).not.toMatch(/\b\d+ failed\b/);
  expect(run.exitCode).toBe(0);

  await test.step("every mail the stories caused is the trigger's: its subjects, and none set aside", () => {
    // Each mail a story received is in the report, with its subject (helpers/diagnosis/email-evidence.ts): the inboxes are deleted by then.
    const report = [...artifactTexts(path.join(run.outputDir ?? '', 'report'))].map((t) => t.text).join('\n');
    // In the report's JSON, each attachment's body is a string: "Subject: …\n From: …".
    const subjects = [...new Set([...report.matchAll(/"body":"Subject: (.*?)\\n/g)].map((m) => m[1]))].sort();
    expect(subjects).toEqual([
      'Confirm your new Acme email',
      'Reset your Acme password',
      'Welcome to Acme: confirm your email',
      'You are invited to Acme',
      'Your Acme sign-in code',
      'Your new Acme confirmation code',
    ]);
    expect(report).not.toContain('Emulator note:');
  });
});

test("a PreSignUp trigger's refusal is shown by both UIs in Cognito's words, with the handler's message", async ({ startPrivateStack, page }) => {
  const { urls, listUsers } = await startPrivateStack({ triggers: { preSignUp: handler('preSignUp') } });
  for (const [ui, path] of [['amplify', ''], ['custom-form', '/custom-signup/']] as const) {
    await test.step(`on ${ui}`, async () => {
      const screens = screensOf(page, UIS[ui]);
      await page.goto(`${urls.app}${path}`);
      await screens.signUp.fill({ email: 'rejected@trigger.test', password: generatePassword() });
      await screens.signUp.submit();
      await screens.alert.expectError('PreSignUp failed with error Sign-ups from this domain are closed.');
    });
  }
  expect(await listUsers()).toEqual([]);
});

test("the doctor reads a sample of each of the handler's mails as the stories will: a rule that misses stops the run, naming the kind and the setting", async ({
  startPrivateStack,
}) => {
  const example = { file: path.resolve('examples/branded-email/acme-custom-message.ts'), exportName: 'handler', name: 'acme-custom-message' };
  const { env } = await startPrivateStack({ triggers: { customMessage: example } });
  // `npm run doctor` on this stack: the lines about the handler's sample mails.
  const doctor = async (rules: Record<string, string>) => {
    const run = await runCommand('node', ['--import', 'tsx', 'tools/doctor/main.ts'], { ...env, ...rules });
    return run.output.split('\n').filter((line) => /own mails|on a sample/.test(line)).map((line) => line.replace(/ \(.*$/, ''));
  };
  expect(await doctor({ CODE_IN_INVITATION_MAIL: '/Your temporary password:\\s*(\\S+)/' })).toEqual(["✓ The code is read from acme-custom-message's own mails"]);
  expect(await doctor({ CODE_IN_SIGN_UP_MAIL: '/code: (\\d{6})/' })).toEqual([
    '✗ acme-custom-message on a sample sign-up mail',
    '✗ acme-custom-message on a sample invitation mail',
  ]);
});
