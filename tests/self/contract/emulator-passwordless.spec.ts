// Passwordless sign-up and passkeys, as the emulator layer adds them, on a
// private stack: the SDK's calls against the emulator, the mails read from
// MailDev, and (for passkeys) a real browser's WebAuthn ceremonies with
// Chromium's virtual authenticator.
import {
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  type CreateUserPoolCommandInput,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from '@playwright/test';
import { waitUntil } from '../../../helpers/wait-until';
import { MAX_PASSKEYS } from '../../../local/cognito/passkeys';
import { originAllowed } from '../../../common/urls';
import { expect, test } from '../fixtures';

// No trace: it would record the virtual authenticator's private keys (context.credentials.get and create carry them).
test.use({ trace: 'off' });

/** The SDK's own client, without retries: each refusal is seen as the emulator gave it. */
const rawClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } });

/**
 * How a call ended, as `name: message`, or `accepted`: a refusal expected and not met then fails on one word,
 * never printing the tokens of a sign-in that went through.
 */
const outcome = (call: Promise<unknown>) =>
  call.then(
    () => 'accepted',
    (error: Error) => `${error.name}: ${error.message}`,
  );

// Literal words, not the catalogue's: what the emulator must answer, whatever the catalogue says.
const passwordRequired = /^InvalidParameterException: Password is required/;
const incorrectPassword = 'NotAuthorizedException: Incorrect username or password.';

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

/** The mails MailDev holds for `address`, oldest first. */
async function mailsTo(mailWeb: string, address: string) {
  const mails = (await (await fetch(new URL('/api/email', mailWeb))).json()) as { to: { address: string }[]; text: string }[];
  return mails.filter((m) => m.to.some((t) => t.address === address));
}

/** The code (six digits: a sign-up's) of the first mail to `address` after the `before` it had already. */
async function codeMailedTo(mailWeb: string, address: string, before = 0, digits = 6): Promise<string> {
  const code = await waitUntil(
    async () => (await mailsTo(mailWeb, address))[before]?.text.match(new RegExp(`\\b\\d{${digits}}\\b`))?.[0],
    (found) => found !== undefined,
    { timeout: 5_000, what: `a new code mailed to ${address} in MailDev (${mailWeb}), after the ${before} it held before` },
  );
  return code!;
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
    for (const [where, { ClientId }] of Object.entries(refusedOn)) expect(await outcome(signUp(ClientId, 'nopassword@passwordless.test')), where).toMatch(passwordRequired);
    const { ClientId } = await poolAndClient(cognito, { UsernameAttributes: [] });
    expect(await outcome(cognito.send(new SignUpCommand({ ClientId, Username: 'no-email-given' }))), 'a user who gives no email').toMatch(passwordRequired);
  });

  await test.step('accepted where all hold: one code mailed; confirmed, the user signs in by the Session, never by a password', async () => {
    const { ClientId } = await poolAndClient(cognito);
    const email = 'nopassword@passwordless.test';
    expect((await signUp(ClientId, email)).CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    const { Session } = await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await codeMailedTo(urls.mailWeb, email) }));
    for (const PASSWORD of ['', 'undefined', 'Any-password-1']) {
      expect(await outcome(cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } })))).toBe(incorrectPassword);
    }
    const signedIn = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }));
    expect(signedIn.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

const passkeyRefused = /^NotAuthorizedException: The passkey credential is not registered for this user\./;

/** A pool where users sign up without a password and may add passkeys for `rpId`, and an app client of it. */
async function passkeyPool(cognito: CognitoIdentityProviderClient, rpId: string | undefined, factors = ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']) {
  const ids = await poolAndClient(cognito, { Policies: { SignInPolicy: { AllowedFirstAuthFactors: factors as never } } });
  if (rpId) await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: ids.UserPoolId, WebAuthnConfiguration: { RelyingPartyId: rpId, UserVerification: 'preferred' } }));
  return ids;
}

/** Signs `email` up without a password, confirms the mailed code and signs in by ConfirmSignUp's Session: the user's access token. */
async function passwordlessUser(cognito: CognitoIdentityProviderClient, mailWeb: string, ClientId: string, email: string): Promise<string> {
  const before = (await mailsTo(mailWeb, email)).length;
  await cognito.send(new SignUpCommand({ ClientId, Username: email, UserAttributes: [{ Name: 'email', Value: email }] }));
  const { Session } = await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await codeMailedTo(mailWeb, email, before) }));
  const { AuthenticationResult } = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }));
  return AuthenticationResult?.AccessToken as string;
}

