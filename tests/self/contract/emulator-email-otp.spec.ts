// Choice-based sign-in (USER_AUTH) with a mailed code (EMAIL_OTP), as the
// emulator layer adds it: the SDK's calls against the running emulator, the
// mails read from MailDev. The Authenticator's passwordless screens are the
// browser story's (tests/e2e/email-code-sign-in.spec.ts).
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { availableChallenges } from '../../../local/cognito/choice-based-sign-in';
import { ChallengeSessions } from '../../../local/cognito/challenge-sessions';
import { UserClocks } from '../../../local/cognito/user-clocks';
import { UserClock } from '../../../helpers/cognito/user-clock';
import { expect, test } from '../fixtures';

const invalidSession = { name: 'NotAuthorizedException', message: expect.stringMatching(/^Invalid session for the user\./) };
const wrongCode = { name: 'CodeMismatchException', message: expect.stringMatching(/^Invalid code or auth state for the user\./) };

function askForCode(client: CognitoIdentityProviderClient, clientId: string, email: string) {
  return client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }));
}

function answerCode(client: CognitoIdentityProviderClient, clientId: string, email: string, session: string | undefined, code: string) {
  return client.send(
    new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'EMAIL_OTP', Session: session, ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: code } }),
  );
}

/** A code of the same length that is certainly not `code`. */
const another = (code: string) => String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');

type PoolOptions = Parameters<typeof availableChallenges>[0];
const poolAllowing = (factors: string[], tier = 'ESSENTIALS') => ({ Id: 'p', Policies: { SignInPolicy: { AllowedFirstAuthFactors: factors } }, UserPoolTier: tier }) as PoolOptions;

test("the first factors on offer: the pool's SignInPolicy (PASSWORD alone by default), email codes only on Essentials and for a user with an address", () => {
  const user = { Username: 'u', Attributes: [{ Name: 'email', Value: 'a@example.com' }] } as Parameters<typeof availableChallenges>[1];
  expect(availableChallenges({ Id: 'p' } as PoolOptions, user)).toEqual(['PASSWORD', 'PASSWORD_SRP']);
  expect(availableChallenges(poolAllowing(['PASSWORD', 'EMAIL_OTP']), user)).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
  expect(availableChallenges(poolAllowing(['PASSWORD', 'EMAIL_OTP'], 'LITE'), user)).toEqual(['PASSWORD', 'PASSWORD_SRP']);
  expect(availableChallenges(poolAllowing(['PASSWORD', 'EMAIL_OTP']), { ...user, Attributes: [] })).toEqual(['PASSWORD', 'PASSWORD_SRP']);
});

test("one user's clock moved forward expires that user's challenges, and no one else's", () => {
  const clocks = new UserClocks(() => 0);
  const sessions = new ChallengeSessions((username) => clocks.now(username));
  sessions.issue('a', { username: 'user-a', clientId: 'c' });
  sessions.issue('b', { username: 'user-b', clientId: 'c' });
  clocks.advance('user-a', 3 * 60_000 + 1);
  expect(() => sessions.check('a', 'c')).toThrow('Invalid session for the user, session is expired.');
  expect(sessions.check('b', 'c')).toMatchObject({ username: 'user-b' });
});

