import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { CognitoIdentityProviderClient, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoUsers, UnsafeDeletionError } from '../../helpers/cognito/users';
import { DeletionGuard } from '../../helpers/cognito/deletion-guard';
import { ADDRESS_MARKER, ownedAddresses } from '../../helpers/mail/addresses';
import { expect, test } from '@playwright/test';

/** A client that records each command and answers ListUsers with `users`. */
function recordingClient(users: { Username: string; email: string }[] = []) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = context.commandName ?? '?';
      calls.push({ name, input: args.input as Record<string, unknown> });
      const listed = name === 'ListUsersCommand' && calls.filter((c) => c.name === 'AdminDeleteUserCommand').length === 0;
      const Users = listed ? users.map((u) => ({ Username: u.Username, Attributes: [{ Name: 'email', Value: u.email }] })) : [];
      return { output: { $metadata: {}, Users }, response: {} };
    },
    { step: 'initialize' },
  );
  return { client, calls };
}

const OURS = `${ADDRESS_MARKER}-signup-1-abcd@mailslurp.com`;

test('deleteUserIfExists refuses an address the suite did not make, before any call reaches Cognito', async () => {
  const { client, calls } = recordingClient();
  const users = new CognitoUsers({ client, userPoolId: 'eu-west-1_AbCdEf123', guard: new DeletionGuard(ownedAddresses([OURS], 'this test\'s inboxes')) });

  for (const address of ['jane.doe@gmail.com', 'someone@mailslurp.com', `${ADDRESS_MARKER}-other@mailslurp.com`, '']) {
    await expect(users.deleteUserIfExists(address)).rejects.toThrow(UnsafeDeletionError);
  }
  await expect(users.deleteUserIfExists('someone@mailslurp.com')).rejects.toThrow(
    `Refusing to delete "someone@mailslurp.com" from pool eu-west-1_AbCdEf123: it does not start with the suite's marker "${ADDRESS_MARKER}"`,
  );
  expect(calls).toEqual([]);
});

test("resetPassword resets only the suite's own address, and refuses a stranger's before any call reaches Cognito", async () => {
  const { client, calls } = recordingClient();
  const users = new CognitoUsers({ client, userPoolId: 'eu-west-1_AbCdEf123', guard: new DeletionGuard(ownedAddresses([OURS], "this test's inboxes")) });

  await expect(users.resetPassword('jane.doe@gmail.com')).rejects.toThrow(
    'Refusing to reset the password of "jane.doe@gmail.com" in pool eu-west-1_AbCdEf123',
  );
  expect(calls).toEqual([]);
  await users.resetPassword(OURS);
  expect(calls).toEqual([{ name: 'AdminResetUserPasswordCommand', input: { UserPoolId: 'eu-west-1_AbCdEf123', Username: OURS } }]);
});

test('deletes only users whose email attribute is exactly the address, by their username', async () => {
  const { client, calls } = recordingClient([
    { Username: 'uuid-1', email: OURS },
    // A near match the service's filter might return: never deleted.
    { Username: 'uuid-2', email: OURS.toUpperCase() },
  ]);
  const users = new CognitoUsers({ client, userPoolId: 'eu-west-1_AbCdEf123', guard: new DeletionGuard(ownedAddresses([OURS], 'this test\'s inboxes')) });
  expect(await users.deleteUserIfExists(OURS)).toEqual({ deleted: 1 });
  expect(calls.filter((c) => c.name === 'AdminDeleteUserCommand').map((c) => c.input.Username)).toEqual(['uuid-1']);
});

test('the permission probe deletes a name made fresh for each call, which the guard accepts and nobody can have signed up with', async () => {
  const { client, calls } = recordingClient();
  const users = new CognitoUsers({ client, userPoolId: 'eu-west-1_AbCdEf123', guard: new DeletionGuard(ownedAddresses([], 'nothing')) });
  expect(await users.mayDeleteUsers()).toEqual({ allowed: true });
  expect(await users.mayDeleteUsers()).toEqual({ allowed: true });
  expect(calls.map((c) => c.name)).toEqual(['AdminDeleteUserCommand', 'AdminDeleteUserCommand']);
  const [first, second] = calls.map((c) => c.input.Username as string);
  expect(first).not.toBe(second);
  for (const name of [first, second] as string[]) {
    // The suite's own shape, random, on RFC 2606's .invalid, where no mailbox can be.
    expect(name).toMatch(new RegExp(`^${ADDRESS_MARKER}-permission-probe-[0-9a-z]+-[0-9a-f]{8}@example\\.invalid$`));
    expect(new DeletionGuard(ownedAddresses([name], 'the probe')).verdict(name).deletable).toBe(true);
  }
});

test('the invitation probe resends to an address no one can have, and says allowed only when Cognito found no such user', async () => {
  const answers: [Error, { allowed: boolean; why?: string }][] = [
    [new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }), { allowed: true }],
    [Object.assign(new Error('User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: cognito-idp:AdminCreateUser'), { name: 'AccessDeniedException' }), { allowed: false, why: 'User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: cognito-idp:AdminCreateUser' }],
  ];
  for (const [answer, verdict] of answers) {
    const calls: Record<string, unknown>[] = [];
    const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    client.middlewareStack.add(
      (_next, context) => async (args) => {
        calls.push({ command: context.commandName, ...(args.input as Record<string, unknown>) });
        throw answer;
      },
      { step: 'initialize' },
    );
    const users = new CognitoUsers({ client, userPoolId: 'eu-west-1_AbCdEf123', guard: new DeletionGuard(ownedAddresses([], 'nothing')) });
    expect(await users.mayInviteUsers()).toEqual(verdict);
    expect(calls).toEqual([{ command: 'AdminCreateUserCommand', UserPoolId: 'eu-west-1_AbCdEf123', Username: expect.stringMatching(/^permission-probe-[0-9a-f]{16}@example\.invalid$/), MessageAction: 'RESEND' }]);
  }
});

test('AdminDeleteUserCommand appears in the guarded module only (the lint rule says the same)', () => {
  const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.js', '*.mjs'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const offenders = sources.filter((file) => file !== 'helpers/cognito/users.ts' && existsSync(file) && readFileSync(file, 'utf8').includes('AdminDeleteUserCommand'));
  // This file and the lint rule's test name it in strings only; the lint configuration names it to forbid it.
  expect(offenders.filter((file) => !['tests/unit/cognito-users.spec.ts', 'tests/unit/admin-calls-lint.spec.ts', 'eslint.config.js'].includes(file))).toEqual([]);
});
