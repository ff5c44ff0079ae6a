import { test } from '@playwright/test';
import { isRefused } from '../helpers/diagnosis/cognito-calls.js';
import { confirmationFailure } from '../helpers/diagnosis/confirmation.js';
import type { Credentials } from '../pages/index.js';
import { EmailFlow, type RequestedEmail } from './email-flow.js';

export type { FlowOptions, RequestedEmail } from './email-flow.js';

/**
 * Sign-up with email verification, composed once from the screens of any
 * UI: the stories and the benchmark sign up through this. On top of what
 * every email flow checks, a 200 to ConfirmSignUp must leave the user
 * CONFIRMED, and a code that should be refused must be.
 */
export class SignUpFlow extends EmailFlow {
  /** Signs up through the UI, and returns the verification email that caused, once the code screen shows. */
  async signUp(user: Credentials): Promise<RequestedEmail> {
    return test.step(`sign up as ${user.email} and receive the verification email`, () =>
      this.explained(async () => {
        await this.screens.signUp.open();
        await this.screens.signUp.fill(user);
        const email = await this.mailCausedBy('SignUp', () => this.screens.signUp.submit(), 'the code screen');
        await this.screens.confirmCode.expectShown();
        return email;
      }),
    );
  }

  /**
   * Signs up with the address alone (no password) where the page offers it,
   * and returns the verification email that caused, once the code screen shows.
   */
  async signUpWithoutPassword(user: Pick<Credentials, 'email'>): Promise<RequestedEmail> {
    return test.step(`sign up as ${user.email} with no password, and receive the verification email`, () =>
      this.explained(async () => {
        const screen = this.screens.passwordlessSignUp as NonNullable<typeof this.screens.passwordlessSignUp>;
        await screen.open();
        await screen.fill(user.email);
        const email = await this.mailCausedBy('SignUp', () => screen.submit(), 'the code screen');
        await this.screens.confirmCode.expectShown();
        return email;
      }),
    );
  }

  /** Asks for a new code on the code screen, and returns the email that caused. */
  async resendCode(): Promise<RequestedEmail> {
    return test.step('resend the code and receive another verification email', () =>
      this.explained(() => this.mailCausedBy('ResendConfirmationCode', () => this.screens.confirmCode.resend(), 'a new code')),
    );
  }

  /** Asks for a new code where Cognito must refuse it (`why`), and sees the page say so in `message`; no mail may come of it. */
  async expectResendRefused(message: string | RegExp, why: string): Promise<void> {
    await test.step('resend the code, and see it refused', () =>
      this.explained(async () => {
        const since = new Date();
        await this.screens.confirmCode.resend();
        const call = await this.answerOf('ResendConfirmationCode', since);
        if (call && !isRefused(call)) {
          throw await this.failure(`Cognito accepted ResendConfirmationCode (→ ${call.status}), which it should have refused: ${why}.`, since);
        }
        await this.screens.alert.expectError(message);
      }),
    );
  }

  /** Enters a code; Cognito must accept it, the user must be CONFIRMED, and the app must say so. */
  async confirm(user: Credentials, code: string): Promise<void> {
    await this.explained(async () => {
      const since = new Date();
      await this.screens.confirmCode.enterCode(code);
      await this.codeAccepted(user, code, since);
      await this.screens.confirmed.expectShown(user.email);
    });
  }

  /**
   * Enters the code, and the app must sign the new user in with the Session
   * ConfirmSignUp answers: Cognito accepts the code, the user is CONFIRMED,
   * the page's sign-in (InitiateAuth) is answered with tokens at once (no
   * password to prove, no second code), and the app shows the user signed in.
   * Returns that Session, for a story to check it is spent.
   */
  async confirmAndSignIn(user: Pick<Credentials, 'email'>, code: string): Promise<string> {
    return this.explained(async () => {
      const since = new Date();
      const session = await this.screens.confirmCode.enterCodeKeepingSession(code);
      await this.codeAccepted(user, code, since);
      if (!session) {
        throw await this.failure(
          `Cognito accepted the code of ${user.email} but answered ConfirmSignUp with no Session to sign in with.`,
          since,
          "The app client must allow ALLOW_USER_AUTH (ExplicitAuthFlows): only then does ConfirmSignUp answer a Session.",
        );
      }
      const signIn = await this.answerOf('InitiateAuth', since);
      if (!signIn) {
        throw await this.failure(
          `The app made no sign-in (InitiateAuth) after ${user.email} was confirmed.`,
          since,
          "The app does not sign the user in after sign-up: with Amplify, signUp({ options: { autoSignIn: { authFlowType: 'USER_AUTH' } } }), then autoSignIn() once confirmSignUp answers COMPLETE_AUTO_SIGN_IN.",
        );
      }
      if (isRefused(signIn) || signIn.body?.ChallengeName) {
        throw await this.failure(
          `The app's sign-in after confirmation was not answered with tokens (${this.answered(signIn)}${signIn.body?.ChallengeName ? `: the ${signIn.body.ChallengeName} challenge` : ''}).`,
          since,
          "A sign-in with ConfirmSignUp's Session (USER_AUTH, USERNAME, Session) needs no password and no code: the app sent another sign-in, or not the Session.",
        );
      }
      await (this.screens.sessionSignIn as NonNullable<typeof this.screens.sessionSignIn>).expectSignedIn(user.email);
      return session;
    });
  }

  /** Enters a code Cognito must refuse (`why`: it is not the latest code, by default), and sees the page say why. */
  async expectCodeRefused(code: string, message: string | RegExp, why = 'it is not the latest code'): Promise<void> {
    await this.explained(async () => {
      const since = new Date();
      await this.screens.confirmCode.enterCode(code);
      const call = await this.answerOf('ConfirmSignUp', since);
      if (call && !isRefused(call)) {
        throw await this.failure(`Cognito accepted the code ${code} (ConfirmSignUp → ${call.status}), which it should have refused: ${why}.`, since);
      }
      await this.screens.alert.expectError(message);
    });
  }

  /** Signs up with an address Cognito must refuse, and sees the page say why. */
  async expectSignUpRefused(user: Credentials, message: string | RegExp): Promise<void> {
    await test.step(`sign up as ${user.email} again, and see it refused`, () =>
      this.explained(async () => {
        await this.screens.signUp.open();
        await this.screens.signUp.fill(user);
        const since = new Date();
        await this.screens.signUp.submit();
        const call = await this.answerOf('SignUp', since);
        if (call && !isRefused(call)) {
          throw await this.failure(`Cognito accepted the sign-up of ${user.email} (SignUp → ${call.status}), which it should have refused.`, since);
        }
        await this.screens.alert.expectError(message);
      }),
    );
  }

  /** Cognito must have accepted the code entered since then, and the user be CONFIRMED. */
  private async codeAccepted(user: Pick<Credentials, 'email'>, code: string, since: Date): Promise<void> {
    const call = await this.answerOf('ConfirmSignUp', since);
    if (call && isRefused(call)) {
      const { cause, likely } = this.refusalOfCode(call, code);
      throw await this.failure(cause, since, likely);
    }
    if (call && this.options.userStatus) await this.confirmationTook(user.email, since);
  }

    /** Cognito's 200 to ConfirmSignUp is a claim: the user's status must agree. */
  private async confirmationTook(email: string, since: Date): Promise<void> {
    const failed = await confirmationFailure(email, this.options.userStatus as (email: string) => Promise<string | undefined>);
    if (failed) throw await this.failure(failed, since);
  }


}
