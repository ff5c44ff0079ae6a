import { test } from '@playwright/test';
import type { CognitoAppClient } from '../helpers/cognito/app-client.js';
import type { CognitoUsers } from '../helpers/cognito/users.js';
import { exceptionOf, isRefused, type CognitoCall } from '../helpers/diagnosis/cognito-calls.js';
import { codeRefusal } from '../helpers/diagnosis/code-refusal.js';
import { signUpAndConfirm } from './confirmed-user.js';
import { deliveredTo } from '../helpers/diagnosis/delivery.js';
import { ActionableError } from '../helpers/errors.js';
import type { DisposableInbox } from '../helpers/mail/disposable-inbox.js';
import { EmailTimeoutError, type ReceivedEmail } from '../helpers/mail/types.js';
import type { Credentials, Screens } from '../pages/index.js';
import { EmailFlow, type FlowOptions, type RequestedEmail } from './email-flow.js';
import type { SessionFlow } from './session.js';

type WithAccount = Screens & Required<Pick<Screens, 'signIn' | 'account'>>;

/** The pool a user's account lives in, as this flow needs it: where the app reaches it, its admin side, its cleanup. */
export interface AccountPool {
  /** Where the app is opened for this pool, relative to its URL: '' for the main pool, `?pool=…` for another. */
  appPath: string;
  userPoolClientId: string;
  users: CognitoUsers;
  /** Deletes this address's user from the pool after the test, pass or fail: a changed address is the user's new name. */
  deleteAfter(email: string): void;
}

export interface EmailChangeParts {
  pool: AccountPool;
  /** The app client's own calls for a pool, from Node: a confirmed user there without the browser. */
  appClientFor(pool: AccountPool): CognitoAppClient;
  /** Signing in from another browser (its own storage, no session): the sign-ins a pending change allows, while this one waits for the code. */
  anotherBrowser(): Promise<SessionFlow>;
}

/** Mails, one phrase each, for messages. */
const listed = (mails: ReceivedEmail[]) => mails.map((m) => `"${m.subject}" at ${m.receivedAt.toISOString()} to ${m.to.join(', ')}`).join('; ');

/**
 * A signed-in user changes their email address on the app's account page:
 * Cognito mails a code to the NEW address (UpdateUserAttributes), and none to
 * the old; entering it verifies the new address (VerifyUserAttribute). The
 * answers are checked as in every email flow: UpdateUserAttributes must name
 * the new address, VerifyUserAttribute must accept the mailed code.
 */
export class EmailChangeFlow extends EmailFlow {
  /** The inbox of the address asked for, and when, once a change was asked for. */
  private pending?: { inbox: DisposableInbox; since: Date };

  constructor(
    screens: Screens,
    inbox: DisposableInbox,
    options: FlowOptions,
    private readonly parts: EmailChangeParts,
  ) {
    super(screens, inbox, options);
  }


  /** The same flow for a user of another pool (one that keeps the original address, say). */
  in(pool: AccountPool): EmailChangeFlow {
    return new EmailChangeFlow(this.screens, this.inbox, this.options, { ...this.parts, pool });
  }

  get pool(): AccountPool {
    return this.parts.pool;
  }

  private get account() {
    return (this.screens as WithAccount).account;
  }

  /**
   * A user of this flow's pool who has signed up and confirmed, made through
   * that pool's app client (SignUp, the mailed code, ConfirmSignUp), as the
   * `confirmedUser` fixture makes one in the main pool.
   */
  async confirmedUser(user: Credentials): Promise<Credentials> {
    return test.step(`make ${user.email} a confirmed user of pool ${this.pool.users.userPoolId}`, () =>
      this.explained(async () => {
        const since = new Date();
        const failed = await signUpAndConfirm(
          {
            app: this.parts.appClientFor(this.pool),
            inbox: this.inbox,
            calls: this.options.calls,
            userStatus: (email) => this.pool.users.getUserStatus(email),
            ...(this.options.explainer ? { explainer: this.options.explainer } : {}),
          },
          user,
        );
        if (failed) throw await this.failure(`Could not make the confirmed user this story starts from (${user.email}). ${failed.cause}`, since, failed.likely);
        return user;
      }),
    );
  }

