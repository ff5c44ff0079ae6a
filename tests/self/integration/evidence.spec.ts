import path from 'node:path';
import { artifactTexts } from '../support/artifact-search';
import { runPlaywright } from '../../../tools/child-run';
import { expect, test } from '../fixtures';
import { freePort } from '../../../local/free-port';
import { startMailCatcher } from '../../../local/mail/catcher';

test.describe('evidence in the report', () => {
  test.setTimeout(120_000);

  test('a missing email fails with the address, the wait, the inbox, Cognito\'s answer, the user\'s status, the sending account and the likely cause', async ({
    startPrivateStack,
  }) => {
    // The emulator's mail goes to a second catcher: Cognito "sends", the test's inbox never sees it.
    const { env, urls } = await startPrivateStack({
      interposeSmtp: async () => {
        const smtpPort = await freePort();
        const elsewhere = await startMailCatcher({ host: '127.0.0.1', smtpPort, webPort: await freePort(), dataDir: test.info().outputPath('elsewhere'), admission: { origins: [], network: false } });
        return { port: smtpPort, close: () => elsewhere.close() };
      },
    });
    const run = await runPlaywright(['--project=local', '--no-deps', 'tests/e2e/signup-verification.spec.ts'], {
      ...env,
      CI: undefined,
      EMAIL_TIMEOUT_MS: '3000',
    });
    expect(run.exitCode).toBe(1);
    const address = /No email reached (\S+@inbox\.cognito-e2e\.test) at MailDev at (\S+) in (\d+) ms/.exec(run.output);
    expect(address?.[2]).toBe(urls.mailWeb);
    expect(Number(address?.[3])).toBeGreaterThanOrEqual(3_000);
    expect(run.output).toContain('The inbox holds: nothing at all.');
    expect(run.output).toContain(`Address: ${address?.[1]}`);
    expect(run.output).toContain('Cognito calls from the page since the action: SignUp → 200 in ');
    // Masked, as Cognito masks it.
    expect(run.output).toContain('CodeDeliveryDetails {"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"c***@i***"}');
    expect(run.output).toContain('User status in Cognito: UNCONFIRMED');
    expect(run.output).toContain('Pool: EmailSendingAccount COGNITO_DEFAULT; AutoVerifiedAttributes email');
    expect(run.output).toContain(
      "Most likely: Cognito says it sent the code to c***@i*** by EMAIL, but the inbox never got it: the mail was lost between Cognito and the inbox (the emulator's SMTP path",
    );
    expect(run.output).toMatch(/attachment #\d+: missing email: evidence \(text\/plain\)/);
  });

  /** The email attachments a run's HTML report holds, each once. */
  function emailAttachments(outputDir: string) {
    const report = path.join(outputDir, 'report');
    // Attachments saved as files carry a "path"; small text ones are inlined with a "body".
    const found = [...artifactTexts(report)]
      .filter((t) => t.where.includes('index.html!data-uri!') && t.where.endsWith('.json'))
      .flatMap((t) => [...t.text.matchAll(/\{"name":"(email [^"]+)","contentType":"([^"]+)"(?:,"path":"([^"]+)")?/g)])
      .map((m) => ({ name: m[1] as string, contentType: m[2] as string, path: path.join(report, m[3] ?? '') }));
    // The report's data lists a test in more than one file: count each attachment once.
    return [...new Map(found.map((a) => [a.name, a])).values()];
  }

  test('the HTML report holds each received email: its text and HTML always, a picture of it when the test failed', async () => {
    const passed = await runPlaywright(['--project=local', '--no-deps', 'tests/e2e/resend-code.spec.ts'], { CI: undefined }, { reporter: 'list,html' });
    expect(passed.output).toMatch(/\b1 passed\b/);
    expect(emailAttachments(passed.outputDir as string).map((a) => `${a.name} ${a.contentType}`).sort()).toEqual([
      'email 1: Your verification code (text) text/plain',
      'email 2: Your verification code (text) text/plain',
    ]);

    const failed = await runPlaywright(
      ['--project=on-purpose', '--no-deps', '-g', 'an assertion fails after sign-up'],
      { CI: undefined, E2E_ON_PURPOSE: '1' },
      { reporter: 'list,html' },
    );
    expect(failed.output).toMatch(/\b1 failed\b/);
    const images = emailAttachments(failed.outputDir as string).filter((a) => a.contentType === 'image/png');
    expect(images.map((a) => a.name)).toEqual(['email 1: Your verification code (as shown)']);
    const png = [...artifactTexts(images[0]!.path)][0];
    expect(png?.text.startsWith('\u0089PNG') || png?.text.slice(1, 4) === 'PNG').toBe(true);
  });
});
