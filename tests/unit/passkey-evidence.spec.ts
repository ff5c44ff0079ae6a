import { expect, test } from '@playwright/test';
import type { CognitoCall } from '../../helpers/diagnosis/cognito-calls';
import { passkeyEvidence, publicPartOf } from '../../helpers/diagnosis/passkey-evidence';

const PRIVATE_KEY = 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg-private';
const held = { id: 'cred-1', rpId: 'localhost', userHandle: 'dXNlcg', signCount: 3, publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE-public', privateKey: PRIVATE_KEY };
const at = new Date('2026-12-03T15:00:00Z');
const requestOptions = { challenge: 'c2lnbi1pbg', rpId: 'localhost', allowCredentials: [{ id: 'cred-1', type: 'public-key' }] };
const calls: CognitoCall[] = [
  { operation: 'StartWebAuthnRegistration', at, status: 200, latencyMs: 5, body: { PasskeyOptions: { challenge: 'cmVnaXN0ZXI', rp: { id: 'localhost' } } } },
  { operation: 'InitiateAuth', at, status: 200, latencyMs: 5, body: { ChallengeName: 'WEB_AUTHN', PasskeyOptions: requestOptions } },
  { operation: 'RespondToAuthChallenge', at, status: 400, latencyMs: 5, body: { __type: 'WebAuthnRelyingPartyMismatchException', message: 'The relying party ID does not match.' } },
  { operation: 'SignUp', at, status: 200, latencyMs: 5, body: {} },
];

test("a failed passkey step's evidence: the options Cognito sent, its answers, the authenticator's passkeys without their private keys", () => {
  const evidence = passkeyEvidence(calls, [held]);
  expect(evidence.optionsSent).toEqual([
    { operation: 'StartWebAuthnRegistration', options: { challenge: 'cmVnaXN0ZXI', rp: { id: 'localhost' } } },
    { operation: 'InitiateAuth', options: requestOptions },
  ]);
  expect(evidence.answers).toEqual([
    'StartWebAuthnRegistration → 200 in 5 ms',
    'InitiateAuth → 200 in 5 ms',
    'RespondToAuthChallenge → WebAuthnRelyingPartyMismatchException: The relying party ID does not match. (5 ms)',
  ]);
  expect(evidence.authenticatorHeld).toEqual([{ id: 'cred-1', rpId: 'localhost', userHandle: 'dXNlcg', signCount: 3, publicKey: held.publicKey }]);
  expect(JSON.stringify(evidence)).not.toContain(PRIVATE_KEY);
});

test('only the public fields of a credential are kept, whatever else it carries', () => {
  const withMore = { ...held, somethingNew: 'secret-ish' } as typeof held;
  expect(Object.keys(publicPartOf(withMore)).sort()).toEqual(['id', 'publicKey', 'rpId', 'signCount', 'userHandle']);
});

test("an authenticator that could not be read says so, and the rest of the evidence stands", () => {
  expect(passkeyEvidence(calls, 'could not be read (context closed)').authenticatorHeld).toBe('could not be read (context closed)');
});
