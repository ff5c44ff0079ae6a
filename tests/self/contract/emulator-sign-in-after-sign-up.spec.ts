// Sign-in straight after sign-up, as the emulator layer adds it: ConfirmSignUp's
// Session, spent once by InitiateAuth USER_AUTH, driven with the SDK over HTTP
// against the running emulator. The browser story is tests/e2e/sign-in-after-sign-up.spec.ts.
import {
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAppClient } from '../../../helpers/cognito/app-client';
import type { DisposableInbox } from '../../../helpers/mail/disposable-inbox';
import { UserClock } from '../../../helpers/cognito/user-clock';
import { STACK_SECRET_CLIENT_NAME } from '../../../local/bootstrap';
import { expect, test } from '../fixtures';

// Literal strings, not the catalogue's constants: what the emulator must answer, whatever the catalogue says.
const invalidSession = { name: 'NotAuthorizedException', message: expect.stringMatching(/^Invalid session for the user\.( \(|$)/) };
const expiredSession = { name: 'NotAuthorizedException', message: expect.stringMatching(/^Invalid session for the user, session is expired\./) };

/** Signs `email` up through `app` and confirms with the mailed code: ConfirmSignUp's Session. */
async function signUpAndConfirm(app: CognitoAppClient, inbox: DisposableInbox, user: { email: string; password: string }) {
  const since = new Date();
  await app.signUp(user.email, user.password);
  const mail = await inbox.waitForVerificationEmail({ since, kind: 'signUp' });
  return app.confirmSignUp(user.email, mail.code);
}

async function clientNamed(cognitoClient: CognitoIdentityProviderClient, UserPoolId: string, name: string) {
  const { UserPoolClients = [] } = await cognitoClient.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 60 }));
  const ClientId = UserPoolClients.find((c) => c.ClientName === name)?.ClientId as string;
  return (await cognitoClient.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }))).UserPoolClient;
}

test.describe('against the running emulator', () => {
  test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

  test("ConfirmSignUp's Session signs the user in once, with no password and no second code; reused, made up or another user's, it is refused", async ({
    newUser,
    inbox,
    appClient,
    users,
  }) => {
    const session = await signUpAndConfirm(appClient, inbox, newUser);
    expect(typeof session, 'the app client allows ALLOW_USER_AUTH: ConfirmSignUp answers a Session').toBe('string');
    expect(await users.getUserStatus(newUser.email)).toBe('CONFIRMED');

    await expect(appClient.signInWithSignUpSession(`someone-else-${newUser.email}`, session as string)).rejects.toMatchObject(invalidSession);
    expect(await appClient.signInWithSignUpSession(newUser.email, session as string)).toBeTruthy();
    await expect(appClient.signInWithSignUpSession(newUser.email, session as string)).rejects.toMatchObject(invalidSession);
    await expect(appClient.signInWithSignUpSession(newUser.email, 'made-up')).rejects.toMatchObject(invalidSession);
    expect(inbox.handedOut, 'the sign-in mailed no second code').toHaveLength(1);
  });

  test("the Session lives the client's AuthSessionValidity (3 minutes by default) on the user's own clock", async ({ newUser, inbox, appClient, target }) => {
    const session = (await signUpAndConfirm(appClient, inbox, newUser)) as string;
    await new UserClock(target.cognito).advance(newUser.email, 3 * 60_000 + 1_000);
    await expect(appClient.signInWithSignUpSession(newUser.email, session)).rejects.toMatchObject(expiredSession);
  });

  test('a client with a secret: the Session signs in only with SECRET_HASH', async ({ newUser, inbox, cognitoClient, target }) => {
    const secretClient = await clientNamed(cognitoClient, target.cognito.userPoolId, STACK_SECRET_CLIENT_NAME);
    const identity = { clientId: secretClient?.ClientId as string };
    const session = (await signUpAndConfirm(new CognitoAppClient(cognitoClient, { ...identity, clientSecret: secretClient?.ClientSecret }), inbox, newUser)) as string;
    await expect(new CognitoAppClient(cognitoClient, identity).signInWithSignUpSession(newUser.email, session)).rejects.toThrow(
      `Client ${identity.clientId} is configured with secret but SECRET_HASH was not received`,
    );
    expect(await new CognitoAppClient(cognitoClient, { ...identity, clientSecret: secretClient?.ClientSecret }).signInWithSignUpSession(newUser.email, session)).toBeTruthy();
  });

  test('a client without ALLOW_USER_AUTH gets no Session from ConfirmSignUp', async ({ newUser, inbox, cognitoClient, target, users }) => {
    const UserPoolId = target.cognito.userPoolId;
    const { UserPoolClient } = await cognitoClient.send(
      new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'srp-only-for-a-test', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    try {
      const session = await signUpAndConfirm(new CognitoAppClient(cognitoClient, { clientId: UserPoolClient?.ClientId as string }), inbox, newUser);
      // Compared as a flag: a failure must not print a live session.
      expect(session !== undefined, 'ConfirmSignUp answered a Session').toBe(false);
      expect(await users.getUserStatus(newUser.email)).toBe('CONFIRMED');
    } finally {
      await cognitoClient.send(new DeleteUserPoolClientCommand({ UserPoolId, ClientId: UserPoolClient?.ClientId }));
    }
  });
});
