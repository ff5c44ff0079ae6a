import { CognitoAppClient } from '../../../helpers/cognito/app-client';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { ADDRESS_MARKER, uniqueAddress } from '../../../helpers/mail/addresses';
import { LOCAL_INBOX_DOMAIN } from '../../../helpers/mail/maildev';
import { generatePassword } from '../../../helpers/password';
import { runCommand } from '../../../tools/child-run';
import { localTarget } from '../../../config/target';
import { expect, test } from '../fixtures';

test('the janitor lists leftovers in a dry run, deletes them only with --delete, and never touches a real user', async ({
  startPrivateStack,
}) => {
  test.setTimeout(90_000);
  const { env, urls, listUsers } = await startPrivateStack();
  const target = await localTarget(env);
  const client = createCognitoClient(target.cognito);
  const app = new CognitoAppClient(client, { clientId: target.cognito.userPoolClientId });
  const janitor = (...args: string[]) => runCommand('node', ['--import', 'tsx', 'tools/janitor/main.ts', ...args], env);
  const emails = async () => ((await (await fetch(`${urls.mailWeb}/api/email`)).json()) as unknown[]).length;

  const leftover = uniqueAddress('left behind', LOCAL_INBOX_DOMAIN);
  const codeMailedTo = async (address: string) => {
    let code: string | undefined;
    await expect
      .poll(async () => {
        const mails = (await (await fetch(`${urls.mailWeb}/api/email?to.address=${encodeURIComponent(address)}`)).json()) as { text?: string }[];
        code = mails.map((mail) => /\b(\d{6})\b/.exec(mail.text ?? '')?.[1]).find(Boolean);
        return code;
      })
      .toBeTruthy();
    return code as string;
  };

  await test.step('a run leaves a test user and its mail behind; a real person has signed up too', async () => {
    await app.signUp(leftover, generatePassword());
    await app.signUp('jane.doe@example.com', generatePassword());
    await expect.poll(emails).toBe(2);
  });

  await test.step('by default only what is over an hour old counts: nothing yet', async () => {
    const young = await janitor();
    expect(young.output).toContain('Test users (0):');
    expect(young.output).toContain('Nothing to clean up.');
  });

  await test.step('a dry run lists the leftovers, not the real user, and deletes nothing', async () => {
    const dry = await janitor('--older-than', '0s');
    expect(dry.exitCode).toBe(0);
    expect(dry.output).toMatch(new RegExp(`Test users \\(1\\):\\n  ${leftover}  UNCONFIRMED  created \\S+\\nInboxes \\(1\\):\\n  ${leftover}  created`));
    expect(dry.output).toContain('Left alone: 1 user(s) whose address is not one the suite made.');
    expect(dry.output).toContain('Dry run: nothing deleted. Run `npm run janitor -- --delete` to delete the 1 user(s) and 1 inbox(es) above.');
    expect(dry.output).not.toContain('jane.doe');
    expect(await listUsers()).toHaveLength(2);
    expect(await emails()).toBe(2);
  });

  await test.step('--delete removes the leftovers, with progress and a summary', async () => {
    const wet = await janitor('--older-than', '0s', '--delete');
    expect(wet.output).toContain(`deleted user 1/1: ${leftover}`);
    expect(wet.output).toContain(`deleted inbox 1/1: ${leftover}`);
    expect(wet.output).toContain('Deleted 1 user(s) and 1 inbox(es).');
    const left = await listUsers();
    expect(left.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value)).toEqual(['jane.doe@example.com']);
    expect(await emails()).toBe(1);
  });

  await test.step("TEST_EMAIL_PATTERN adds a team's own leftovers, never a CONFIRMED user, even with --i-know; a pattern that could match people is refused", async () => {
    const bob = `${ADDRESS_MARKER}-qa-bob@qa.example.com`;
    const alice = `${ADDRESS_MARKER}-qa-alice@qa.example.com`;
    await app.signUp(bob, generatePassword());
    await app.signUp(alice, generatePassword());
    await app.confirmSignUp(alice, await codeMailedTo(alice));
    const withPattern = (pattern: string, ...args: string[]) =>
      runCommand('node', ['--import', 'tsx', 'tools/janitor/main.ts', ...args], { ...env, TEST_EMAIL_PATTERN: pattern });

    const run = await withPattern(`${ADDRESS_MARKER}-qa-[a-z]+@qa\\.example\\.com`, '--older-than', '0s', '--delete', '--i-know');
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain(`deleted user 1/1: ${bob}`);
    expect(run.output).toContain('Left alone: 1 CONFIRMED user(s) that only TEST_EMAIL_PATTERN vouches for');
    expect(run.output).toMatch(new RegExp(`\\n  ${alice}  CONFIRMED  created `));
    const emails = (await listUsers()).map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value).sort();
    expect(emails).toEqual([alice, 'jane.doe@example.com']);

    // The pattern: it matched an UNCONFIRMED admin-bob and a CONFIRMED admin-alice; now it stops at start-up, before any call.
    const broad = await withPattern('admin-[a-z]+@company\\.com', '--delete', '--i-know');
    expect(broad.exitCode).toBe(1);
    expect(broad.output).toContain('TEST_EMAIL_PATTERN "admin-[a-z]+@company\\.com" does not hold the suite\'s marker "cse2e" as a literal before "@"');
  });

  await test.step('a bad argument says how to call it', async () => {
    const wrong = await janitor('--older-than', 'yesterday');
    expect(wrong.exitCode).toBe(2);
    expect(wrong.output).toContain('--older-than needs an age like 90s, 30m, 2h or 1d.');
  });

  client.destroy();
});
