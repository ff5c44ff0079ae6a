import { test } from '@playwright/test';
import { isRefused } from '../helpers/diagnosis/cognito-calls.js';
import type { Credentials, Screens } from '../pages/index.js';
import { EmailFlow } from './email-flow.js';

type WithSignIn = Screens & Required<Pick<Screens, 'signIn'>>;

/**
 * Signing in and what the app keeps of it: the steps every story after
 * sign-up shares (a reset password, an invitation, a changed address, a
 * deleted user). Cognito's verdict on the password (InitiateAuth's answer,
 * or with SRP the answer to its proof) is checked as every answer is.
 */
export class SessionFlow extends EmailFlow {

  private get signInScreen() {
    return (this.screens as WithSignIn).signIn;
  }

  /**
   * Signs in; Cognito must accept the password, and the app show the user
   * signed in. `at`: where the app is opened (`?pool=…`: another pool's);
   * `likely`: what a refusal would most likely mean, when the story knows.
   */
  async signIn(user: Credentials, { at = '', likely }: { at?: string; likely?: string } = {}): Promise<void> {
    await this.explained(async () => {
      await this.signInScreen.open(at);
      const since = new Date();
      await this.signInScreen.signIn(user);
      const call = await this.signInAnswer(since);
      if (call && isRefused(call)) throw await this.failure(`Cognito refused the sign-in of ${user.email}: ${this.answered(call)}`, since, likely);
      await this.signInScreen.expectSignedIn(user.email);
    });
  }

  /** Signs in with a password Cognito must refuse, and sees the page say why. */
  async expectSignInRefused(user: Credentials, message: string | RegExp, { at = '', likely }: { at?: string; likely?: string } = {}): Promise<void> {
    await this.explained(async () => {
      await this.signInScreen.open(at);
      const since = new Date();
      await this.signInScreen.signIn(user);
      const call = await this.signInAnswer(since);
      if (call && !isRefused(call)) {
        throw await this.failure(`Cognito accepted the sign-in of ${user.email} (${call.operation} → ${call.status}) with a password it should have refused.`, since, likely);
      }
      await this.signInScreen.alert.expectError(message);
    });
  }

  /** The refresh token the app keeps for this session: a story checks Cognito refuses it once the user is gone. */
  async keptRefreshToken(): Promise<string> {
    const tokens = await test.step('read the refresh token the app keeps in the browser', () => this.screens.storage.refreshTokens());

    if (tokens.length !== 1) {
      throw await this.failure(
        `Expected the app to keep one refresh token in localStorage, found ${tokens.length}: ` +
          'an app that keeps its tokens elsewhere (cookies, memory) needs its own AppStorage in pages/.',
        new Date(),
      );
    }
    return tokens[0] as string;
  }

  /**
   * Comes back to the app in the same browser, with what it kept: it must not
   * show the user signed in, and the session check it makes (GetUser) must be
   * refused by Cognito, not merely skipped.
   */
  async expectSessionEnded(user: Credentials): Promise<void> {
    await this.explained(async () => {
      const since = new Date();
      const shown = await this.signInScreen.comeBack();
      const call = await this.answerOf('GetUser', since);
      if (shown === 'signed in') {
        throw await this.failure(
          `The app shows ${user.email} signed in, from the session it kept in the browser, although the user was deleted` +
            (call ? ` (${isRefused(call) ? this.answered(call).replace(/\.$/, '') : `GetUser → ${call.status}`}).` : ': it never asked Cognito (no GetUser).'),
          since,
          'The app restores a session from the tokens it stored without asking Cognito (Amplify does so by default), or ignores the refusal: ' +
            'check the session once with Cognito (fetchUserAttributes, i.e. GetUser) and sign out when it is refused.',
        );
      }
      if (call && !isRefused(call)) {
        throw await this.failure(`Cognito still accepts the access token of ${user.email} (GetUser → ${call.status}), though the user was deleted.`, since);
      }
    });
  }
}
