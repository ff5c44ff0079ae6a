import { test } from '@playwright/test';
import { isRefused, type CognitoCall } from '../helpers/diagnosis/cognito-calls.js';
import { passkeyEvidence, type AuthenticatorCredential } from '../helpers/diagnosis/passkey-evidence.js';
import type { DisposableInbox } from '../helpers/mail/disposable-inbox.js';
import type { OperationName } from '../common/cognito-operations.js';
import type { Credentials, Screens } from '../pages/index.js';
import { EmailFlow, type FlowOptions } from './email-flow.js';

/**
 * Passkeys, through the page's own calls and the browser's virtual
 * authenticator: a signed-in user registers one (StartWebAuthnRegistration,
 * the ceremony, CompleteWebAuthnRegistration), signs in with it (InitiateAuth
 * USER_AUTH answered with the WEB_AUTHN challenge, RespondToAuthChallenge
 * with the assertion), and removes it (DeleteWebAuthnCredential). No passkey
 * step mails anything: a story checks its inbox holds no more than before.
 * Each failure names the ceremony's step that broke and Cognito's answer.
 */
export class PasskeyFlow extends EmailFlow {
  constructor(
    screens: Screens,
    inbox: DisposableInbox,
    options: FlowOptions,
    /** The passkeys the browser's virtual authenticator holds (`context.credentials.get()`), read only for a failed step's evidence. */
    private readonly heldPasskeys: () => Promise<AuthenticatorCredential[]>,
  ) {
    super(screens, inbox, options);
  }

  private get screen() {
    return this.screens.passkeys as NonNullable<Screens['passkeys']>;
  }

  /** Signed in: registers a passkey; Cognito must accept both halves of the registration, and the page list one more. */
  async create(expectedCount = 1): Promise<void> {
    await test.step('create a passkey', () =>
      this.ceremony(async () => {
        await this.screen.openList();
        const since = new Date();
        await this.screen.create();
        await this.accepted('StartWebAuthnRegistration', since, 'the registration could not start');
        await this.accepted('CompleteWebAuthnRegistration', since, "Cognito refused the authenticator's new passkey");
        await this.screen.expectCount(expectedCount);
      }),
    );
  }

  /** Signed out: signs in with the passkey; Cognito must ask for it (WEB_AUTHN) and accept the authenticator's assertion. */
  async signIn(user: Pick<Credentials, 'email'>): Promise<void> {
    await test.step(`sign in as ${user.email} with the passkey`, () =>
      this.ceremony(async () => {
        await this.screen.openSignIn();
        const since = new Date();
        await this.screen.signIn(user.email);
        const asked = await this.accepted('InitiateAuth', since, 'the passkey sign-in could not start');
        if (asked.body?.ChallengeName !== 'WEB_AUTHN') {
          throw await this.failure(
            `Asked to sign ${user.email} in with a passkey, Cognito answered InitiateAuth with ${asked.body?.ChallengeName ? `the ${asked.body.ChallengeName} challenge` : 'no challenge'}, not WEB_AUTHN.`,
            since,
            "Cognito offers WEB_AUTHN only to a user with a passkey, on a pool whose AllowedFirstAuthFactors include WEB_AUTHN; the app must ask for USER_AUTH with PREFERRED_CHALLENGE WEB_AUTHN.",
          );
        }
        await this.accepted('RespondToAuthChallenge', since, "Cognito refused the authenticator's assertion");
        await this.screen.expectSignedIn(user.email);
      }),
    );
  }

  /**
   * Signed out, after the passkey was removed (or the account deleted and the
   * address signed up again): asking to sign in with a passkey must not end signed in. Cognito no longer offers WEB_AUTHN to the
   * user (it answers the other first factors, SELECT_CHALLENGE), so no
   * assertion is asked of the authenticator, and none accepted.
   */
  async expectRefused(user: Pick<Credentials, 'email'>): Promise<void> {
    await test.step(`sign in as ${user.email} with a passkey Cognito no longer holds for the account, and be refused`, () =>
      this.ceremony(async () => {
        await this.screen.openSignIn();
        const since = new Date();
        await this.screen.signIn(user.email);
        const asked = await this.answerOf('InitiateAuth', since);
        if (!asked) throw await this.failure(`Asked to sign ${user.email} in with a passkey, the page made no sign-in (InitiateAuth): nothing was refused.`, since);
        if (!isRefused(asked) && asked.body?.ChallengeName === 'WEB_AUTHN') {
          const answer = await this.answerOf('RespondToAuthChallenge', since);
          if (answer && !isRefused(answer)) {
            throw await this.failure(
              `Cognito signed ${user.email} in with a passkey it should have refused, one removed or made for a deleted account of the address (RespondToAuthChallenge → ${answer.status}).`,
              since,
            );
          }
        }
        await this.screen.expectSignedOut();
      }),
    );
  }

  /** Signed in: removes the one passkey; Cognito must accept, and the page list none. */
  async remove(): Promise<void> {
    await test.step('remove the passkey', () =>
      this.ceremony(async () => {
        await this.screen.openList();
        const since = new Date();
        await this.screen.remove();
        await this.accepted('DeleteWebAuthnCredential', since, 'Cognito refused to remove the passkey');
        await this.screen.expectCount(0);
      }),
    );
  }

  /** Signed in: the page lists `n` passkeys for the user, as Cognito holds them (ListWebAuthnCredentials). */
  async expectListed(n: number): Promise<void> {
    await test.step(`the account lists ${n} passkey${n === 1 ? '' : 's'}`, () =>
      this.ceremony(async () => {
        await this.screen.openList();
        await this.screen.expectCount(n);
      }),
    );
  }

  async signOut(): Promise<void> {
    await this.screen.signOut();
  }

  /**
   * A passkey step: when it fails, the report gets what the ceremony was
   * about (the options Cognito sent, its answers, the passkeys the virtual
   * authenticator held, without their private keys) beside the evidence every
   * flow's failure carries.
   */
  private ceremony(work: () => Promise<void>): Promise<void> {
    return this.explained(async () => {
      const since = new Date();
      try {
        await work();
      } catch (error) {
        const held = await this.heldPasskeys().catch((e: Error) => `could not be read (${e.message})`);
        const evidence = passkeyEvidence(this.options.calls?.since(since) ?? [], held);
        await test.info().attach('passkey ceremony: evidence', { body: JSON.stringify(evidence, null, 2), contentType: 'application/json' });
        throw error;
      }
    });
  }

  /** The page's call, which Cognito must have answered without refusing (`step`: what a refusal means for the ceremony). */
  private async accepted(operation: OperationName, since: Date, step: string): Promise<CognitoCall> {
    const call = await this.answerOf(operation, since);
    if (!call) throw await this.failure(`The page made no ${operation} call: ${step}.`, since);
    if (isRefused(call)) throw await this.failure(`${step}: ${this.answered(call)}`, since);
    return call;
  }
}
