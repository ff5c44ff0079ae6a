import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoUsers, UnsafeDeletionError } from '../../helpers/cognito-users';
import { isTestAddress } from '../../helpers/test-address';
import { expect, test } from '../../fixtures';

test('deleteUserIfExists refuses a non-test address before any call reaches Cognito', async () => {
  const calls: string[] = [];
  const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add(
    (_next, context) => async () => {
      calls.push(context.commandName ?? '?');
      return { output: { $metadata: {}, Users: [] }, response: {} };
    },
    { step: 'initialize' },
  );
  const users = new CognitoUsers({
    client,
    userPoolId: 'eu-west-1_AbCdEf123',
    isTestAddress: (email) => isTestAddress(email, { domains: ['mailslurp.com'] }),
  });

  for (const address of ['jane.doe@gmail.com', 'x@mailslurp.com.evil.io', '']) {
    await expect(users.deleteUserIfExists(address)).rejects.toThrow(UnsafeDeletionError);
  }
  await expect(users.deleteUserIfExists('jane.doe@gmail.com')).rejects.toThrow(
    'Refusing to delete "jane.doe@gmail.com" from pool eu-west-1_AbCdEf123: it is not a test inbox address.',
  );
  expect(calls).toEqual([]);

  await users.deleteUserIfExists('0b3c7e9a@mailslurp.com');
  expect(calls).toEqual(['ListUsersCommand']);
});
