// Every mail the embedded emulator sends, and the operations around them, as
// AWS documents them: checked in literal strings, never the constants the
// emulator renders from. Three pools of the embedded stack: the main one (AWS's
// defaults for invitations, an email change that takes effect at once), one
// that confirms sign-ups by a mailed link, and one that keeps the original
// email until the new one is verified.
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  UpdateUserAttributesCommand,
  UpdateUserPoolCommand,
  VerifyUserAttributeCommand,
  type CognitoIdentityProviderClient,
  type UserAttributeUpdateSettingsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAppClient } from '../../../helpers/cognito/app-client';
import { DeletionGuard } from '../../../helpers/cognito/deletion-guard';
import { CognitoUsers } from '../../../helpers/cognito/users';
import type { DisposableInbox } from '../../../helpers/mail/disposable-inbox';
import type { MailBackend, ReceivedEmail } from '../../../helpers/mail/types';
import { ChallengeSessions } from '../../../local/cognito/challenge-sessions';
import { stackSettings, stackUrls, type AppRuntimeConfig } from '../../../local/stack-settings';
import { expect, test } from '../fixtures';

test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

type Pool = { userPoolId: string; userPoolClientId: string };

/** The stack's three pools, as its app's /config.json names them. */
async function stackPools(): Promise<{ main: Pool; link: Pool; keepOriginal: Pool }> {
  const config = (await (await fetch(stackUrls(stackSettings()).appConfig)).json()) as AppRuntimeConfig;
  if (!config.linkVerification || !config.keepOriginalEmail) throw new Error(`The stack's /config.json names no extra pools: ${JSON.stringify(config)}`);
  return { main: config, link: config.linkVerification, keepOriginal: config.keepOriginalEmail };
}

/**
 * The next mail to an address, whatever its words: the inbox fixture reads
 * codes by the main pool's template, which links and invitations do not follow.
 * MailDev's inbox handle is its address.
 */
async function nextMail(mailBackend: MailBackend, address: string, since: Date, seen: Set<string>): Promise<ReceivedEmail> {
  const mail = await mailBackend.waitForEmail({ id: address, address }, { since, timeout: 10_000, excludeIds: seen });
  seen.add(mail.id);
  return mail;
}

/** nextMail for the test's own inbox, which then counts the mail as caused. */
function nextInboxMail(inbox: DisposableInbox, mailBackend: MailBackend, since: Date, seen: Set<string>, why: string) {
  inbox.expectExtraMails(1, why);
  return nextMail(mailBackend, inbox.address, since, seen);
}

const hrefOf = (mail: ReceivedEmail) => {
  const href = /<a href="([^"]+)">/.exec(mail.html)?.[1];
  if (!href) throw new Error(`No link in the mail "${mail.subject}": ${mail.html || mail.text}`);
  return href.replaceAll('&amp;', '&');
};

async function signIn(client: CognitoIdentityProviderClient, clientId: string, username: string, password: string) {
  return client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }));
}

/** Answers the NEW_PASSWORD_REQUIRED challenge as Amplify's Authenticator does: USERNAME and NEW_PASSWORD. */
async function chooseNewPassword(client: CognitoIdentityProviderClient, clientId: string, challenge: { Session?: string }, username: string, password: string) {
  return client.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: challenge.Session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: password },
    }),
  );
}

const attributes = (list: { Name?: string; Value?: string }[] = []) => Object.fromEntries(list.map((a) => [a.Name, a.Value]));