  /**
   * On the account page of a signed-in user, asks to change the email to the
   * new inbox's address: the code must reach that inbox (and Cognito's answer
   * name it), and no mail the old address.
   */
  async changeEmail(user: Credentials, newInbox: DisposableInbox): Promise<RequestedEmail> {
    return test.step(`change the email of ${user.email} to ${newInbox.address}: the code reaches the new address, and nothing the old`, () =>
      this.explained(async () => {
        // The user's name becomes the new address: whatever happens next, that user is deleted afterwards too.
        this.pool.deleteAfter(newInbox.address);
        // The evidence finds the user by either address: the new one once it has taken, the old one until then.
        const users = this.pool.users;
        this.options.explainer?.userIn(async () => (await users.getUserStatus(newInbox.address)) ?? users.getUserStatus(this.inbox.address));
        await this.account.expectShown();
        const since = new Date();
        this.pending = { inbox: newInbox, since };
        const email = await this.mailCausedBy('UpdateUserAttributes', () => this.account.requestEmailChange(newInbox.address), 'the form for the code', {
          inbox: newInbox,
        }).catch(async (error: unknown) => {
          if (!(error instanceof EmailTimeoutError)) throw error;
          throw await this.missingCode(newInbox, since, error);
        });
        await this.account.expectCodeForm();
        await this.expectNothingForOldAddress(newInbox, since);
        return email;
      }),
    );
  }

  /** As every answer is checked; an UpdateUserAttributes that names another address than the new one says whose. */
  protected override async factCheck(call: CognitoCall, since: Date, address = this.inbox.address): Promise<void> {
    const delivery = call.body?.CodeDeliveryDetails;
    if (call.operation !== 'UpdateUserAttributes' || isRefused(call) || !delivery || deliveredTo(delivery, address)) return super.factCheck(call, since, address);
    const old = deliveredTo(delivery, this.inbox.address);
    throw await this.failure(
      `Cognito answered UpdateUserAttributes that it sent the code to ${delivery.Destination} by ${delivery.DeliveryMedium}, ` +
        `but the address being verified is ${address}${old ? `: that is the OLD address ${this.inbox.address}` : ''}.`,
      since,
      old
        ? 'Cognito mails the code for a new address to the address the user had: whoever holds the old mailbox could verify an address they do not own, and the new address is never proven.'
        : 'Cognito mailed the code to an address that is neither the old nor the new one: the change went to the wrong attribute, or the answer is wrong.',
    );
  }

