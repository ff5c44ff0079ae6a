import { randomBytes } from 'node:crypto';
import type { AuthenticationResponseJSON, AuthenticatorTransport, RegistrationResponseJSON } from '@simplewebauthn/server';
import { CognitoError, InvalidParameterError, NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { attributeValue, type User, type UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import { COGNITO_ERRORS, type CognitoErrorKey } from '../../common/cognito-operations.js';
import { originAllowed } from '../../common/urls.js';
import { required, type ChallengeSessions, type OpenChallenge } from './challenge-sessions.js';
import { claimsOf } from './email-mfa.js';
import type { PoolOptions } from './sign-in-codes.js';

/** The WebAuthn library, loaded at the first passkey call: a fifth of a second that every other start of the stack skips. */
const webAuthn = () => import('@simplewebauthn/server');

/** A pool's WebAuthnConfiguration, as SetUserPoolMfaConfig sets it (KeptPoolSettings keeps it). */
export interface WebAuthnConfiguration {
  RelyingPartyId?: string;
  UserVerification?: 'required' | 'preferred';
}

/** A passkey as the emulator keeps it, on its user's record: deleting the user deletes it, and a user signed up again with the same address starts with none. */
export interface StoredPasskey {
  CredentialId: string;
  /** The COSE public key, base64url: public material, but never answered. */
  PublicKey: string;
  /** The authenticator's signature counter, which a later assertion must exceed (when it counts). */
  Counter: number;
  RelyingPartyId: string;
  AuthenticatorTransports?: string[];
  AuthenticatorAttachment?: string;
  FriendlyCredentialName?: string;
  CreatedAt: number;
}

type PasskeyUser = User & { WebAuthnCredentials?: StoredPasskey[] };
type PasskeyPool = PoolOptions & { WebAuthnConfiguration?: WebAuthnConfiguration; Name?: string };

/** A ceremony waiting for the browser: a registration (keyed by the user) or a sign-in (keyed by its Session). */
export type PasskeyCeremony = OpenChallenge & { challenge: string };
export type PasskeyCeremonies = ChallengeSessions<PasskeyCeremony>;

/** AWS's limit: "Users can register up to 20 passkeys" (developer guide, passkey sign-in). */
export const MAX_PASSKEYS = 20;

const refuse = (key: CognitoErrorKey, detail?: string) => new CognitoError(COGNITO_ERRORS[key].name, detail ? `${COGNITO_ERRORS[key].message} (${detail})` : COGNITO_ERRORS[key].message);

export const passkeysOf = (user: User): StoredPasskey[] => (user as PasskeyUser).WebAuthnCredentials ?? [];

/** The origin a browser wrote into a ceremony's client data. */
function originOf(clientDataJSON: string | undefined): string {
  try {
    return (JSON.parse(Buffer.from(clientDataJSON ?? '', 'base64url').toString('utf8')) as { origin?: string }).origin ?? '';
  } catch {
    return '';
  }
}

/** The library's refusal, as the Cognito exception that fits it: a wrong RP ID or origin, or a credential that is not what it should be. */
function cognitoRefusal(error: unknown): CognitoError {
  if (error instanceof CognitoError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'UnexpectedRPIDHash') return refuse('webAuthnRelyingPartyMismatch');
  if (/RP ID/i.test(message)) return refuse('webAuthnRelyingPartyMismatch', message);
  if (/origin/i.test(message)) return refuse('webAuthnOriginNotAllowed', message);
  return new InvalidParameterError(`The passkey credential could not be verified: ${message}`);
}

/**
 * Passkeys (WebAuthn), which cognito-local 5.3.0 predates (AWS added them in November 2024): the four operations a
 * signed-in user registers, lists and removes passkeys with, and the WEB_AUTHN challenge of choice-based sign-in.
 * Attestation and assertion are checked by @simplewebauthn/server; the relying party ID and user verification are
 * the pool's WebAuthnConfiguration; the passkey sign-in factor must be on the pool's AllowedFirstAuthFactors.
 */
export function Passkeys(services: Pick<Services, 'cognito'>, registrations: PasskeyCeremonies, signIns: PasskeyCeremonies) {
  const { cognito } = services;

  /** The access token's user, as cognito-local's own token operations find them (unverified claims, then the lookup). */
  async function signedIn(ctx: Context, accessToken: string | undefined) {
    const claims = claimsOf(accessToken);
    if (!claims?.client_id || !claims.sub) throw new NotAuthorizedError('Invalid Access Token');
    const userPool = await cognito.getUserPoolForClientId(ctx, claims.client_id);
    const user = await userPool.getUserByUsername(ctx, claims.sub);
    if (!user) throw new NotAuthorizedError('Invalid Access Token');
    return { userPool, user: user as PasskeyUser, clientId: claims.client_id };
  }

  /** The pool's relying party, refusing a pool where passkeys are off or not configured. */
  function relyingParty(pool: PasskeyPool): { rpId: string; userVerification: 'required' | 'preferred' } {
    if (pool.UserPoolTier === 'LITE' || !pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors?.includes('WEB_AUTHN')) throw refuse('webAuthnNotEnabled');
    const rpId = pool.WebAuthnConfiguration?.RelyingPartyId;
    if (!rpId) throw refuse('webAuthnConfigurationMissing');
    return { rpId, userVerification: pool.WebAuthnConfiguration?.UserVerification ?? 'preferred' };
  }

  const save = (ctx: Context, userPool: UserPoolService, user: PasskeyUser, passkeys: StoredPasskey[]) => userPool.saveUser(ctx, { ...user, WebAuthnCredentials: passkeys } as User);

  return {
    // https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_StartWebAuthnRegistration.html
    StartWebAuthnRegistration: (async (ctx, req: { AccessToken?: string }) => {
      required(req, ['AccessToken']);
      const { userPool, user, clientId } = await signedIn(ctx, req.AccessToken);
      const { rpId, userVerification } = relyingParty(userPool.options as PasskeyPool);
      const held = passkeysOf(user);
      if (held.length >= MAX_PASSKEYS) throw refuse('passkeyLimit');
      const name = attributeValue('email', user.Attributes) ?? user.Username;
      const options = await (await webAuthn()).generateRegistrationOptions({
        rpName: (userPool.options as PasskeyPool).Name ?? rpId,
        rpID: rpId,
        userName: name,
        userDisplayName: name,
        userID: Buffer.from(attributeValue('sub', user.Attributes) ?? user.Username),
        attestationType: 'none',
        excludeCredentials: held.map((p) => ({ id: p.CredentialId, transports: p.AuthenticatorTransports as AuthenticatorTransport[] | undefined })),
        authenticatorSelection: { residentKey: 'required', userVerification },
      });
      registrations.issue(user.Username, { username: user.Username, clientId, challenge: options.challenge });
      return { CredentialCreationOptions: options };
    }) as Route,

    // https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
    CompleteWebAuthnRegistration: (async (ctx, req: { AccessToken?: string; Credential?: RegistrationResponseJSON }) => {
      required(req, ['AccessToken', 'Credential']);
      const { userPool, user, clientId } = await signedIn(ctx, req.AccessToken);
      const { rpId, userVerification } = relyingParty(userPool.options as PasskeyPool);
      let started: PasskeyCeremony;
      try {
        started = registrations.check(user.Username, registrations.clientOf(user.Username) ?? clientId, user.Username);
      } catch {
        throw refuse('webAuthnChallengeNotFound');
      }
      if (started.clientId !== clientId) throw refuse('webAuthnClientMismatch');
      const credential = req.Credential as RegistrationResponseJSON;
      const origin = originOf(credential.response?.clientDataJSON);
      if (!originAllowed(origin, rpId)) throw refuse('webAuthnOriginNotAllowed', `origin ${origin || 'none'}, relying party ID ${rpId}`);
      const verified = await (await webAuthn()).verifyRegistrationResponse({
        response: credential,
        expectedChallenge: started.challenge,
        expectedOrigin: origin,
        expectedRPID: rpId,
        requireUserVerification: userVerification === 'required',
      }).catch((error: unknown) => Promise.reject(cognitoRefusal(error)));
      if (!verified.verified || !verified.registrationInfo) throw new InvalidParameterError('The passkey credential could not be verified');
      registrations.close(user.Username);
      const held = passkeysOf(user);
      if (held.length >= MAX_PASSKEYS) throw refuse('passkeyLimit');
      const { credential: made } = verified.registrationInfo;
      await save(ctx, userPool, user, [
        ...held,
        {
          CredentialId: made.id,
          PublicKey: Buffer.from(made.publicKey).toString('base64url'),
          Counter: made.counter,
          RelyingPartyId: rpId,
          AuthenticatorTransports: made.transports,
          AuthenticatorAttachment: credential.authenticatorAttachment,
          CreatedAt: Date.now(),
        },
      ]);
      return {};
    }) as Route,

    // https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_ListWebAuthnCredentials.html
    ListWebAuthnCredentials: (async (ctx, req: { AccessToken?: string }) => {
      required(req, ['AccessToken']);
      const { user } = await signedIn(ctx, req.AccessToken);
      // AWS's WebAuthnCredentialDescription: no public key, no counter; CreatedAt in epoch seconds, as the SDKs read timestamps.
      return {
        Credentials: passkeysOf(user).map((p) => ({
          CredentialId: p.CredentialId,
          FriendlyCredentialName: p.FriendlyCredentialName ?? 'Passkey',
          RelyingPartyId: p.RelyingPartyId,
          ...(p.AuthenticatorAttachment ? { AuthenticatorAttachment: p.AuthenticatorAttachment } : {}),
          AuthenticatorTransports: p.AuthenticatorTransports ?? [],
          CreatedAt: p.CreatedAt / 1000,
        })),
      };
    }) as Route,

    // https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
    DeleteWebAuthnCredential: (async (ctx, req: { AccessToken?: string; CredentialId?: string }) => {
      required(req, ['AccessToken', 'CredentialId']);
      const { userPool, user } = await signedIn(ctx, req.AccessToken);
      const held = passkeysOf(user);
      if (!held.some((p) => p.CredentialId === req.CredentialId)) throw refuse('passkeyNotFound');
      await save(
        ctx,
        userPool,
        user,
        held.filter((p) => p.CredentialId !== req.CredentialId),
      );
      return {};
    }) as Route,

    /**
     * InitiateAuth (or SELECT_CHALLENGE) choosing WEB_AUTHN: AWS's ChallengeParameters carry CREDENTIAL_REQUEST_OPTIONS,
     * the PublicKeyCredentialRequestOptions as a JSON string, allowing the user's own passkeys only.
     * https://docs.aws.amazon.com/cognito-user-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-response-ChallengeParameters
     */
    async challenge(clientId: string, pool: PoolOptions, user: User, sessionMinutes: number) {
      const { rpId, userVerification } = relyingParty(pool as PasskeyPool);
      const options = await (await webAuthn()).generateAuthenticationOptions({
        rpID: rpId,
        userVerification,
        allowCredentials: passkeysOf(user).map((p) => ({ id: p.CredentialId, transports: p.AuthenticatorTransports as AuthenticatorTransport[] | undefined })),
      });
      const session = randomBytes(96).toString('base64');
      signIns.issue(session, { username: user.Username, clientId, challenge: options.challenge }, sessionMinutes);
      return { ChallengeName: 'WEB_AUTHN', Session: session, ChallengeParameters: { USERNAME: user.Username, CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) } };
    },

    /**
     * RespondToAuthChallenge WEB_AUTHN: ChallengeResponses USERNAME and CREDENTIAL (the authentication response as JSON).
     * The credential must be one this user holds now: a removed passkey, or one a deleted account held, is refused.
     * A verified assertion keeps the authenticator's new signature counter, and answers the user (the caller makes the tokens).
     */
    async answer(ctx: Context, req: { ClientId: string; Session?: string; ChallengeResponses?: { USERNAME?: string; CREDENTIAL?: string } }) {
      required(req.ChallengeResponses, ['USERNAME', 'CREDENTIAL']);
      const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = (await userPool.getUserByUsername(ctx, req.ChallengeResponses?.USERNAME as string)) as PasskeyUser | null;
      if (!user) throw new NotAuthorizedError(COGNITO_ERRORS.invalidSession.message);
      const started = signIns.check(req.Session, req.ClientId, user.Username);
      const { rpId, userVerification } = relyingParty(userPool.options as PasskeyPool);
      let credential: AuthenticationResponseJSON;
      try {
        credential = JSON.parse(req.ChallengeResponses?.CREDENTIAL as string) as AuthenticationResponseJSON;
      } catch {
        throw new InvalidParameterError('CREDENTIAL is not the authentication response as JSON');
      }
      const held = passkeysOf(user);
      const passkey = held.find((p) => p.CredentialId === credential.id);
      if (!passkey) throw refuse('passkeyRefused');
      const origin = originOf(credential.response?.clientDataJSON);
      if (!originAllowed(origin, rpId)) throw refuse('webAuthnOriginNotAllowed', `origin ${origin || 'none'}, relying party ID ${rpId}`);
      const verified = await (await webAuthn()).verifyAuthenticationResponse({
        response: credential,
        expectedChallenge: started.challenge,
        expectedOrigin: origin,
        expectedRPID: rpId,
        requireUserVerification: userVerification === 'required',
        credential: {
          id: passkey.CredentialId,
          publicKey: new Uint8Array(Buffer.from(passkey.PublicKey, 'base64url')),
          counter: passkey.Counter,
          transports: passkey.AuthenticatorTransports as AuthenticatorTransport[] | undefined,
        },
      }).catch((error: unknown) => Promise.reject(cognitoRefusal(error)));
      if (!verified.verified) throw refuse('passkeyRefused');
      signIns.close(req.Session as string);
      // The user as saved: the tokens' refresh token is stored on this record, which must not wind the counter back.
      const counted = { ...user, WebAuthnCredentials: held.map((p) => (p === passkey ? { ...p, Counter: verified.authenticationInfo.newCounter } : p)) };
      await save(ctx, userPool, user, counted.WebAuthnCredentials);
      return counted as User;
    },
  };
}
