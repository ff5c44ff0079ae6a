// The janitor in real-services mode, against STAND-INS: a private embedded
// stack standing in for AWS Cognito, and the MailSlurp stand-in. A pool holds
// this suite's leftovers next to other people's users on the same shared
// domain; only the suite's own may go.
import { CognitoAppClient } from '../../../helpers/cognito/app-client';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { MailSlurpBackend } from '../../../helpers/mail/mailslurp';
import { generatePassword } from '../../../helpers/password';
import { runCommand } from '../../../tools/child-run';
import { localTarget } from '../../../config/target';
import { ADDRESS_MARKER } from '../../../helpers/mail/addresses';
import { STAND_IN_API_KEY, expect, standInRemoteEnv, test } from '../fixtures';
import { MailSlurpStandIn } from '../support/mailslurp-stand-in';

test('the janitor deletes only users whose exact address the suite made, never others on the same domain', async ({ startPrivateStack }) => {
  test.setTimeout(90_000);
  const { env, listUsers } = await startPrivateStack();
  const target = await localTarget(env);
  const standIn = await new MailSlurpStandIn(STAND_IN_API_KEY).start();
  const client = createCognitoClient(target.cognito);
  try {
    const app = new CognitoAppClient(client, { clientId: target.cognito.userPoolClientId });
    const janitor = (...args: string[]) =>
      runCommand('node', ['--import', 'tsx', 'tools/janitor/main.ts', ...args], { ...env, ...standInRemoteEnv(target, { url: standIn.url, apiKey: STAND_IN_API_KEY }) });
    const earlierRun = new MailSlurpBackend({ apiKey: STAND_IN_API_KEY, basePath: standIn.url, runTag: 'run-earlier' });

    const domain = standIn.domain;
    const ours = await earlierRun.createInbox('left behind');
    const expired = await earlierRun.createInbox('expired since');
    const strangers = [
      `7d1e2c3b-1111-2222-3333-444455556666@${domain}`, // another MailSlurp customer on the shared domain
      `${ADDRESS_MARKER}-99999999-aaaa-bbbb-cccc-dddddddddddd@${domain}`, // our marker, but not an inbox of this account
      'jane.doe@example.com', // nothing we made at all
    ];

    await test.step('an earlier run left two users behind; three other people have signed up too', async () => {
      for (const address of [ours.address, expired.address, ...strangers]) await app.signUp(address, generatePassword());
      standIn.expire(expired.address);
      expect(await listUsers()).toHaveLength(5);
    });

    await test.step('a dry run lists the two, by their inbox record (existing or expired), and deletes nothing', async () => {
      const dry = await janitor('--older-than', '0s');
      expect(dry.exitCode, dry.output).toBe(0);
      expect(dry.output).toContain('Test users (2):');
      expect(dry.output).toContain(ours.address);
      expect(dry.output).toContain(expired.address);
      expect(dry.output).toContain(`Inboxes (1):\n  ${ours.address}`);
      expect(dry.output).toContain("Left alone: 3 user(s) whose address is not one the suite made.");
      for (const address of strangers) expect(dry.output).not.toContain(address);
      expect(await listUsers()).toHaveLength(5);
    });

    await test.step('--delete removes them, and the three others survive', async () => {
      const wet = await janitor('--older-than', '0s', '--delete');
      expect(wet.output).toContain('Deleted 2 user(s) and 1 inbox(es).');
      const left = (await listUsers()).map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value).sort();
      expect(left).toEqual([...strangers].sort());
      expect(standIn.hasInbox(ours.address)).toBe(false);
    });

    await test.step('--run sweeps one run by its tag, and a pattern without a marker is refused at start-up', async () => {
      const thisRun = new MailSlurpBackend({ apiKey: STAND_IN_API_KEY, basePath: standIn.url, runTag: 'run-ci-42' });
      const leftover = await thisRun.createInbox('cancelled job');
      await app.signUp(leftover.address, generatePassword());
      const run = await janitor('--run', 'ci-42', '--delete');
      expect(run.output).toContain(`deleted user 1/1: ${leftover.address}`);
      expect(run.output).toContain('Deleted 1 user(s) and 1 inbox(es).');

      const broad = await runCommand('node', ['--import', 'tsx', 'tools/janitor/main.ts'], {
        ...env,
        ...standInRemoteEnv(target, { url: standIn.url, apiKey: STAND_IN_API_KEY }),
        TEST_EMAIL_PATTERN: `.+@${domain.replace(/\./g, '\\.')}`,
      });
      expect(broad.exitCode).toBe(1);
      expect(broad.output).toContain(`does not hold the suite's marker "${ADDRESS_MARKER}" as a literal before "@"`);
      expect(broad.output).toContain(`start it with the marker, like ${ADDRESS_MARKER}-[a-z0-9-]+@qa\\.example\\.com`);
      expect(await listUsers()).toHaveLength(3);
    });
  } finally {
    client.destroy();
    await standIn.stop();
  }
});
