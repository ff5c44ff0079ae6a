import { test } from '@playwright/test';
import { withAdvice } from '../helpers/cognito/advice.js';
import type { CognitoUsers } from '../helpers/cognito/users.js';
import { exceptionOf, isRefused } from '../helpers/diagnosis/cognito-calls.js';
import type { Credentials, Screens } from '../pages/index.js';
import { EmailFlow, type RequestedEmail } from './email-flow.js';

type WithReset = Screens & Required<Pick<Screens, 'signIn' | 'resetPassword'>>;

/**
 * Resetting a password: one the user forgot, from the sign-in screen (ask for
 * a code, receive it by mail, set a new password with it), or one an admin
 * reset (AdminResetUserPassword mails a code, and the user's next sign-in
 * leads to the same form). Cognito's answers are checked as in every email
 * flow: ForgotPassword must mail this inbox, ConfirmForgotPassword must accept
 * the latest code and refuse others. Signing in afterwards is the session flow's.
 */
export class PasswordResetFlow extends EmailFlow {

  private get reset() {
    return (this.screens as WithReset).resetPassword;
  }

  private get signInScreen() {
    return (this.screens as WithReset).signIn;
  }

  /** From the sign-in screen, "Forgot your password?": the mail with the reset code, once the code form shows. */
  async requestCode(user: Credentials): Promise<RequestedEmail> {
    return test.step(`ask for a password reset for ${user.email} and receive the code`, () =>
      this.explained(async () => {
        await this.signInScreen.open();
        await this.signInScreen.forgotPassword();
        await this.reset.fillEmail(user.email);
        const email = await this.mailCausedBy('ForgotPassword', () => this.reset.sendCode(), 'the form for the code');
        await this.reset.expectCodeForm();
        return email;
      }),
    );
  }

  /** An admin resets the user's password (AdminResetUserPassword): the mail with a reset code arrives. The call is the suite's, from Node. */
  async resetByAdmin(user: Credentials, admin: CognitoUsers): Promise<RequestedEmail> {
    return test.step(`an admin resets the password of ${user.email} (AdminResetUserPassword) and the mail with the code arrives`, () =>
      this.explained(() =>
        this.mailCausedBy(
          'AdminResetUserPassword',
          async () => {
            const since = new Date();
            await this.suiteCall('AdminResetUserPassword', () => admin.resetPassword(user.email)).catch(async (error: Error) => {
              throw await this.failure(withAdvice(error.name, `AdminResetUserPassword for ${user.email} failed: ${error.name}: ${error.message}`), since);
            });
          },
          'the reset mail',
        ),
      ),
    );
  }

  /**
   * Signs in after an admin's reset: Cognito must refuse with
   * PasswordResetRequiredException (Amplify's RESET_PASSWORD step), and the app
   * show the form for the code. Both UIs ask Cognito for a fresh code then
   * (ForgotPassword), as Amplify's Authenticator does: its mail is returned.
   */
  async signInToReset(user: Credentials): Promise<RequestedEmail> {
    return test.step(`sign in as ${user.email}, be sent to the password reset form, and receive a new code`, () =>
      this.explained(async () => {
        await this.signInScreen.open();
        const email = await this.mailCausedBy(
          'ForgotPassword',
          async () => {
            const since = new Date();
            await this.signInScreen.signIn(user);
            // Checked before the wait for the mail: a sign-in Cognito accepted would otherwise read as a mail that never came.
            const call = await this.signInAnswer(since);
            if (call && exceptionOf(call) !== 'PasswordResetRequiredException') {
              throw await this.failure(
                `Cognito should have refused the sign-in of ${user.email}, whose password an admin reset, with PasswordResetRequiredException: ` +
                  (isRefused(call) ? this.answered(call) : `${call.operation} signed them in.`),
                since,
              );
            }
          },
          'the form for the code',
        );
        await this.reset.expectCodeForm();
        return email;
      }),
    );
  }

  /** Asks again, from the code form: a new mail, whose code replaces the first. */
  async requestAgain(): Promise<RequestedEmail> {
    return test.step('ask for another reset code and receive it', () =>
      this.explained(() => this.mailCausedBy('ForgotPassword', () => this.reset.resend(), 'a new code')),
    );
  }

  /** Sets a new password with a code Cognito must refuse, and sees the page say why. */
  async expectCodeRefused(code: string, newPassword: string, message: string | RegExp): Promise<void> {
    await this.explained(async () => {
      const since = new Date();
      await this.reset.setNewPassword(code, newPassword);
      const call = await this.answerOf('ConfirmForgotPassword', since);
      if (call && !isRefused(call)) {
        throw await this.failure(`Cognito accepted the code ${code} (ConfirmForgotPassword → ${call.status}), which it should have refused.`, since);
      }
      await this.reset.alert.expectError(message);
    });
  }

  /** Sets the new password with the latest code: Cognito must accept it, and the app return to sign-in. */
  async setNewPassword(code: string, newPassword: string): Promise<void> {
    await test.step('set the new password with the mailed code', () =>
      this.explained(async () => {
        const since = new Date();
        await this.reset.setNewPassword(code, newPassword);
        const call = await this.answerOf('ConfirmForgotPassword', since);
        if (call && isRefused(call)) {
          const { cause, likely } = this.refusalOfCode(call, code, 'ConfirmForgotPassword');
          throw await this.failure(cause, since, likely);
        }
        if (call) await this.checkAnswer(call, since);
      }),
    );
  }
}
