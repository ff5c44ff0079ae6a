import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAppClient } from '../../helpers/cognito/app-client';
import { secretHash } from '../../helpers/cognito/secret-hash';
import { expect, test } from '@playwright/test';

test('SECRET_HASH is Base64(HMAC-SHA256(secret, username + client ID))', () => {
  // Reference value from: printf 'alice@example.comclient123' | openssl dgst -sha256 -hmac s3cr3t -binary | base64
  expect(secretHash('alice@example.com', 'client123', 's3cr3t')).toBe('3oRHe3WR8/3iS7+pKVoHosPyR4ClwhKdlubBSWTpAg0=');
});

/** A client that records each command's input instead of sending it. */
function recordingClient() {
  const inputs: Record<string, unknown>[] = [];
  const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add(
    () => async (args) => {
      inputs.push(args.input as Record<string, unknown>);
      return { output: { $metadata: {} }, response: {} };
    },
    { step: 'initialize' },
  );
  return { client, inputs };
}

test('the app-client calls carry SECRET_HASH only when the client has a secret', async () => {
  const withSecret = recordingClient();
  const app = new CognitoAppClient(withSecret.client, { clientId: 'client123', clientSecret: 's3cr3t' });
  await app.signUp('alice@example.com', 'pw');
  await app.confirmSignUp('alice@example.com', '123456');
  await app.resendConfirmationCode('alice@example.com');
  for (const input of withSecret.inputs) expect(input.SecretHash).toBe('3oRHe3WR8/3iS7+pKVoHosPyR4ClwhKdlubBSWTpAg0=');
  expect(withSecret.inputs).toHaveLength(3);

  const public_ = recordingClient();
  await new CognitoAppClient(public_.client, { clientId: 'client123' }).signUp('alice@example.com', 'pw');
  expect(public_.inputs[0]).not.toHaveProperty('SecretHash');
});