test.describe('a pool that confirms sign-ups with a link', () => {
  test("mails AWS's default link mail in HTML; following the link confirms the user and verifies the email, once", async ({
    cognitoClient,
    mailBackend,
    newUser,
    inbox,
  }) => {
    const { link } = await stackPools();
    const users = new CognitoUsers({ client: cognitoClient, userPoolId: link.userPoolId, guard: new DeletionGuard(mailBackend.created) });
    const seen = new Set<string>();
    try {
      const since = new Date();
      await new CognitoAppClient(cognitoClient, { clientId: link.userPoolClientId }).signUp(newUser.email, newUser.password);
      const mail = await nextInboxMail(inbox, mailBackend, since, seen, 'the link mail');
      const href = hrefOf(mail);

      // Literal strings: the console's default EmailSubjectByLink and EmailMessageByLink.
      expect(mail.from).toBe('no-reply@verificationemail.com');
      expect(mail.subject).toBe('Your verification link');
      expect(mail.text.trim()).toBe('Please click the link below to verify your email address. Verify Email');
      expect(mail.html).toContain('Please click the link below to verify your email address. <a href="');
      expect(mail.html).toContain('">Verify Email</a>');
      const url = new URL(href);
      expect(`${url.origin}${url.pathname}`).toBe(`${stackUrls(stackSettings()).cognito}/confirmUser`);
      expect(url.searchParams.get('client_id')).toBe(link.userPoolClientId);
      expect(url.searchParams.get('confirmation_code')).toMatch(/^\d{6}$/);
      const [user] = await users.findByEmail(newUser.email);
      expect(url.searchParams.get('user_name')).toBe(user?.Username);
      expect(user?.UserStatus).toBe('UNCONFIRMED');

      const first = await fetch(href);
      expect(first.status).toBe(200);
      expect(await first.text()).toContain('Your registration has been confirmed!');
      const { UserStatus, UserAttributes } = await cognitoClient.send(new AdminGetUserCommand({ UserPoolId: link.userPoolId, Username: newUser.email }));
      expect(UserStatus).toBe('CONFIRMED');
      expect(attributes(UserAttributes).email_verified).toBe('true');

      const again = await fetch(href);
      expect(again.status).toBe(400);
      expect(await again.text()).toContain('User cannot be confirmed. Current status is CONFIRMED');
    } finally {
      await users.deleteUserIfExists(newUser.email, { settle: false });
    }
  });

  test('a link with a wrong code, user or client shows an error page and confirms nobody', async ({ cognitoClient, mailBackend, newUser, inbox }) => {
    const { link } = await stackPools();
    const users = new CognitoUsers({ client: cognitoClient, userPoolId: link.userPoolId, guard: new DeletionGuard(mailBackend.created) });
    try {
      const since = new Date();
      await new CognitoAppClient(cognitoClient, { clientId: link.userPoolClientId }).signUp(newUser.email, newUser.password);
      const href = new URL(hrefOf(await nextInboxMail(inbox, mailBackend, since, new Set(), 'the link mail')));
      const tampered = (name: string, value: string) => {
        const url = new URL(href);
        url.searchParams.set(name, value);
        return url.toString();
      };
      const code = href.searchParams.get('confirmation_code') as string;
      const cases = [
        [tampered('confirmation_code', code === '000000' ? '000001' : '000000'), 'Invalid verification code provided, please try again.'],
        [tampered('user_name', 'nobody-of-this-pool'), 'Username/client id combination not found.'],
        [tampered('client_id', 'no-such-client'), 'User pool client no-such-client does not exist.'],
      ];
      for (const [url, message] of cases) {
        const response = await fetch(url as string);
        expect(response.status, url).toBe(400);
        expect(await response.text()).toContain(message);
      }
      const { UserStatus } = await cognitoClient.send(new AdminGetUserCommand({ UserPoolId: link.userPoolId, Username: newUser.email }));
      expect(UserStatus).toBe('UNCONFIRMED');
    } finally {
      await users.deleteUserIfExists(newUser.email, { settle: false });
    }
  });

  test('a resent confirmation carries a new link (the old one stops working); a password reset carries a code', async ({
    cognitoClient,
    mailBackend,
    newUser,
    inbox,
  }) => {
    const { link } = await stackPools();
    const users = new CognitoUsers({ client: cognitoClient, userPoolId: link.userPoolId, guard: new DeletionGuard(mailBackend.created) });
    const app = new CognitoAppClient(cognitoClient, { clientId: link.userPoolClientId });
    const seen = new Set<string>();
    try {
      let since = new Date();
      await app.signUp(newUser.email, newUser.password);
      const firstLink = hrefOf(await nextInboxMail(inbox, mailBackend, since, seen, 'the link mail'));
      since = new Date();
      await app.resendConfirmationCode(newUser.email);
      const resent = await nextInboxMail(inbox, mailBackend, since, seen, 'the resent link mail');
      expect(resent.subject).toBe('Your verification link');
      expect((await fetch(firstLink)).status).toBe(400);
      expect((await fetch(hrefOf(resent))).status).toBe(200);

      since = new Date();
      await cognitoClient.send(new ForgotPasswordCommand({ ClientId: link.userPoolClientId, Username: newUser.email }));
      // AWS: "Emails from attribute-update and password-reset operations use the code template."
      const reset = await inbox.waitForVerificationEmail({ since, kind: 'passwordReset' });
      expect(reset.subject).toBe('Your verification code');
      expect(reset.text.trimEnd()).toBe(`Your verification code is ${reset.code}.`);
      expect(reset.html).not.toContain('<a ');
    } finally {
      await users.deleteUserIfExists(newUser.email, { settle: false });
    }
  });
});