  /** The code never reached the new address: say where it went, if the old address got it, and what Cognito answered. */
  private async missingCode(newInbox: DisposableInbox, since: Date, error: EmailTimeoutError): Promise<Error> {
    const old = await this.unexpected(since);
    const call = this.options.calls?.since(since).find((c) => c.operation === 'UpdateUserAttributes');
    const said = call?.body?.CodeDeliveryDetails;
    return this.failure(
      `No code to verify the new address reached ${newInbox.address} after UpdateUserAttributes` +
        `${said ? ` (Cognito answered that it sent it to ${said.Destination} by ${said.DeliveryMedium})` : call ? ` (Cognito's answer named no destination: ${call.status})` : ''}` +
        `${old.length ? `; the OLD address ${this.inbox.address} received ${listed(old)} instead` : ''}.\n${error.message.split('\n')[0]}`,
      since,
      old.length
        ? 'Cognito mailed the code to the address the user had, not the one they asked for: whoever holds the old mailbox can verify an address they do not own.'
        : said
          ? 'Cognito says it mailed the new address, but nothing arrived there: the mail path lost it (templates, sender, the inbox service).'
          : 'Cognito sent no code: the pool does not verify email (AutoVerifiedAttributes), or the app changed the address without asking for verification.',
    );
  }

  /** Mails in the old inbox the test never waited for, since an instant: a changed address's code must not go there. */
  private async unexpected(since: Date): Promise<ReceivedEmail[]> {
    const handedOut = new Set(this.inbox.handedOut.map((m) => m.id));
    const all = await this.inbox.emails().catch(() => []);
    return all.filter((m) => !handedOut.has(m.id) && m.receivedAt.getTime() >= since.getTime() - 1_000);
  }

  private async expectNothingForOldAddress(newInbox: DisposableInbox, since: Date): Promise<void> {
    await test.step(`no mail reached the old address ${this.inbox.address}`, () => this.oldAddressUntouched(newInbox, since));
  }

  private async oldAddressUntouched(newInbox: DisposableInbox, since: Date): Promise<void> {
    const old = await this.unexpected(since);
    if (!old.length) return;
    throw await this.failure(
      `Changing the email to ${newInbox.address} also mailed the OLD address ${this.inbox.address}: ${listed(old)}.`,
      since,
      'Cognito sent the verification code to the address the user had as well as the new one: the code must go only to the address being verified.',
    );
  }

  /**
   * Before the new address is verified, on a pool that keeps the original
   * (AttributesRequireVerificationBeforeUpdate): Cognito still holds the old
   * address as the user's email, verified.
   */
  async expectOriginalKept(user: Credentials): Promise<void> {
    if (!this.pending) throw new ActionableError('expectOriginalKept(user) comes after changeEmail(user, newInbox): no change of address was asked for.');
    const { inbox: newInbox } = this.pending;

    await test.step(`before verification, Cognito still holds ${user.email} as the user's email, verified`, () =>
      this.explained(async () => {
        const since = new Date();
        const held = await this.pool.users.getUserAttributes(user.email);
        if (held?.email === user.email && held.email_verified === 'true') return;
        const moved = held ? undefined : await this.pool.users.getUserAttributes(newInbox.address);
        throw await this.failure(
          moved
            ? `Before the code was entered, Cognito already holds ${moved.email} as the user's email (email_verified ${moved.email_verified}), not ${user.email}.`
            : `Before the code was entered, Cognito holds ${held ? `${held.email} (email_verified ${held.email_verified})` : 'no user of either address'}, not ${user.email}, verified.`,
          since,
          `The pool does not keep the original address until the new one is verified (UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate: ['email']): ` +
            'a mistyped new address would become the one the user must sign in with.',
        );
      }),
    );
  }

  /**
   * In another browser, before the new address is verified, on a pool that
   * keeps the original: the new address is refused, the old one signs in.
   */
  async expectOnlyOldAddressSignsIn(user: Credentials): Promise<void> {
    if (!this.pending) throw new ActionableError('expectOnlyOldAddressSignsIn(user) comes after changeEmail(user, newInbox): no change of address was asked for.');
    const moved = { email: this.pending.inbox.address, password: user.password };
    const at = this.pool.appPath;
    const elsewhere = await this.anotherBrowser();

    await test.step(`in another browser, before verification: ${moved.email} is refused, ${user.email} signs in`, async () => {
      await elsewhere.expectSignInRefused(moved, 'Incorrect username or password.', {
        at,
        likely:
          'The new address signs in before it was verified: the pool does not keep the original until then ' +
          '(UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate).',
      });
      await elsewhere.signIn(user, {
        at,
        likely:
          'The original address no longer signs in although the new one is not verified yet: the pool switched at once ' +
          'instead of keeping the original until verification (AttributesRequireVerificationBeforeUpdate).',
      });
    });
  }

  /** Enters the mailed code on the account page: Cognito must accept it (VerifyUserAttribute), and the page show the new address. */
  async verify(code: string): Promise<void> {
    if (!this.pending) throw new ActionableError('verify(code) comes after changeEmail(user, newInbox): no change of address was asked for.');
    const { inbox: newInbox, since: changed } = this.pending;

    await test.step(`verify ${newInbox.address} with the mailed code`, () =>
      this.explained(async () => {
        const since = new Date();
        await this.account.verify(code);
        const call = await this.answerOf('VerifyUserAttribute', since);
        if (call && isRefused(call)) {
          const { cause, likely } = codeRefusal({ operation: 'VerifyUserAttribute', exception: exceptionOf(call), message: call.body?.message }, code, newInbox.handedOut);
          throw await this.failure(cause, since, likely);
        }
        if (call) await this.checkAnswer(call, since, newInbox.address);
        await this.account.expectChanged(newInbox.address);
        // A mail to the old address may come late: a last look, now that the change is done.
        await this.expectNothingForOldAddress(newInbox, changed);
      }),
    );
  }

  /** Signs out from the account page; the app must offer to sign in again. */
  async signOut(): Promise<void> {
    await this.account.signOut();
  }

  /** Another browser, without this one's session: sign-ins there do not touch the pending change here. */
  anotherBrowser(): Promise<SessionFlow> {
    return this.parts.anotherBrowser();
  }
}
