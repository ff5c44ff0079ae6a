// Runs the real-services mode (against STAND-INS: the Cognito emulator and the
// MailSlurp stand-in) with known fake secrets, traces on, an HTML report, one
// passing run and one failing run, then searches everything the runs left
// behind for those secrets, in every form: none may appear.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { artifactTexts, findSecrets } from '../support/artifact-search';
import { runCommand, runPlaywright } from '../../../tools/child-run';
import { mailDevUrl } from '../../../config/target';
import { STAND_IN_API_KEY, expect, standInRemoteEnv, test } from '../fixtures';
import { MailSlurpStandIn } from '../support/mailslurp-stand-in';

const fake = (label: string) => `${label}-SECRET-${randomBytes(12).toString('hex')}`;

test('no secret appears in the output, the HTML report, traces or attachments of a run', async ({ target }) => {
  test.setTimeout(180_000);
  const secrets = {
    MAILSLURP_API_KEY: fake('mailslurp'),
    AWS_SECRET_ACCESS_KEY: fake('aws'),
    AWS_SESSION_TOKEN: fake('session'),
    COGNITO_CLIENT_SECRET: fake('client'),
  };
  const standIn = (await new MailSlurpStandIn(secrets.MAILSLURP_API_KEY).start()).feedFromMailDev(mailDevUrl(target));
  const env = { ...standInRemoteEnv(target, { url: standIn.url, apiKey: secrets.MAILSLURP_API_KEY }), ...secrets };
  const options = { reporter: 'list,html' };
  try {
    const passing = await runPlaywright(['--project=remote', '--trace=on', 'tests/e2e/signup-verification.spec.ts', 'tests/e2e/resend-code.spec.ts'], env, options);
    // The doctor (setup project) and the two stories.
    expect(passing.output).toMatch(/\b3 passed\b/);

    standIn.failNext('/waitForMatchingFirstEmail', 500, 100);
    const failing = await runPlaywright(['--project=remote', '--trace=on', 'tests/e2e/signup-verification.spec.ts'], env, options);
    expect(failing.output).toMatch(/\b1 failed\b/);
    expect(failing.output).toContain('answered HTTP 500 when asked to wait for an email');

    const runs = [passing, failing];
    const folders = runs.map((run) => run.outputDir as string);

    await test.step('the artifacts are there, and readable: traces, report, screenshots', () => {
      const texts = folders.flatMap((folder) => [...artifactTexts(folder)]);
      expect(texts.filter((t) => /\.zip!(\d+-)?trace\.trace$/.test(t.where)).length).toBeGreaterThanOrEqual(3);
      expect(texts.some((t) => t.where.includes(`${path.sep}index.html!data-uri!`))).toBe(true);
      // Positive control: what the runs did show (the stand-in inbox domain) is found, so absence below means something.
      expect(texts.some((t) => t.where.includes('.zip!') && t.text.includes('mailslurp.stand-in.test'))).toBe(true);
      expect(texts.some((t) => t.where.includes('index.html!data-uri') && t.text.includes('mailslurp.stand-in.test'))).toBe(true);
    });

    await test.step('no form of any secret anywhere', () => {
      expect(findSecrets(folders, runs.map((run) => run.output), Object.values(secrets))).toEqual([]);
    });
  } finally {
    await standIn.stop();
  }
});

test('a BASE_URL with a user name and password stops the run and the doctor at start-up, and neither appears anywhere', async ({ target }) => {
  const credentials = { user: fake('user'), password: fake('basic-auth') };
  const page = new URL(target.appUrl);
  const baseUrl = `${page.protocol}//${credentials.user}:${credentials.password}@${page.host}/signup`;
  // Everything else is a working configuration of the real services' mode: BASE_URL is the one thing wrong.
  const env = { ...standInRemoteEnv(target, { url: 'http://127.0.0.1:1', apiKey: STAND_IN_API_KEY }), BASE_URL: baseUrl };
  const refusal = `BASE_URL has a user name or password in it (${page.protocol}//***@${page.host}/signup, shown without them)`;

  const run = await runPlaywright(['--project=remote', '--trace=on', 'tests/e2e/signup-verification.spec.ts'], env, { reporter: 'list,html' });
  expect(run.exitCode, run.output).toBe(1);
  expect(run.output).toContain(refusal);
  expect(run.output).toContain('Take them out of BASE_URL');
  expect(run.output).not.toMatch(/\bpassed\b/);

  const doctor = await runCommand('node', ['--import', 'tsx', 'tools/doctor/main.ts'], env);
  expect(doctor.exitCode, doctor.output).toBe(1);
  expect(doctor.output).toContain(refusal);

  expect(findSecrets([run.outputDir as string], [run.output, doctor.output], Object.values(credentials))).toEqual([]);
});

test("no passkey's private key appears in the output, the HTML report or the attachments of a failed passkey step, and no trace is kept of it", async () => {
  test.setTimeout(180_000);
  // The private key the virtual authenticator signs with, known here: the child's test imports it in place of the one
  // its passkey was made with, so Cognito refuses the assertion and the step attaches what the authenticator held.
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64url');
  const env = { CI: undefined, E2E_ON_PURPOSE: '1', E2E_PASSKEY_PRIVATE_KEY: privateKey.toString('base64url'), E2E_PASSKEY_PUBLIC_KEY: publicKey };
  const spec = 'tests/self/on-purpose/passkey-failing.spec.ts';

  const failing = await runPlaywright(['--project=on-purpose', '--no-deps', spec], env, { reporter: 'list,html' });
  expect(failing.output).toMatch(/\b1 failed\b/);
  expect(failing.output).toContain("Cognito refused the authenticator's assertion");
  // Traces asked for, as a CI run might: the spec's trace 'off' stands (a trace records the authenticator's calls, private key and all).
  const traced = await runPlaywright(['--project=on-purpose', '--no-deps', '--trace=on', spec], env, { reporter: 'list,html' });
  expect(traced.output).toMatch(/\b1 failed\b/);
  expect([...artifactTexts(traced.outputDir as string)].filter((t) => t.where.includes('.zip!')).map((t) => t.where)).toEqual([]);

  const runs = [failing, traced];
  const folders = runs.map((run) => run.outputDir as string);

  await test.step('the evidence is there: the passkey, by its public key, in the attachment and the HTML report', () => {
    const texts = folders.flatMap((folder) => [...artifactTexts(folder)]);
    expect(texts.some((t) => t.where.includes('index.html!data-uri') && t.text.includes('passkey ceremony: evidence'))).toBe(true);
    expect(texts.some((t) => t.text.includes(publicKey) && t.text.includes('authenticatorHeld'))).toBe(true);
  });

  await test.step('no form of the private key anywhere, base64url as Playwright gives it or base64', () => {
    expect(findSecrets(folders, runs.map((run) => run.output), [privateKey.toString('base64url'), privateKey.toString('base64')])).toEqual([]);
  });
});
