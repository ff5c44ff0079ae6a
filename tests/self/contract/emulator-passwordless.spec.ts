// Passwordless sign-up and passkeys, as the emulator layer adds them, on a
// private stack: the SDK's calls against the emulator, the mails read from
// MailDev, and (for passkeys) a real browser's WebAuthn ceremonies with
// Chromium's virtual authenticator.
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CreateUserPoolCommandInput,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect, test } from '../fixtures';

/** The SDK's own client, without retries: each refusal is seen as the emulator gave it. */
const rawClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } });

// Literal words, not the catalogue's: what the emulator must answer, whatever the catalogue says.
const passwordRequired = { name: 'InvalidParameterException', message: expect.stringMatching(/^Password is required/) };
const incorrectPassword = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

const PASSWORDLESS: CreateUserPoolCommandInput = {
  PoolName: 'passwordless',
  UsernameAttributes: ['email'],
  AutoVerifiedAttributes: ['email'],
  Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
};

/** A pool (PASSWORDLESS with `changes`) and an app client of it allowing `flows`. */
async function poolAndClient(cognito: CognitoIdentityProviderClient, changes: Partial<CreateUserPoolCommandInput> = {}, flows: ExplicitAuthFlowsType[] = ['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']) {
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ ...PASSWORDLESS, ...changes }));
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: UserPool?.Id, ClientName: 'passwordless', ExplicitAuthFlows: flows }));
  return { UserPoolId: UserPool?.Id as string, ClientId: UserPoolClient?.ClientId as string };
}

/** The newest code MailDev holds for `address`. */
async function codeMailedTo(mailWeb: string, address: string): Promise<string> {
  for (let waited = 0; waited < 5_000; waited += 100) {
    const mails = (await (await fetch(new URL('/api/email', mailWeb))).json()) as { to: { address: string }[]; text: string }[];
    const code = mails.reverse().find((m) => m.to.some((t) => t.address === address))?.text.match(/\b\d{6}\b/)?.[0];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No code mailed to ${address} in MailDev (${mailWeb}) within 5 s`);
}

test('passwordless sign-up: allowed exactly when the pool, the app client, the attribute and its auto-verification allow it; the user has no password', async ({
  startPrivateStack,
}) => {
  test.setTimeout(60_000);
  const { urls } = await startPrivateStack({ services: ['mail', 'cognito'] });
  const cognito = rawClient(urls.cognito);
  const signUp = (ClientId: string, email: string) => cognito.send(new SignUpCommand({ ClientId, Username: email, UserAttributes: [{ Name: 'email', Value: email }] }));

  await test.step('refused, in AWS\'s exception, when any one condition is missing', async () => {
    const refusedOn = {
      'a pool whose first factors are a password alone': await poolAndClient(cognito, { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } } }),
      'a pool with passkeys but no mailed code': await poolAndClient(cognito, { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } } }),
      'a pool that does not auto-verify email': await poolAndClient(cognito, { AutoVerifiedAttributes: [] }),
      'an app client without ALLOW_USER_AUTH': await poolAndClient(cognito, {}, ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    };
    for (const [where, { ClientId }] of Object.entries(refusedOn)) await expect(signUp(ClientId, 'nopassword@passwordless.test'), where).rejects.toMatchObject(passwordRequired);
    const { ClientId } = await poolAndClient(cognito, { UsernameAttributes: [] });
    await expect(cognito.send(new SignUpCommand({ ClientId, Username: 'no-email-given' })), 'a user who gives no email').rejects.toMatchObject(passwordRequired);
  });

  await test.step('accepted where all hold: one code mailed; confirmed, the user signs in by the Session, never by a password', async () => {
    const { ClientId } = await poolAndClient(cognito);
    const email = 'nopassword@passwordless.test';
    expect((await signUp(ClientId, email)).CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    const { Session } = await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await codeMailedTo(urls.mailWeb, email) }));
    for (const PASSWORD of ['', 'undefined', 'Any-password-1']) {
      await expect(cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } }))).rejects.toMatchObject(incorrectPassword);
    }
    const signedIn = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }));
    expect(signedIn.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});
