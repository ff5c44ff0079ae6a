import { test } from '@playwright/test';
import { withAdvice } from '../helpers/cognito/advice.js';
import type { CognitoUsers } from '../helpers/cognito/users.js';
import { isRefused } from '../helpers/diagnosis/cognito-calls.js';
import type { DisposableInbox } from '../helpers/mail/disposable-inbox.js';
import type { InvitationEmail } from '../helpers/mail/types.js';
import type { Credentials, Screens } from '../pages/index.js';
import { EmailFlow, type FlowOptions } from './email-flow.js';

type WithInvitation = Screens & Required<Pick<Screens, 'signIn' | 'changePassword'>>;

/**
 * An admin's invitation: AdminCreateUser mails a user name and a temporary
 * password; the user signs in with them, must choose a new password
 * (Cognito's NEW_PASSWORD_REQUIRED challenge), and ends signed in. The
 * admin's call is the suite's, from Node; the rest is the browser's.
 */
export class InvitationFlow extends EmailFlow {
  constructor(
    screens: Screens,
    inbox: DisposableInbox,
    options: FlowOptions,
    private readonly admin: CognitoUsers,
  ) {
    super(screens, inbox, options);
  }


  private get ui() {
    return this.screens as WithInvitation;
  }

  /** An admin invites the user by email; the invitation arrives, naming them. */
  async invite(user: Credentials): Promise<InvitationEmail> {
    return test.step(`an admin invites ${user.email} (AdminCreateUser, by email) and the invitation arrives`, () => this.invitation(user, false));
  }

  /** The admin resends the invitation (MessageAction RESEND): a new mail, with a new temporary password. */
  async resend(user: Credentials): Promise<InvitationEmail> {
    return test.step(`the admin resends the invitation to ${user.email} and it arrives`, () => this.invitation(user, true));
  }

  private invitation(user: Credentials, resend: boolean): Promise<InvitationEmail> {
    return this.explained(async () => {
      const since = new Date();
      const operation = `AdminCreateUser${resend ? ' (MessageAction RESEND)' : ''}`;
      await this.suiteCall('AdminCreateUser', () => this.admin.invite(user.email, { resend })).catch(async (error: Error) => {
        throw await this.failure(withAdvice(error.name, `${operation} for ${user.email} failed: ${error.name}: ${error.message}`), since);
      });
      const mail = await this.whenMailMissing(this.inbox.waitForInvitationEmail({ since }), since);
      if (mail.username !== user.email) {
        throw await this.failure(
          `The invitation names the user "${mail.username}", not ${user.email}: with email as the user name, the invitation must name the address the user signs in with.`,
          since,
        );
      }
      return mail;
    });
  }

  /** Signs in with the temporary password, is made to choose a new one, and ends signed in. */
  async accept(user: Credentials, temporaryPassword: string): Promise<void> {
    await test.step(`sign in as ${user.email} with the temporary password, choose a new one, and end signed in`, () =>
      this.explained(async () => {
        await this.ui.signIn.open();
        const since = new Date();
        await this.ui.signIn.signIn({ email: user.email, password: temporaryPassword });
        const call = await this.signInAnswer(since);
        if (call && isRefused(call)) {
          const latest = this.inbox.handedOut.at(-1)?.code === temporaryPassword;
          throw await this.failure(
            `Cognito refused the temporary password of ${user.email} from ${latest ? 'the latest' : 'an earlier'} invitation: ${this.answered(call)}`,
            since,
            latest
              ? 'The invitation carries a temporary password Cognito does not accept: something between Cognito and the inbox changed it ' +
                  '(a CustomMessage trigger, an invitation template that rewrites {####}, a mail path that alters the body), or Cognito did not keep it.'
              : 'It is an earlier invitation\'s temporary password: a resent invitation (MessageAction RESEND) replaced it.',
          );
        }
        if (call && call.body?.ChallengeName !== 'NEW_PASSWORD_REQUIRED') {
          throw await this.failure(
            `Cognito answered the sign-in with a temporary password ${call.body?.ChallengeName ? `with the ${call.body.ChallengeName} challenge` : 'with tokens'}, ` +
              'not the NEW_PASSWORD_REQUIRED challenge: the invited user was not made to choose a password.',
            since,
          );
        }
        await this.ui.changePassword.expectShown();
        const chosen = new Date();
        await this.ui.changePassword.choose(user.password);
        const answer = await this.answerOf('RespondToAuthChallenge', chosen);
        if (answer && isRefused(answer)) throw await this.failure(`Cognito refused the new password of ${user.email}: ${this.answered(answer)}`, chosen);
        await this.ui.signIn.expectSignedIn(user.email);
      }),
    );
  }
}
