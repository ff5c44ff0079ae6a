// SRP sign-in (USER_SRP_AUTH, PASSWORD_VERIFIER) as the emulator layer adds it:
// its math against published reference values and against
// amazon-cognito-identity-js's own client half, then whole sign-ins by that
// library against the running emulator. Amplify's client (the demo app's
// default sign-in) is proven by every browser story that signs in.
import { createRequire } from 'node:module';
import {
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { N, g, k, modPow, padHex, privateKey, scrambler, serverHandshake, serverKey, sessionKey } from '../../../local/cognito/srp';
import { expect, test } from '../fixtures';

/** amazon-cognito-identity-js's client half, which its typings do not declare. */
interface ClientHelper {
  getLargeAValue(callback: (error: Error | null, A: { toString(radix: number): string }) => void): void;
  getPasswordAuthenticationKey(userId: string, password: string, B: unknown, salt: unknown, callback: (error: Error | null, key: number[]) => void): void;
}
const require = createRequire(import.meta.url);
const { AuthenticationHelper } = require('amazon-cognito-identity-js') as { AuthenticationHelper: new (poolName: string) => ClientHelper };
const { default: BigInteger } = require('amazon-cognito-identity-js/lib/BigInteger') as { default: new (hex: string, radix: number) => unknown };

test('the math gives the reference values of pycognito (k, x, u, and the derived key)', () => {
  // Published in several independent SRP clients for Cognito, each computed from pycognito's reference.
  expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
  expect(padHex(200n)).toBe('00c8');
  expect(padHex(20n)).toBe('14');
  const x = privateKey('test_pool', 'test_user', 'test_password', 'deadbeef');
  expect(x.toString(16)).toBe('66aa0a061312b2a5f776bd7eda83e0063a4a32b0f9c32ce46e48b0794ef3f574');
  const [a, B] = [0xdeadbeefn, 0xcafebaben];
  const u = scrambler(a, B);
  expect(u.toString(16)).toBe('80170b1141a80ddfbc94afe0102b0765bb133f6c844772bf0cf2932d98219cee');
  // The client's S: (B - k·g^x)^(a + u·x) mod N.
  const S = modPow((((B - k * modPow(g, x, N)) % N) + N) % N, a + u * x, N);
  expect(sessionKey(S, u).toString('hex')).toBe('98365aeb49efee280585c92df590ffd1');
});

test("the server's key equals the key amazon-cognito-identity-js derives from the password, and differs for another password", async () => {
  const [poolName, userId, password] = ['AbCdEf123', 'a1b2c3d4-0000-4000-8000-000000000001', 'Correct-horse-9'];
  const client = new AuthenticationHelper(poolName);
  const A = await new Promise<bigint>((resolve, reject) => client.getLargeAValue((e, value) => (e ? reject(e) : resolve(BigInt(`0x${value.toString(16)}`)))));
  const handshake = serverHandshake(poolName, userId, password);
  const clientKey = (pw: string) =>
    new Promise<string>((resolve, reject) =>
      client.getPasswordAuthenticationKey(userId, pw, new BigInteger(handshake.B.toString(16), 16), new BigInteger(handshake.saltHex, 16), (e, key) =>
        e ? reject(e) : resolve(Buffer.from(key).toString('hex')),
      ),
    );
  expect(await clientKey(password)).toBe(serverKey(A, handshake).toString('hex'));
  expect(await clientKey(`${password}x`)).not.toBe(serverKey(A, handshake).toString('hex'));
});

test.describe('against the running emulator', () => {
  test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

  /** A whole SRP sign-in by amazon-cognito-identity-js, as apps built on it (and Amplify v5) sign in. */
  function srpSignIn(target: { endpoint?: string; userPoolId: string; userPoolClientId: string }, email: string, password: string) {
    const pool = new CognitoUserPool({ UserPoolId: target.userPoolId, ClientId: target.userPoolClientId, ...(target.endpoint ? { endpoint: target.endpoint } : {}) });
    const user = new CognitoUser({ Username: email, Pool: pool });
    return new Promise<CognitoUserSession>((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
        onSuccess: resolve,
        onFailure: reject,
        newPasswordRequired: () => reject(new Error('NEW_PASSWORD_REQUIRED')),
      }),
    );
  }

  test('amazon-cognito-identity-js signs a confirmed user in by SRP; a wrong password is refused with Cognito\'s words', async ({ confirmedUser, target }) => {
    const session = await srpSignIn(target.cognito, confirmedUser.email, confirmedUser.password);
    expect(session.getIdToken().decodePayload().email).toBe(confirmedUser.email);
    expect(session.getRefreshToken().getToken()).toBeTruthy();
    await expect(srpSignIn(target.cognito, confirmedUser.email, `${confirmedUser.password}x`)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await expect(srpSignIn(target.cognito, `nobody-${confirmedUser.email}`, confirmedUser.password)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  test('an answer with a forged signature, or a secret block used twice, is refused', async ({ confirmedUser, target, cognitoClient }) => {
    const client = new AuthenticationHelper('x');
    const A = await new Promise<string>((resolve, reject) => client.getLargeAValue((e, value) => (e ? reject(e) : resolve(value.toString(16)))));
    const { ChallengeName, ChallengeParameters = {} } = await cognitoClient.send(
      new InitiateAuthCommand({ ClientId: target.cognito.userPoolClientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: confirmedUser.email, SRP_A: A } }),
    );
    expect(ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(Object.keys(ChallengeParameters).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    const answer = (signature: string) =>
      cognitoClient.send(
        new RespondToAuthChallengeCommand({
          ClientId: target.cognito.userPoolClientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: {
            USERNAME: ChallengeParameters.USER_ID_FOR_SRP as string,
            PASSWORD_CLAIM_SECRET_BLOCK: ChallengeParameters.SECRET_BLOCK as string,
            PASSWORD_CLAIM_SIGNATURE: signature,
            TIMESTAMP: 'Fri Nov 27 04:00:00 UTC 2026',
          },
        }),
      );
    const refused = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
    await expect(answer(Buffer.alloc(32, 7).toString('base64'))).rejects.toMatchObject(refused);
    await expect(answer(Buffer.alloc(32, 7).toString('base64'))).rejects.toMatchObject(refused);
  });

  test("a client whose ExplicitAuthFlows lack a flow is refused it, as Cognito refuses it", async ({ target, cognitoClient }) => {
    const { UserPoolClient } = await cognitoClient.send(
      new CreateUserPoolClientCommand({ UserPoolId: target.cognito.userPoolId, ClientName: 'password-only-for-a-test', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
    );
    const clientId = UserPoolClient?.ClientId as string;
    try {
      // Cognito's words first; the suite's own client adds what to do.
      await expect(
        cognitoClient.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'anyone@example.com', SRP_A: 'abc' } })),
      ).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/^USER_SRP_AUTH flow not enabled for this client \(/) });
      await expect(
        cognitoClient.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'x' } })),
      ).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/^REFRESH_TOKEN_AUTH flow not enabled for this client \(/) });
    } finally {
      await cognitoClient.send(new DeleteUserPoolClientCommand({ UserPoolId: target.cognito.userPoolId, ClientId: clientId }));
    }
  });
});
