import path from 'node:path';
import { artifactTexts } from '../../helpers/artifact-search';
import { runPlaywright } from '../../helpers/playwright-run';
import { expect, test } from '../../fixtures';
import { freePort } from '../../helpers/free-port';
import { startMailCatcher } from '../../local/mail/catcher';

test.describe('evidence in the report', () => {
  test.setTimeout(120_000);

  test('a missing email fails with the address, the wait, the inbox, Cognito\'s answer, the user\'s status, the sending account and the likely cause', async ({
    startPrivateStack,
  }) => {
    // The emulator's mail goes to a second catcher: Cognito "sends", the test's inbox never sees it.
    const { env, urls } = await startPrivateStack({
      interposeSmtp: async () => {
        const smtpPort = await freePort();
        const elsewhere = await startMailCatcher({ host: '127.0.0.1', smtpPort, webPort: await freePort(), dataDir: test.info().outputPath('elsewhere') });
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
    expect(run.output).toContain(
      `Cognito calls from the page since the action: SignUp → 200, CodeDeliveryDetails {"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"${address?.[1]}"}`,
    );
    expect(run.output).toContain('User status in Cognito: UNCONFIRMED');
    expect(run.output).toContain('Pool: EmailSendingAccount COGNITO_DEFAULT; AutoVerifiedAttributes email');
    expect(run.output).toContain(
      `Most likely: Cognito says it sent the code to ${address?.[1]} by EMAIL, but the inbox never got it: the mail was lost between Cognito and the inbox (the emulator's SMTP path`,
    );
    expect(run.output).toMatch(/attachment #\d+: missing email: evidence \(text\/plain\)/);
  });

  test('the HTML report shows each received email, rendered as the user saw it', async () => {
    const run = await runPlaywright(['--project=local', '--no-deps', 'tests/e2e/resend-code.spec.ts'], { CI: undefined }, { reporter: 'list,html' });
    expect(run.output).toMatch(/\b1 passed\b/);
    const report = path.join(run.outputDir as string, 'report');
    // Attachments saved as files carry a "path"; small text ones are inlined with a "body".
    const attachments = [...artifactTexts(report)]
      .filter((t) => t.where.includes('index.html!data-uri!') && t.where.endsWith('.json'))
      .flatMap((t) => [...t.text.matchAll(/\{"name":"(email [^"]+)","contentType":"([^"]+)"(?:,"path":"([^"]+)")?/g)])
      .map((m) => ({ name: m[1], contentType: m[2], path: m[3] ?? '' }));
    // The report's data lists a test in more than one file: count each attachment once.
    const images = [...new Map(attachments.filter((a) => a.contentType === 'image/png').map((a) => [a.name, a])).values()];
    expect(images.map((a) => a.name)).toEqual(['email 1: Your verification code (as shown)', 'email 2: Your verification code (as shown)']);
    expect(attachments.map((a) => a.name)).toContain('email 1: Your verification code (text)');
    for (const image of images) {
      const png = [...artifactTexts(path.join(report, image.path))][0];
      expect(png?.text.startsWith('\u0089PNG') || png?.text.slice(1, 4) === 'PNG').toBe(true);
    }
  });
});
