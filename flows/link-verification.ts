import { test } from '@playwright/test';
import { messageTemplate, type PoolMessageSettings } from '../common/cognito-texts.js';
import type { LinkEmail } from '../helpers/mail/types.js';
import type { Credentials } from '../pages/index.js';
import { EmailFlow, type RequestedEmail } from './email-flow.js';

/** The pool a link story signs up on, and what its links must say. */
export interface LinkPool {
  /** Opened relative to the app's URL, so the app uses this pool. */
  appPath: string;
  /** DescribeUserPool's answer: its link template finds the link in the mail. */
  pool: PoolMessageSettings;
  userPoolClientId: string;
  /** The hosted domain's origin the link must point to. */
  linkOrigin?: string;
}

/**
 * Confirmation by link (DefaultEmailOption CONFIRM_WITH_LINK): the sign-up
 * mail carries a link to Cognito's hosted domain instead of a code. The link
 * is checked before it is followed (a wrong host, path, client or user
 * would leave a real user stranded), then followed in the browser, where
 * Cognito's page must say the account is confirmed.
 */
export class LinkVerificationFlow extends EmailFlow {
  /** Signs up through the app on the link pool; the mail must hold one link with the template's words. */
  async signUp(user: Credentials, on: LinkPool): Promise<LinkEmail & Pick<RequestedEmail, 'requestedAt' | 'seenAt'>> {
    const template = messageTemplate('SignUp', on.pool).message;
    return test.step(`sign up as ${user.email} on the pool that confirms by link, and receive the mail with the link`, () =>
      this.explained(async () => {
        await this.screens.signUp.open(on.appPath);
        await this.screens.signUp.fill(user);
        return this.mailCausedBy('SignUp', () => this.screens.signUp.submit(), 'the screen after sign-up', {
          read: (since) => this.inbox.waitForLinkEmail({ since, template }),
        });
      }),
    );
  }

  /** Checks every part of the link: where it goes, and that it names this client, this user, and a code. */
  async checkLink(mail: LinkEmail & Pick<RequestedEmail, 'requestedAt'>, expected: { on: LinkPool; username: string }): Promise<void> {
    await test.step('check the link before following it: host, path, client_id, user_name, confirmation_code', () =>
      this.explained(async () => {
        const url = URL.canParse(mail.link) ? new URL(mail.link) : undefined;
        const param = (name: string) => url?.searchParams.get(name) ?? undefined;
        const wrong = [
          !url && 'it is not a URL',
          url && expected.on.linkOrigin && url.origin !== expected.on.linkOrigin && `it points to ${url.origin}, not the pool's domain ${expected.on.linkOrigin}`,
          url && url.pathname.replace(/\/$/, '') !== '/confirmUser' && `its path is ${url.pathname}, not /confirmUser`,
          param('client_id') !== expected.on.userPoolClientId && `its client_id is ${param('client_id') ?? 'missing'}, not the app's ${expected.on.userPoolClientId}`,
          param('user_name') !== expected.username && `its user_name is ${param('user_name') ?? 'missing'}, not the user's ${expected.username}`,
          !/^\d{6}$/.test(param('confirmation_code') ?? '') && `its confirmation_code is ${param('confirmation_code') ?? 'missing'}, not six digits`,
        ].filter(Boolean);
        if (wrong.length) {
          throw await this.failure(
            `The confirmation link in the mail "${mail.subject}" cannot confirm ${expected.username}: ${wrong.join('; ')}. The link: ${mail.link}`,
            mail.requestedAt,
            "The pool's link is wrong (its EmailMessageByLink template, its domain) or something rewrote the mail (a CustomMessage trigger, " +
              'a link-tracking mail service): a real user following it would not be confirmed.',
          );
        }
      }),
    );
  }

  /** Follows the link in the browser: Cognito's page must say the account is confirmed. */
  async follow(link: string): Promise<void> {
    await test.step("follow the link: Cognito's page says the account is confirmed", () =>
      this.explained(async () => {
        const since = new Date();
        const outcome = await this.screens.confirmationLink.follow(link);
        if (outcome !== 'confirmed') {
          throw await this.failure(
            `Cognito's page did not confirm the account from the mailed link: it says "${outcome}". The link: ${link}`,
            since,
            /Invalid verification code/.test(outcome)
              ? 'The link carries a code Cognito did not issue: something between Cognito and the inbox changed it (a CustomMessage trigger, ' +
                  'a mail service that rewrites links), or a newer mail replaced it.'
              : `Cognito refused the link: ${outcome}`,
          );
        }
      }),
    );
  }

  /** Follows a link Cognito must refuse, and sees its error page say why. */
  async expectRefused(link: string, message: string, why: string): Promise<void> {
    await test.step(`follow ${why}: Cognito's page refuses it ("${message}")`, () =>
      this.explained(async () => {
        const since = new Date();
        const outcome = await this.screens.confirmationLink.follow(link);
        if (outcome === 'confirmed') throw await this.failure(`Cognito's page confirmed the account from ${why}, which it should have refused. The link: ${link}`, since);
        if (!outcome.includes(message)) throw await this.failure(`Cognito's page refused ${why}, but says "${outcome}" rather than "${message}".`, since);
      }),
    );
  }
}