test.describe('against the running emulator', () => {
  test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

  test('a mailed eight-digit code signs a confirmed user in; a wrong one is refused and may be retried; a used session is spent', async ({
    confirmedUser,
    inbox,
    target,
    cognitoClient,
  }) => {
    const clientId = target.cognito.userPoolClientId;
    const since = new Date();
    const asked = await askForCode(cognitoClient, clientId, confirmedUser.email);
    expect(asked.ChallengeName).toBe('EMAIL_OTP');
    // Masked, as Cognito masks it: cse2e-…@inbox.cognito-e2e.test.
    expect(asked.ChallengeParameters).toEqual({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'c***@i***' });
    const mail = await inbox.waitForSignInCodeEmail({ since });
    expect(mail.subject).toBe('Your sign-in code');
    expect(mail.code).toMatch(/^\d{8}$/);

    await expect(answerCode(cognitoClient, clientId, confirmedUser.email, asked.Session, another(mail.code))).rejects.toMatchObject(wrongCode);
    const signedIn = await answerCode(cognitoClient, clientId, confirmedUser.email, asked.Session, mail.code);
    expect(signedIn.AuthenticationResult?.AccessToken).toBeTruthy();
    await expect(answerCode(cognitoClient, clientId, confirmedUser.email, asked.Session, mail.code)).rejects.toMatchObject(invalidSession);
    await expect(answerCode(cognitoClient, clientId, confirmedUser.email, 'made-up', mail.code)).rejects.toMatchObject(invalidSession);
  });

  test('a second request retires the first code; without a preferred challenge the user chooses (SELECT_CHALLENGE)', async ({
    confirmedUser,
    inbox,
    target,
    cognitoClient,
  }) => {
    const clientId = target.cognito.userPoolClientId;
    let since = new Date();
    const first = await askForCode(cognitoClient, clientId, confirmedUser.email);
    const firstMail = await inbox.waitForSignInCodeEmail({ since });

    since = new Date();
    const choice = await cognitoClient.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: confirmedUser.email } }));
    expect(choice.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(choice.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    const second = await cognitoClient.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: choice.Session,
        ChallengeResponses: { USERNAME: confirmedUser.email, ANSWER: 'EMAIL_OTP' },
      }),
    );
    expect(second.ChallengeName).toBe('EMAIL_OTP');
    const secondMail = await inbox.waitForSignInCodeEmail({ since });
    expect(secondMail.code).not.toBe(firstMail.code);

    await expect(answerCode(cognitoClient, clientId, confirmedUser.email, first.Session, firstMail.code)).rejects.toMatchObject(invalidSession);
    await expect(answerCode(cognitoClient, clientId, confirmedUser.email, second.Session, firstMail.code)).rejects.toMatchObject(wrongCode);
    expect((await answerCode(cognitoClient, clientId, confirmedUser.email, second.Session, secondMail.code)).AuthenticationResult?.IdToken).toBeTruthy();
  });

  test("the user clock endpoint: a code's session expires for that user once moved past 3 minutes; a user it does not know is a 404", async ({
    confirmedUser,
    inbox,
    target,
    cognitoClient,
  }) => {
    const clientId = target.cognito.userPoolClientId;
    const clock = new UserClock(target.cognito);
    await expect(clock.advance(`nobody-${confirmedUser.email}`, 1)).rejects.toThrow(/answered HTTP 404: .*No user nobody-/);
    const since = new Date();
    const asked = await askForCode(cognitoClient, clientId, confirmedUser.email);
    const mail = await inbox.waitForSignInCodeEmail({ since });
    await clock.advance(confirmedUser.email, 3 * 60_000 + 1_000);
    await expect(answerCode(cognitoClient, clientId, confirmedUser.email, asked.Session, mail.code)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringMatching(/^Invalid session for the user, session is expired\./),
    });
  });

  test("the error cases, in Cognito's exception names: a missing parameter, an unconfirmed user, a choice not on offer, a code for the wrong user", async ({
    confirmedUser,
    secondInbox,
    appClient,
    users,
    target,
    cognitoClient,
  }) => {
    const clientId = target.cognito.userPoolClientId;
    const initiate = (AuthParameters: Record<string, string>) => cognitoClient.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters }));
    await expect(initiate({})).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/^Missing required parameter USERNAME/) });

    const unconfirmed = secondInbox.address;
    secondInbox.expectExtraMails(1, 'the sign-up of a user left unconfirmed, whose code this test does not read');
    try {
      await appClient.signUp(unconfirmed, confirmedUser.password);
      await expect(initiate({ USERNAME: unconfirmed, PREFERRED_CHALLENGE: 'EMAIL_OTP' })).rejects.toMatchObject({
        name: 'UserNotConfirmedException',
        message: expect.stringMatching(/^User is not confirmed\./),
      });
    } finally {
      await users.deleteUserIfExists(unconfirmed);
    }

    const choice = await initiate({ USERNAME: confirmedUser.email });
    const answer = (ChallengeResponses: Record<string, string>) =>
      cognitoClient.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SELECT_CHALLENGE', Session: choice.Session, ChallengeResponses }));
    await expect(answer({ USERNAME: confirmedUser.email, ANSWER: 'WEB_AUTHN' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/^WEB_AUTHN is not one of the AvailableChallenges/),
    });
    await expect(answer({ USERNAME: `nobody-${confirmedUser.email}`, ANSWER: 'EMAIL_OTP' }), "another name's answer to this session").rejects.toMatchObject(invalidSession);
    await expect(answer({ USERNAME: confirmedUser.email })).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/^Missing required parameter ANSWER/) });
  });

  test('USER_AUTH with PASSWORD signs in as a password sign-in does, and refuses a wrong password with its words', async ({ confirmedUser, target, cognitoClient }) => {
    const signIn = (PASSWORD: string) =>
      cognitoClient.send(
        new InitiateAuthCommand({
          ClientId: target.cognito.userPoolClientId,
          AuthFlow: 'USER_AUTH',
          AuthParameters: { USERNAME: confirmedUser.email, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
        }),
      );
    expect((await signIn(confirmedUser.password)).AuthenticationResult?.AccessToken).toBeTruthy();
    await expect(signIn(`${confirmedUser.password}x`)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: expect.stringMatching(/^Incorrect username or password\./) });
  });

  test("a client without ALLOW_USER_AUTH is refused USER_AUTH in Cognito's words; a pool's EmailMfaConfiguration is kept and shown", async ({
    target,
    cognitoClient,
  }) => {
    const { UserPoolClient } = await cognitoClient.send(
      new CreateUserPoolClientCommand({ UserPoolId: target.cognito.userPoolId, ClientName: 'srp-only-for-a-test', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }),
    );
    try {
      // Amplify's Authenticator looks for these words to explain the refusal.
      await expect(askForCode(cognitoClient, UserPoolClient?.ClientId as string, 'anyone@example.com')).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringMatching(/^USER_AUTH flow not enabled for this client/),
      });
    } finally {
      await cognitoClient.send(new DeleteUserPoolClientCommand({ UserPoolId: target.cognito.userPoolId, ClientId: UserPoolClient?.ClientId }));
    }

    const { UserPool } = await cognitoClient.send(new CreateUserPoolCommand({ PoolName: `mfa-config-${test.info().testId}`, UsernameAttributes: ['email'] }));
    const UserPoolId = UserPool?.Id as string;
    try {
      expect(UserPool?.UserPoolTier, "AWS's plan for a new pool").toBe('ESSENTIALS');
      const EmailMfaConfiguration = { Subject: 'Your Acme code', Message: 'Sign in to Acme with {####}.' };
      await cognitoClient.send(new SetUserPoolMfaConfigCommand({ UserPoolId, EmailMfaConfiguration }));
      expect((await cognitoClient.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).EmailMfaConfiguration).toEqual(EmailMfaConfiguration);
    } finally {
      await cognitoClient.send(new DeleteUserPoolCommand({ UserPoolId }));
    }
  });
});

