import { describeCall, type CognitoCall } from './cognito-calls.js';

/** A passkey as Playwright's virtual authenticator gives it (`context.credentials.get()`): its private key included. */
export interface AuthenticatorCredential {
  id: string;
  rpId: string;
  userHandle: string;
  signCount: number;
  publicKey: string;
  privateKey?: string;
}

/** What evidence may show of a passkey the authenticator holds: everything a relying party sees anyway, never the private key. */
export type HeldPasskey = Omit<AuthenticatorCredential, 'privateKey'>;

/**
 * The public part of a credential, field by field: a list of what may be
 * shown rather than a deletion of what may not, so a field a later Playwright
 * adds (private or not) stays out until someone puts it here.
 */
export const publicPartOf = ({ id, rpId, userHandle, signCount, publicKey }: AuthenticatorCredential): HeldPasskey => ({ id, rpId, userHandle, signCount, publicKey });

/** The calls of a passkey ceremony: registering, signing in (USER_AUTH and its WEB_AUTHN challenge), listing, removing. */
const CEREMONY_OPERATIONS = ['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration', 'InitiateAuth', 'RespondToAuthChallenge', 'ListWebAuthnCredentials', 'DeleteWebAuthnCredential'];

/** What a failed passkey step attaches: the options Cognito sent the browser, Cognito's answers, and the passkeys the authenticator held. */
export interface PasskeyEvidence {
  /** StartWebAuthnRegistration's creation options, a WEB_AUTHN challenge's CREDENTIAL_REQUEST_OPTIONS. */
  optionsSent: { operation: string; options: unknown }[];
  /** Each ceremony call since the step began, as Cognito answered it. */
  answers: string[];
  /** The virtual authenticator's passkeys, without their private keys; or why they could not be read. */
  authenticatorHeld: HeldPasskey[] | string;
}

export function passkeyEvidence(calls: CognitoCall[], held: AuthenticatorCredential[] | string): PasskeyEvidence {
  const ceremony = calls.filter((call) => CEREMONY_OPERATIONS.includes(call.operation));
  return {
    optionsSent: ceremony.flatMap((call) => (call.body?.PasskeyOptions === undefined ? [] : [{ operation: call.operation, options: call.body.PasskeyOptions }])),
    answers: ceremony.map((call) => describeCall(call)),
    authenticatorHeld: typeof held === 'string' ? held : held.map(publicPartOf),
  };
}
