// The embedded emulator as a STAND-IN for AWS Cognito, checked against what
// AWS documents, in literal strings rather than the suite's own constants:
// the default verification email, and the SECRET_HASH contract (on a second
// app client of the embedded pool that has a secret). The suite's Node-side
// app-client calls (CognitoAppClient) sign with COGNITO_CLIENT_SECRET; the
// browser stories never do, as a browser app cannot hold a secret.
import { DescribeUserPoolClientCommand, ListUserPoolClientsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAppClient } from '../../../helpers/cognito/app-client';
import { expect, test } from '../fixtures';
import { STACK_SECRET_CLIENT_NAME } from '../../../local/bootstrap';

test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

test("a pool with no template of its own sends AWS's default verification email, word for word", async ({ target, cognitoClient, newUser, inbox }) => {
  const since = new Date();
  await new CognitoAppClient(cognitoClient, { clientId: target.cognito.userPoolClientId }).signUp(newUser.email, newUser.password);
  const email = await inbox.waitForVerificationEmail({ since, kind: 'signUp' });
  // Literal strings from AWS's documentation, not the constants the emulator renders from.
  expect(email.from).toBe('no-reply@verificationemail.com');
  expect(email.subject).toBe('Your verification code');
  expect(email.text.trimEnd()).toBe(`Your verification code is ${email.code}.`);
  expect(email.code).toMatch(/^\d{6}$/);
});

test('app-client calls with SECRET_HASH are accepted by a client with a secret; without it, or with a wrong one, refused as Cognito does', async ({
  target,
  cognitoClient,
  newUser,
  inbox,
  users,
}) => {
  const UserPoolId = target.cognito.userPoolId;
  const { UserPoolClients = [] } = await cognitoClient.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 60 }));
  const clientId = UserPoolClients.find((c) => c.ClientName === STACK_SECRET_CLIENT_NAME)?.ClientId as string;
  const { UserPoolClient } = await cognitoClient.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: clientId }));
  const signed = new CognitoAppClient(cognitoClient, { clientId, clientSecret: UserPoolClient?.ClientSecret as string });

  await test.step('sign up and confirm with SECRET_HASH', async () => {
    const since = new Date();
    expect(await signed.signUp(newUser.email, newUser.password)).toMatchObject({ DeliveryMedium: 'EMAIL', Destination: 'c***@i***' }); // masked, as Cognito does: cse2e-…@inbox…
    const email = await inbox.waitForVerificationEmail({ since, kind: 'signUp' });
    await signed.confirmSignUp(newUser.email, email.code);
    expect(await users.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });

  await test.step('without SECRET_HASH, and with one made from a wrong secret: NotAuthorizedException', async () => {
    const unsigned = new CognitoAppClient(cognitoClient, { clientId });
    await expect(unsigned.resendConfirmationCode(newUser.email)).rejects.toThrow(`Client ${clientId} is configured with secret but SECRET_HASH was not received`);
    const wrong = new CognitoAppClient(cognitoClient, { clientId, clientSecret: 'not-the-secret' });
    await expect(wrong.resendConfirmationCode(newUser.email)).rejects.toThrow(`Unable to verify secret hash for client ${clientId}`);
  });
});
