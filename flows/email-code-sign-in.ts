import { test } from '@playwright/test';
import { isRefused, type CognitoCall } from '../helpers/diagnosis/cognito-calls.js';
import type { Credentials, Screens } from '../pages/index.js';
import { EmailFlow, type RequestedEmail } from './email-flow.js';

type WithCodeSignIn = Screens & Required<Pick<Screens, 'signInByCode' | 'mfaCode' | 'signIn'>>;

/**
 * Signing in with a mailed code (passwordless: USER_AUTH with EMAIL_OTP), or
 * with a password and then a mailed code (email MFA):
 * ask with the address alone, receive the code, enter it. InitiateAuth must
 * answer with the EMAIL_OTP challenge naming this inbox (anything else, a
 * SELECT_CHALLENGE or a password's challenge, means the pool or client does
 * not offer it), and RespondToAuthChallenge must accept the latest code and
 * refuse others.
 */
export class EmailCodeSignInFlow extends EmailFlow {
  /** Which code the flow is waiting for: the first factor (passwordless), or the second after the password (email MFA). */
  private factor: 'first' | 'mfa' = 'first';


  /** Passwordless sign-in's screen: where the code is asked for and entered. */
  private get codeScreen() {
    return (this.screens as WithCodeSignIn).signInByCode;
  }

  /** The form the code is entered in: passwordless sign-in's, or the MFA code screen after a password (a page may have either alone). */
  private get codeForm() {
    return this.factor === 'mfa' ? (this.screens as WithCodeSignIn).mfaCode : this.codeScreen;
  }

  private get signInScreen() {
    return (this.screens as WithCodeSignIn).signIn;
  }

  /** From the sign-in form that offers a code: the mail with the code, once the form for it shows. */
  async requestCode(user: Pick<Credentials, 'email'>): Promise<RequestedEmail> {
    return test.step(`ask to sign in as ${user.email} with a mailed code, and receive it`, () =>
      this.explained(async () => {
        await this.codeScreen.open();
        await this.codeScreen.fillEmail(user.email);
        const email = await this.codeMailCausedBy(() => this.codeScreen.requestCode(), 'the form for the code');
        await this.codeScreen.expectCodeForm();
        return email;
      }),
    );
  }

  /**
   * Signs in with the password, as usual, and receives the code email MFA
   * sends then: Cognito must answer the password (InitiateAuth, or with SRP the
   * proof after it) with the EMAIL_OTP challenge, not with tokens.
   */
  async signInForCode(user: Credentials): Promise<RequestedEmail> {
    this.factor = 'mfa';
    return test.step(`sign in as ${user.email} with the password, and receive the second factor's code`, () =>
      this.explained(async () => {
        await this.signInScreen.open();
        const email = await this.mailCausedBy('InitiateAuth', () => this.signInScreen.signIn(user), 'the form for the code', {
          read: (since) => Promise.race([this.inbox.waitForSignInCodeEmail({ since }), this.passwordAnswerFails(since, user)]),
        });
        await this.codeForm.expectCodeForm();
        return email;
      }),
    );
  }

  /** Fails once Cognito has refused the password, or accepted it without asking for the code; never settles otherwise. */
  private async passwordAnswerFails(since: Date, user: Credentials): Promise<never> {
    const call = await this.signInAnswer(since);
    if (call && isRefused(call)) throw await this.failure(`Cognito refused the password of ${user.email}: ${this.answered(call)}`, since);
    if (call && call.body?.ChallengeName !== 'EMAIL_OTP') {
      throw await this.failure(
        `Cognito answered the password of ${user.email} (${call.operation}) with ${call.body?.ChallengeName ? `the ${call.body.ChallengeName} challenge` : 'tokens'}, not the EMAIL_OTP challenge: it mailed no code.`,
        since,
        "Email MFA is not on for this user or pool: the pool's MfaConfiguration is OFF, it has no EmailMfaConfiguration, or the user's MFA preference lacks EMAIL_OTP.",
      );
    }
    return new Promise<never>(() => undefined);
  }

  /** Asks again, from the code form: a new mail, whose code replaces the first. */
  async requestAgain(): Promise<RequestedEmail> {
    return test.step('ask for another sign-in code and receive it', () =>
      this.explained(() => this.codeMailCausedBy(() => this.codeScreen.resend(), 'a new code')),
    );
  }

  /** Enters a code Cognito must refuse, and sees the page say why. */
  async expectCodeRefused(code: string, message: string | RegExp): Promise<void> {
    await test.step(`a code Cognito must refuse (${code}) is refused, and the page says so`, () =>
      this.explained(async () => {
        const since = new Date();
        await this.codeForm.enterCode(code);
        const call = await this.answerOf('RespondToAuthChallenge', since);
        if (call && !isRefused(call)) {
          throw await this.failure(`Cognito accepted the sign-in code ${code} (RespondToAuthChallenge → ${call.status}), which it should have refused.`, since);
        }
        await this.codeForm.alert.expectError(message);
      }),
    );
  }

  /** Enters the latest code: Cognito must accept it, and the app show the user signed in. */
  async signInWith(code: string, user: Pick<Credentials, 'email'>): Promise<void> {
    await test.step('sign in with the mailed code', () =>
      this.explained(async () => {
        const since = new Date();
        await this.codeForm.enterCode(code);
        const call = await this.answerOf('RespondToAuthChallenge', since);
        if (call && isRefused(call)) {
          const { cause, likely } = this.refusalOfCode(call, code, 'RespondToAuthChallenge');
          throw await this.failure(cause, since, likely);
        }
        await this.signInScreen.expectSignedIn(user.email);
      }),
    );
  }

  /** The code's mail an action causes, read by the pool's sign-in template; InitiateAuth's answer must be the EMAIL_OTP challenge. */
  private codeMailCausedBy(action: () => Promise<void>, instead: string): Promise<RequestedEmail> {
    return this.mailCausedBy('InitiateAuth', action, instead, { read: (since) => this.inbox.waitForSignInCodeEmail({ since }) });
  }

  /** Beyond every answer's checks: a request for a code must be answered with the code's challenge. */
  protected override async factCheck(call: CognitoCall, since: Date, address = this.inbox.address): Promise<void> {
    await super.factCheck(call, since, address);
    const challenge = call.body?.ChallengeName;
    // After a password, SRP's PASSWORD_VERIFIER comes first; the code's challenge answers its proof (checked in signInForCode).
    if (call.operation === 'InitiateAuth' && challenge !== 'EMAIL_OTP' && !(this.factor === 'mfa' && challenge === 'PASSWORD_VERIFIER')) {
      throw await this.failure(
        `Asked for a sign-in code for ${address}, Cognito answered InitiateAuth with ${challenge ? `the ${challenge} challenge` : 'no challenge'}, not EMAIL_OTP: it mailed no code.`,
        since,
        challenge === 'SELECT_CHALLENGE'
          ? "The pool does not offer EMAIL_OTP to this user: its SignInPolicy.AllowedFirstAuthFactors lacks EMAIL_OTP, the pool's feature plan is Lite, or the user has no email."
          : 'The app did not ask for USER_AUTH with PREFERRED_CHALLENGE EMAIL_OTP: is passwordless sign-in turned on in its Amplify configuration?',
      );
    }
  }
}