test.describe('AdminCreateUser', () => {
  /** As an admin invites a user of an email-as-username pool: the address is the username, already verified. */
  const invite = (client: CognitoIdentityProviderClient, UserPoolId: string, email: string, MessageAction?: 'RESEND') =>
    client.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: email,
        DesiredDeliveryMediums: ['EMAIL'],
        ...(MessageAction ? { MessageAction } : { UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] }),
      }),
    );
  const temporaryPasswordIn = (mail: ReceivedEmail, email: string) => {
    const match = /^Your username is (\S+) and temporary password is (\S+)\.$/.exec(mail.text.trim());
    expect(match?.[1], mail.text).toBe(email);
    return match?.[2] as string;
  };

  /** The main pool, and the invitation AdminCreateUser mailed to the test's inbox. */
  async function invited({ cognitoClient, mailBackend, newUser, inbox }: { cognitoClient: CognitoIdentityProviderClient; mailBackend: MailBackend; newUser: { email: string }; inbox: DisposableInbox }) {
    const { main } = await stackPools();
    const since = new Date();
    await invite(cognitoClient, main.userPoolId, newUser.email);
    return { main, mail: await nextInboxMail(inbox, mailBackend, since, new Set(), 'the invitation') };
  }

  test("mails AWS's default invitation; the temporary password leads to NEW_PASSWORD_REQUIRED, and a new password confirms the user", async ({ cognitoClient, mailBackend, newUser, inbox }) => {
    const { main, mail } = await invited({ cognitoClient, mailBackend, newUser, inbox });
    expect(mail.from).toBe('no-reply@verificationemail.com');
    expect(mail.subject).toBe('Your temporary password');
    const temporary = temporaryPasswordIn(mail, newUser.email);

    // As Amplify's Authenticator does it: USER_PASSWORD_AUTH, then the challenge with USERNAME and NEW_PASSWORD.
    const challenge = await signIn(cognitoClient, main.userPoolClientId, newUser.email, temporary);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answered = await chooseNewPassword(cognitoClient, main.userPoolClientId, challenge, newUser.email, newUser.password);
    const { UserStatus } = await cognitoClient.send(new AdminGetUserCommand({ UserPoolId: main.userPoolId, Username: newUser.email }));
    expect(UserStatus).toBe('CONFIRMED');
    const refreshed = await cognitoClient.send(
      new InitiateAuthCommand({
        ClientId: main.userPoolClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: answered.AuthenticationResult?.RefreshToken as string },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await signIn(cognitoClient, main.userPoolClientId, newUser.email, newUser.password)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  test('RESEND mails a new temporary password and retires the old one; for a user past FORCE_CHANGE_PASSWORD it is refused', async ({
    cognitoClient,
    mailBackend,
    newUser,
    inbox,
  }) => {
    const { main } = await stackPools();
    const seen = new Set<string>();
    let since = new Date();
    await invite(cognitoClient, main.userPoolId, newUser.email);
    const first = temporaryPasswordIn(await nextInboxMail(inbox, mailBackend, since, seen, 'the invitation'), newUser.email);
    since = new Date();
    await invite(cognitoClient, main.userPoolId, newUser.email, 'RESEND');
    const second = temporaryPasswordIn(await nextInboxMail(inbox, mailBackend, since, seen, 'the invitation sent again'), newUser.email);
    expect(second).not.toBe(first);

    await expect(signIn(cognitoClient, main.userPoolClientId, newUser.email, first)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringContaining('Incorrect username or password.'),
    });
    const challenge = await signIn(cognitoClient, main.userPoolClientId, newUser.email, second);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await chooseNewPassword(cognitoClient, main.userPoolClientId, challenge, newUser.email, newUser.password);
    const { Username } = await cognitoClient.send(new AdminGetUserCommand({ UserPoolId: main.userPoolId, Username: newUser.email }));
    await expect(invite(cognitoClient, main.userPoolId, newUser.email, 'RESEND')).rejects.toMatchObject({
      name: 'UnsupportedUserStateException',
      message: expect.stringContaining(`Resend not possible. ${Username} status is not FORCE_CHANGE_PASSWORD`),
    });
  });

  test('NEW_PASSWORD_REQUIRED takes the new password only with the Session its challenge gave, for that user, once', async ({ cognitoClient, mailBackend, newUser, inbox }) => {
    const { main, mail } = await invited({ cognitoClient, mailBackend, newUser, inbox });
    const temporary = temporaryPasswordIn(mail, newUser.email);
    const challenge = await signIn(cognitoClient, main.userPoolClientId, newUser.email, temporary);
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' };

    await expect(chooseNewPassword(cognitoClient, main.userPoolClientId, { Session: 'made-up-session' }, newUser.email, newUser.password)).rejects.toMatchObject(invalid);
    const { UserStatus } = await cognitoClient.send(new AdminGetUserCommand({ UserPoolId: main.userPoolId, Username: newUser.email }));
    expect(UserStatus, 'a refused answer changed nothing').toBe('FORCE_CHANGE_PASSWORD');

    await chooseNewPassword(cognitoClient, main.userPoolClientId, challenge, newUser.email, newUser.password);
    await expect(chooseNewPassword(cognitoClient, main.userPoolClientId, challenge, newUser.email, `${newUser.password}2`)).rejects.toMatchObject(invalid);
    expect((await signIn(cognitoClient, main.userPoolClientId, newUser.email, newUser.password)).AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

test("a challenge's Session expires after the app client's AuthSessionValidity, belongs to one user and one client, and is answered once", () => {
  let now = 0;
  const sessions = new ChallengeSessions(() => now);
  sessions.issue('s1', { username: 'user-a', clientId: 'client-1' }, 3);
  expect(() => sessions.check('s1', 'client-1', 'user-b')).toThrow('Invalid session for the user.');
  expect(() => sessions.check('s1', 'client-2', 'user-a')).toThrow('Invalid session for the user.');
  expect(() => sessions.check(undefined, 'client-1', 'user-a')).toThrow('Invalid session for the user.');
  now = 3 * 60_000;
  expect(sessions.check('s1', 'client-1', 'user-a')).toMatchObject({ username: 'user-a' });
  now += 1;
  expect(() => sessions.check('s1', 'client-1', 'user-a')).toThrow('Invalid session for the user, session is expired.');
  // Another challenge issued soon after (another user's, a parallel test's) leaves it known as expired; an hour past its expiry, it is dropped.
  sessions.issue('s2', { username: 'user-b', clientId: 'client-1' });
  expect(() => sessions.check('s1', 'client-1', 'user-a')).toThrow('Invalid session for the user, session is expired.');
  now += 60 * 60_000;
  sessions.issue('s3', { username: 'user-b', clientId: 'client-1' });
  expect(() => sessions.check('s1', 'client-1')).toThrow(/^Invalid session for the user\.$/);
  // A closed one is gone at once.
  sessions.issue('s2', { username: 'user-a', clientId: 'client-1' });
  sessions.close('s2');
  expect(() => sessions.check('s2', 'client-1')).toThrow('Invalid session for the user.');
});

test("UserAttributeUpdateSettings: CreateUserPool and UpdateUserPool set it, DescribeUserPool shows it, an UpdateUserPool without it puts AWS's default back", async ({
  cognitoClient,
}) => {
  const keep: UserAttributeUpdateSettingsType = { AttributesRequireVerificationBeforeUpdate: ['email'] };
  const described = async (UserPoolId: string) =>
    (await cognitoClient.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool?.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  const { UserPool } = await cognitoClient.send(
    new CreateUserPoolCommand({ PoolName: `update-settings-${test.info().testId}`, UsernameAttributes: ['email'], UserAttributeUpdateSettings: keep }),
  );
  const UserPoolId = UserPool?.Id as string;
  try {
    expect(UserPool?.UserAttributeUpdateSettings).toEqual(keep);
    expect(await described(UserPoolId)).toEqual(['email']);
    await cognitoClient.send(new UpdateUserPoolCommand({ UserPoolId, AutoVerifiedAttributes: ['email'] }));
    expect(await described(UserPoolId)).toEqual([]);
    await cognitoClient.send(new UpdateUserPoolCommand({ UserPoolId, AutoVerifiedAttributes: ['email'], UserAttributeUpdateSettings: keep }));
    expect(await described(UserPoolId)).toEqual(['email']);
  } finally {
    await cognitoClient.send(new DeleteUserPoolCommand({ UserPoolId }));
  }
});

test.describe('changing the email address', () => {
  /** A confirmed user of the pool, signed in: their access token. */
  async function confirmedAndSignedIn(client: CognitoIdentityProviderClient, inbox: DisposableInbox, pool: Pool, email: string, password: string) {
    const app = new CognitoAppClient(client, { clientId: pool.userPoolClientId });
    const since = new Date();
    await app.signUp(email, password);
    await app.confirmSignUp(email, (await inbox.waitForVerificationEmail({ since, kind: 'signUp' })).code);
    return (await signIn(client, pool.userPoolClientId, email, password)).AuthenticationResult?.AccessToken as string;
  }

  const refused = { name: 'NotAuthorizedException', message: expect.stringContaining('Incorrect username or password.') };

  const cases = [
    {
      title: 'on a pool without that setting: the new address takes over at once, unverified, and its code verifies it',
      pool: (pools: Awaited<ReturnType<typeof stackPools>>) => pools.main,
      requireVerification: undefined,
      // Until the code is entered: which address signs in (and which does not), and whether the email is verified.
      pending: (oldAddress: string, newAddress: string) => ({ current: newAddress, other: oldAddress, verified: 'false' }),
    },
    {
      title: 'on a pool that keeps the original until the new one is verified: the code goes to the new address, and sign-in stays on the old one until then',
      pool: (pools: Awaited<ReturnType<typeof stackPools>>) => pools.keepOriginal,
      requireVerification: ['email'],
      pending: (oldAddress: string, newAddress: string) => ({ current: oldAddress, other: newAddress, verified: 'true' }),
    },
  ];

  for (const { title, pool: poolOf, requireVerification, pending: pendingOf } of cases) {
    test(title, async ({ cognitoClient, mailBackend, newUser, inbox }) => {
      const pool = poolOf(await stackPools());
      const users = new CognitoUsers({ client: cognitoClient, userPoolId: pool.userPoolId, guard: new DeletionGuard(mailBackend.created) });
      const newAddress = await mailBackend.createInbox(`${test.info().title} (new address)`);
      try {
        const { UserPool } = await cognitoClient.send(new DescribeUserPoolCommand({ UserPoolId: pool.userPoolId }));
        expect(UserPool?.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate).toEqual(requireVerification);
        const accessToken = await confirmedAndSignedIn(cognitoClient, inbox, pool, newUser.email, newUser.password);

        const since = new Date();
        const { CodeDeliveryDetailsList } = await cognitoClient.send(
          new UpdateUserAttributesCommand({ AccessToken: accessToken, UserAttributes: [{ Name: 'email', Value: newAddress.address }] }),
        );
        expect(CodeDeliveryDetailsList).toMatchObject([{ AttributeName: 'email', DeliveryMedium: 'EMAIL' }]);
        const mail = await mailBackend.waitForEmail(newAddress, { since, timeout: 10_000 });
        expect(mail.subject).toBe('Your verification code');
        const code = /^Your verification code is (\d{6})\.$/.exec(mail.text.trim())?.[1] as string;
        expect(code, mail.text).toBeTruthy();

        const pending = attributes((await cognitoClient.send(new GetUserCommand({ AccessToken: accessToken }))).UserAttributes);
        const { current, other, verified } = pendingOf(newUser.email, newAddress.address);
        expect(pending).toMatchObject({ email: current, email_verified: verified });
        expect((await signIn(cognitoClient, pool.userPoolClientId, current, newUser.password)).AuthenticationResult).toBeTruthy();
        await expect(signIn(cognitoClient, pool.userPoolClientId, other, newUser.password)).rejects.toMatchObject(refused);

        await cognitoClient.send(new VerifyUserAttributeCommand({ AccessToken: accessToken, AttributeName: 'email', Code: code }));
        const after = attributes((await cognitoClient.send(new GetUserCommand({ AccessToken: accessToken }))).UserAttributes);
        expect(after).toMatchObject({ email: newAddress.address, email_verified: 'true' });
        expect((await signIn(cognitoClient, pool.userPoolClientId, newAddress.address, newUser.password)).AuthenticationResult).toBeTruthy();
        await expect(signIn(cognitoClient, pool.userPoolClientId, newUser.email, newUser.password)).rejects.toMatchObject(refused);
      } finally {
        await users.deleteUserIfExists(newAddress.address, { settle: false });
        await users.deleteUserIfExists(newUser.email, { settle: false });
        await mailBackend.deleteInbox(newAddress);
      }
    });
  }
});

test("a deleted user's tokens are refused, also after someone signs up again with the same address", async ({ cognitoClient, newUser, inbox, users }) => {
  const { main } = await stackPools();
  const app = new CognitoAppClient(cognitoClient, { clientId: main.userPoolClientId });
  const signUpAndSignIn = async () => {
    const since = new Date();
    await app.signUp(newUser.email, newUser.password);
    await app.confirmSignUp(newUser.email, (await inbox.waitForVerificationEmail({ since, kind: 'signUp' })).code);
    return (await signIn(cognitoClient, main.userPoolClientId, newUser.email, newUser.password)).AuthenticationResult ?? {};
  };
  const refresh = (token?: string) =>
    cognitoClient.send(new InitiateAuthCommand({ ClientId: main.userPoolClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token as string } }));
  // AWS's answers: GetUser with a deleted user's token, UserNotFoundException "User does not exist."
  // (aws-amplify/aws-sdk-android#366); a refresh token it does not accept, NotAuthorizedException "Invalid Refresh Token."
  const refusedOld = async (old: { AccessToken?: string; RefreshToken?: string }) => {
    await expect(cognitoClient.send(new GetUserCommand({ AccessToken: old.AccessToken }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: expect.stringContaining('User does not exist.'),
    });
    await expect(refresh(old.RefreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: expect.stringContaining('Invalid Refresh Token.') });
  };

  const old = await signUpAndSignIn();
  expect((await refresh(old.RefreshToken)).AuthenticationResult?.AccessToken).toBeTruthy();
  await users.deleteUserIfExists(newUser.email);
  await refusedOld(old);

  const again = await signUpAndSignIn();
  await refusedOld(old);
  const { Username } = await cognitoClient.send(new GetUserCommand({ AccessToken: again.AccessToken }));
  expect(Username).not.toBe(JSON.parse(Buffer.from((old.AccessToken as string).split('.')[1] as string, 'base64url').toString()).username);
  expect((await refresh(again.RefreshToken)).AuthenticationResult?.AccessToken).toBeTruthy();
});