/**
 * An empty page at `origin`, answered by Playwright itself (no server): a loopback origin (`localhost`, `*.localhost`)
 * is a secure context over http, as a relying party's page must be.
 */
async function blankPageAt(page: Page, origin: string) {
  await page.route(`${origin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>passkeys</title>' }));
  await page.goto(`${origin}/`);
}

/**
 * navigator.credentials.create() with the options Cognito gave (JSON, base64url), the attestation as JSON for
 * CompleteWebAuthnRegistration; `rpId` overrides the relying party the page asks the authenticator for.
 */
function createPasskey(page: Page, options: unknown, rpId?: string) {
  return page.evaluate(
    async ({ options, rpId }) => {
      const bytes = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      const text = (buffer: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      const json = options as { challenge: string; rp: { id: string; name: string }; user: { id: string; name: string; displayName: string }; excludeCredentials?: { id: string; type: string }[] };
      const publicKey = {
        ...json,
        rp: { ...json.rp, id: rpId ?? json.rp.id },
        challenge: bytes(json.challenge),
        user: { ...json.user, id: bytes(json.user.id) },
        excludeCredentials: (json.excludeCredentials ?? []).map((c) => ({ ...c, id: bytes(c.id) })),
      } as unknown as PublicKeyCredentialCreationOptions;
      const made = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
      const response = made.response as AuthenticatorAttestationResponse;
      return {
        id: made.id,
        rawId: text(made.rawId),
        type: made.type,
        authenticatorAttachment: made.authenticatorAttachment ?? undefined,
        clientExtensionResults: {},
        response: { clientDataJSON: text(response.clientDataJSON), attestationObject: text(response.attestationObject), transports: response.getTransports?.() ?? [] },
      };
    },
    { options, rpId },
  );
}

/** navigator.credentials.get() with CREDENTIAL_REQUEST_OPTIONS, the assertion as the JSON string RespondToAuthChallenge's CREDENTIAL takes; `allow` narrows it to one passkey. */
function usePasskey(page: Page, requestOptions: string, allow?: string) {
  return page.evaluate(
    async ({ requestOptions, allow }) => {
      const bytes = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      const text = (buffer: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      const json = JSON.parse(requestOptions) as { challenge: string; allowCredentials?: { id: string; type: string }[] };
      const allowed = allow ? [{ id: allow, type: 'public-key' }] : (json.allowCredentials ?? []);
      const publicKey = { ...json, challenge: bytes(json.challenge), allowCredentials: allowed.map((c) => ({ ...c, id: bytes(c.id) })) } as unknown as PublicKeyCredentialRequestOptions;
      const used = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential;
      const response = used.response as AuthenticatorAssertionResponse;
      return JSON.stringify({
        id: used.id,
        rawId: text(used.rawId),
        type: used.type,
        clientExtensionResults: {},
        response: {
          clientDataJSON: text(response.clientDataJSON),
          authenticatorData: text(response.authenticatorData),
          signature: text(response.signature),
          ...(response.userHandle ? { userHandle: text(response.userHandle) } : {}),
        },
      });
    },
    { requestOptions, allow },
  );
}

/** Registers a passkey for the token's user from `page`: Start, the browser's ceremony, Complete. */
async function registerPasskey(cognito: CognitoIdentityProviderClient, page: Page, AccessToken: string, rpId?: string) {
  const { CredentialCreationOptions } = await cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken }));
  const Credential = await createPasskey(page, CredentialCreationOptions, rpId);
  await cognito.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: Credential as never }));
  return Credential.id;
}

/** InitiateAuth USER_AUTH preferring WEB_AUTHN: the Session and CREDENTIAL_REQUEST_OPTIONS. */
async function passkeyChallenge(cognito: CognitoIdentityProviderClient, ClientId: string, email: string) {
  const asked = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'WEB_AUTHN' } }));
  expect(asked.ChallengeName, 'the user has a passkey: WEB_AUTHN is asked').toBe('WEB_AUTHN');
  return { Session: asked.Session, options: asked.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS as string };
}

const answerPasskey = (cognito: CognitoIdentityProviderClient, ClientId: string, email: string, Session: string | undefined, CREDENTIAL: string) =>
  cognito.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'WEB_AUTHN', Session, ChallengeResponses: { USERNAME: email, CREDENTIAL } }));

test("a page may use a passkey for the relying party ID when it is the ID's host or a subdomain, over https or on a loopback host over http", () => {
  expect(originAllowed('https://app.example.com', 'example.com')).toBe(true);
  expect(originAllowed('https://example.com', 'example.com')).toBe(true);
  expect(originAllowed('https://notexample.com', 'example.com')).toBe(false);
  expect(originAllowed('https://example.com', 'app.example.com')).toBe(false);
  expect(originAllowed('http://example.com', 'example.com'), 'plain http off loopback').toBe(false);
  expect(originAllowed('http://localhost:5173', 'localhost')).toBe(true);
  expect(originAllowed('http://sub.app.localhost:5173', 'app.localhost')).toBe(true);
  expect(originAllowed('http://127.0.0.1:5173', '127.0.0.1')).toBe(true);
  expect(originAllowed('not an origin', 'localhost')).toBe(false);
});

test('passkeys: registered in a real browser, listed, signed in with (the counter kept), removed; a deleted account\'s passkey is refused to the new one', async ({
  startPrivateStack,
  context,
  page,
}) => {
  test.setTimeout(90_000);
  const { urls } = await startPrivateStack({ services: ['mail', 'cognito'] });
  const cognito = rawClient(urls.cognito);
  const { ClientId } = await passkeyPool(cognito, 'localhost');
  const email = 'passkey@passwordless.test';
  await context.credentials.install();
  await blankPageAt(page, 'http://localhost:8765');
  const token = await passwordlessUser(cognito, urls.mailWeb, ClientId, email);

  const passkeyId = await test.step('register a passkey: listed for the pool\'s relying party', async () => {
    const { CredentialCreationOptions } = await cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken: token }));
    expect(CredentialCreationOptions, "the pool's relying party and user verification").toMatchObject({ rp: { id: 'localhost' }, authenticatorSelection: { userVerification: 'preferred' } });
    const id = await registerPasskey(cognito, page, token);
    const { Credentials } = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }));
    expect(Credentials?.map((c) => [c.CredentialId, c.RelyingPartyId])).toEqual([[id, 'localhost']]);
    return id;
  });

  await test.step('sign in with it, offered too among the choices; each assertion counts up, and an older count is refused', async () => {
    const offered = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } }));
    expect(offered.AvailableChallenges).toContain('WEB_AUTHN');
    for (let n = 0; n < 2; n++) {
      const { Session, options } = await passkeyChallenge(cognito, ClientId, email);
      const signedIn = await answerPasskey(cognito, ClientId, email, Session, await usePasskey(page, options));
      expect(signedIn.AuthenticationResult?.AccessToken, `passkey sign-in ${n + 1}`).toBeTruthy();
    }
    // The same key with its counter wound back, as a cloned authenticator would present it.
    const [held] = await context.credentials.get({ id: passkeyId });
    expect(held?.signCount).toBe(2);
    await context.credentials.delete(passkeyId);
    await context.credentials.create('localhost', { id: passkeyId, userHandle: held?.userHandle, privateKey: held?.privateKey, publicKey: held?.publicKey, signCount: 0 });
    const { Session, options } = await passkeyChallenge(cognito, ClientId, email);
    expect(await outcome(answerPasskey(cognito, ClientId, email, Session, await usePasskey(page, options)))).toMatch(/counter/);
  });

  await test.step('remove it: no longer listed, and an assertion made with it is refused', async () => {
    const { Session, options } = await passkeyChallenge(cognito, ClientId, email);
    const assertion = await usePasskey(page, options);
    await cognito.send(new DeleteWebAuthnCredentialCommand({ AccessToken: token, CredentialId: passkeyId }));
    expect((await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }))).Credentials).toEqual([]);
    expect(await outcome(answerPasskey(cognito, ClientId, email, Session, assertion))).toMatch(passkeyRefused);
    expect(await outcome(cognito.send(new DeleteWebAuthnCredentialCommand({ AccessToken: token, CredentialId: passkeyId })))).toMatch(/^ResourceNotFoundException: /);
  });

  await test.step('the account deleted and the address signed up again: the old passkey is refused for the new account', async () => {
    const oldId = await registerPasskey(cognito, page, token);
    await cognito.send(new DeleteUserCommand({ AccessToken: token }));
    const newToken = await passwordlessUser(cognito, urls.mailWeb, ClientId, email);
    expect((await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: newToken }))).Credentials, 'the new account starts with none').toEqual([]);
    await registerPasskey(cognito, page, newToken);
    const { Session, options } = await passkeyChallenge(cognito, ClientId, email);
    expect(await outcome(answerPasskey(cognito, ClientId, email, Session, await usePasskey(page, options, oldId)))).toMatch(passkeyRefused);
  });
});

test("passkeys: refused for a page outside the relying party, another relying party's credential, a pool without passkeys, and past the 20th", async ({ startPrivateStack, context, page }) => {
  test.setTimeout(60_000);
  const { urls } = await startPrivateStack({ services: ['mail', 'cognito'] });
  const cognito = rawClient(urls.cognito);
  await context.credentials.install();

  await test.step('a pool without WEB_AUTHN among its first factors, or without a relying party ID', async () => {
    const off = await passkeyPool(cognito, 'localhost', ['PASSWORD', 'EMAIL_OTP']);
    const offToken = await passwordlessUser(cognito, urls.mailWeb, off.ClientId, 'off@passwordless.test');
    expect(await outcome(cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken: offToken })))).toMatch(/^WebAuthnNotEnabledException: /);
    const unset = await passkeyPool(cognito, undefined);
    const unsetToken = await passwordlessUser(cognito, urls.mailWeb, unset.ClientId, 'unset@passwordless.test');
    expect(await outcome(cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken: unsetToken })))).toMatch(/^WebAuthnConfigurationMissingException: /);
  });

  await test.step(`at most ${MAX_PASSKEYS} passkeys a user; the relying party is kept and shown by GetUserPoolMfaConfig`, async () => {
    const { UserPoolId, ClientId } = await passkeyPool(cognito, 'localhost');
    expect((await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).WebAuthnConfiguration).toEqual({ RelyingPartyId: 'localhost', UserVerification: 'preferred' });
    const token = await passwordlessUser(cognito, urls.mailWeb, ClientId, 'many@passwordless.test');
    await blankPageAt(page, 'http://localhost:8765');
    // Each removed from the authenticator once registered: Cognito's options exclude the user's passkeys, which one authenticator would refuse to make again.
    for (let n = 0; n < MAX_PASSKEYS; n++) await context.credentials.delete(await registerPasskey(cognito, page, token));
    expect((await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }))).Credentials).toHaveLength(MAX_PASSKEYS);
    expect(await outcome(cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken: token })))).toMatch(/^LimitExceededException: /);
  });

  await test.step('a registration completed without being started, or by another app client than the one that started it', async () => {
    const { UserPoolId, ClientId } = await passkeyPool(cognito, 'localhost');
    const email = 'started@passwordless.test';
    const token = await passwordlessUser(cognito, urls.mailWeb, ClientId, email);
    const complete = (AccessToken: string) => outcome(cognito.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: {} as never })));
    expect(await complete(token)).toMatch(/^WebAuthnChallengeNotFoundException: /);
    // The same user, signed in on another client of the pool with a mailed code.
    const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'other', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
    const other = UserPoolClient?.ClientId as string;
    const before = (await mailsTo(urls.mailWeb, email)).length;
    const asked = await cognito.send(new InitiateAuthCommand({ ClientId: other, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }));
    const EMAIL_OTP_CODE = await codeMailedTo(urls.mailWeb, email, before, 8);
    const signedIn = await cognito.send(new RespondToAuthChallengeCommand({ ClientId: other, ChallengeName: 'EMAIL_OTP', Session: asked.Session, ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE } }));
    await cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken: token }));
    expect(await complete(signedIn.AuthenticationResult?.AccessToken as string)).toMatch(/^WebAuthnClientMismatchException: /);
  });

  await test.step("a page whose origin is not the relying party's, and a credential made for another relying party ID", async () => {
    const { ClientId } = await passkeyPool(cognito, 'app.localhost');
    const token = await passwordlessUser(cognito, urls.mailWeb, ClientId, 'elsewhere@passwordless.test');
    await blankPageAt(page, 'http://localhost:8765');
    expect(await outcome(registerPasskey(cognito, page, token, 'localhost'))).toMatch(/^WebAuthnOriginNotAllowedException: /);
    await blankPageAt(page, 'http://sub.app.localhost:8765');
    expect(await outcome(registerPasskey(cognito, page, token, 'sub.app.localhost'))).toMatch(/^WebAuthnRelyingPartyMismatchException: /);
    expect((await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }))).Credentials).toEqual([]);
  });
});
