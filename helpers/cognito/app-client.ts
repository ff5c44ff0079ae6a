import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  type CodeDeliveryDetailsType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { secretHash } from './secret-hash.js';

export interface AppClientIdentity {
  clientId: string;
  /** Set when the app client has a secret: every call then carries SECRET_HASH. */
  clientSecret?: string;
}

/**
 * The calls a sign-up page makes, made from Node: for scripts, the benchmark
 * and checks that need a user without a browser. With a client secret, each
 * call carries the SECRET_HASH Cognito demands.
 */
export class CognitoAppClient {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly identity: AppClientIdentity,
  ) {}

  private hash(username: string) {
    const { clientId, clientSecret } = this.identity;
    return clientSecret ? { SecretHash: secretHash(username, clientId, clientSecret) } : {};
  }

  async signUp(email: string, password: string): Promise<CodeDeliveryDetailsType | undefined> {
    const { CodeDeliveryDetails } = await this.client.send(
      new SignUpCommand({
        ClientId: this.identity.clientId,
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
        ...this.hash(email),
      }),
    );
    return CodeDeliveryDetails;
  }

  /** Confirms the sign-up; Cognito's `Session` when the client allows ALLOW_USER_AUTH (see signInWithSignUpSession). */
  async confirmSignUp(email: string, code: string): Promise<string | undefined> {
    const { Session } = await this.client.send(
      new ConfirmSignUpCommand({ ClientId: this.identity.clientId, Username: email, ConfirmationCode: code, ...this.hash(email) }),
    );
    return Session;
  }

  /**
   * Signs in with the Session ConfirmSignUp answered (USER_AUTH, no password,
   * no second code), as an app does straight after sign-up; Cognito takes it
   * once, within the client's AuthSessionValidity. Returns the access token.
   */
  async signInWithSignUpSession(email: string, session: string): Promise<string> {
    const { clientSecret } = this.identity;
    const { AuthenticationResult, ChallengeName } = await this.client.send(
      new InitiateAuthCommand({
        ClientId: this.identity.clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: email, ...(clientSecret ? { SECRET_HASH: this.hash(email).SecretHash as string } : {}) },
        Session: session,
      }),
    );
    if (!AuthenticationResult?.AccessToken) throw new Error(`Signing ${email} in with the sign-up's session gave the ${ChallengeName ?? 'no'} challenge, not tokens`);
    return AuthenticationResult.AccessToken;
  }

  async resendConfirmationCode(email: string): Promise<CodeDeliveryDetailsType | undefined> {
    const { CodeDeliveryDetails } = await this.client.send(
      new ResendConfirmationCodeCommand({ ClientId: this.identity.clientId, Username: email, ...this.hash(email) }),
    );
    return CodeDeliveryDetails;
  }

  /**
   * Turns on email as the user's second factor, as the user would on an
   * account page: signed in by password (USER_PASSWORD_AUTH), then
   * SetUserMFAPreference with their own access token. No admin right needed.
   */
  async turnOnEmailMfa(email: string, password: string): Promise<void> {
    const { AuthenticationResult, ChallengeName } = await this.client.send(
      new InitiateAuthCommand({
        ClientId: this.identity.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password, ...(this.identity.clientSecret ? { SECRET_HASH: this.hash(email).SecretHash as string } : {}) },
      }),
    );
    if (!AuthenticationResult?.AccessToken) throw new Error(`Signing ${email} in to turn on email MFA gave the ${ChallengeName ?? 'no'} challenge, not tokens`);
    await this.client.send(
      new SetUserMFAPreferenceCommand({ AccessToken: AuthenticationResult.AccessToken, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );
  }

  /** Trades a refresh token for new tokens (REFRESH_TOKEN_AUTH), as an app does when its access token expires. */
  async refreshTokens(refreshToken: string, email: string): Promise<void> {
    const { clientSecret } = this.identity;
    await this.client.send(
      new InitiateAuthCommand({
        ClientId: this.identity.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken, ...(clientSecret ? { SECRET_HASH: this.hash(email).SecretHash as string } : {}) },
      }),
    );
  }
}