test.describe('email as a second factor, against the running emulator', () => {
  test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

  test('once a user turns it on, a right password brings the EMAIL_OTP challenge and a six-digit code instead of tokens; the code signs in, a wrong one is refused', async ({
    confirmedUser,
    inbox,
    target,
    cognitoClient,
    appClient,
  }) => {
    const clientId = target.cognito.userPoolClientId;
    const signIn = (PASSWORD: string) =>
      cognitoClient.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: confirmedUser.email, PASSWORD } }));
    await appClient.turnOnEmailMfa(confirmedUser.email, confirmedUser.password);

    await expect(signIn(`${confirmedUser.password}x`), 'a wrong password mails no code').rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringMatching(/^Incorrect username or password\./),
    });
    const since = new Date();
    const challenge = await signIn(confirmedUser.password);
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.ChallengeName).toBe('EMAIL_OTP');
    expect(challenge.ChallengeParameters?.CODE_DELIVERY_DESTINATION).toBe('c***@i***');
    const mail = await inbox.waitForSignInCodeEmail({ since });
    expect(mail.code).toMatch(/^\d{6}$/);

    await expect(answerCode(cognitoClient, clientId, confirmedUser.email, challenge.Session, another(mail.code))).rejects.toMatchObject(wrongCode);
    expect((await answerCode(cognitoClient, clientId, confirmedUser.email, challenge.Session, mail.code)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  test("AdminSetUserMFAPreference turns it on too; on a pool without email MFA, Cognito's refusal", async ({ confirmedUser, target, cognitoClient, poolVariants }) => {
    await cognitoClient.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId: target.cognito.userPoolId, Username: confirmedUser.email, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );
    const { UserMFASettingList, PreferredMfaSetting } = await cognitoClient.send(new AdminGetUserCommand({ UserPoolId: target.cognito.userPoolId, Username: confirmedUser.email }));
    expect({ UserMFASettingList, PreferredMfaSetting }).toEqual({ UserMFASettingList: ['EMAIL_OTP'], PreferredMfaSetting: 'EMAIL_OTP' });

    const link = await poolVariants.use('linkVerification');
    await expect(
      cognitoClient.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: link.userPoolId, Username: 'anyone@example.com', EmailMfaSettings: { Enabled: true } })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/^Email MFA is not enabled for this user pool/) });
  });
});
