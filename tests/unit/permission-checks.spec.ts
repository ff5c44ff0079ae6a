// The doctor's permission probes: a call refused by IAM fails, and a call Cognito throttled (after the client's
// own retries) says it could not tell, as a throttle judges nothing (seen when shards' doctors start at once).
import { GetUserPoolMfaConfigCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { permissionChecks } from '../../tools/doctor/permission-checks';
import { expect, test } from '@playwright/test';

const failure = (name: string, message: string) => Object.assign(new Error(message), { name });

/** A client whose GetUserPoolMfaConfig ends in `error`, and whose every other call finds no such user, as a probe does. */
function clientFailing(error: Error): CognitoIdentityProviderClient {
  return {
    send: async (command: object) => {
      throw command instanceof GetUserPoolMfaConfigCommand ? error : failure('UserNotFoundException', 'User does not exist.');
    },
  } as unknown as CognitoIdentityProviderClient;
}

const mfaLine = async (error: Error) => (await permissionChecks(clientFailing(error), 'local_pool')).find((result) => result.title.includes('GetUserPoolMfaConfig'));

test('a call refused by IAM fails, naming it', async () => {
  expect(await mfaLine(failure('AccessDeniedException', 'User is not authorized to perform: cognito-idp:GetUserPoolMfaConfig'))).toMatchObject({
    status: 'fail',
    title: 'Not allowed: cognito-idp:GetUserPoolMfaConfig',
  });
});

test('a call Cognito throttled warns that it could not tell, and fails nothing', async () => {
  expect(await mfaLine(failure('TooManyRequestsException', 'Rate exceeded'))).toMatchObject({
    status: 'warn',
    title: 'Could not tell whether cognito-idp:GetUserPoolMfaConfig is allowed: Cognito throttled the probe',
  });
});
