import { randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  ListUsersCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
  type UserStatusType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ActionableError } from '../errors.js';
import { ownedAddresses, uniqueAddress } from '../mail/addresses.js';
import { DeletionGuard } from './deletion-guard.js';
import { waitUntil } from '../wait-until.js';

export class UnsafeDeletionError extends ActionableError {}

export interface CognitoUsersOptions {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
  /** Decides, address by address, what may be deleted: only what the suite made. */
  guard: DeletionGuard;
  /** How long a deletion may take to become visible. */
  settleTimeout?: number;
}

const emailOf = (user: UserType) => user.Attributes?.find((a) => a.Name === 'email')?.Value;

// RFC 2606 reserves .invalid: no address there can receive mail, so no one signs up with one.
const PROBE_DOMAIN = 'example.invalid';

/**
 * The admin operations the suite performs on a user pool, and nothing else.
 * This is the project's only AdminDeleteUser: a lint rule forbids it anywhere
 * else, so every deletion passes the guard.
 */
export class CognitoUsers {
  constructor(private readonly options: CognitoUsersOptions) {}

  get userPoolId() {
    return this.options.userPoolId;
  }

  /** Every user in the pool (or the first `limit`), page by page: for the janitor and the doctor, never for a test. */
  async listAllUsers(limit = Infinity): Promise<UserType[]> {
    const users: UserType[] = [];
    let token: string | undefined;
    do {
      const page = await this.options.client.send(
        new ListUsersCommand({ UserPoolId: this.userPoolId, Limit: 60, ...(token ? { PaginationToken: token } : {}) }),
      );
      users.push(...(page.Users ?? []));
      token = page.PaginationToken;
    } while (token && users.length < limit);
    return users;
  }

  /**
   * An admin's invitation (AdminCreateUser, by email): Cognito makes the user
   * with a temporary password and mails it. Only to an address the suite made,
   * as for deletion: an invitation to anyone else would mail a stranger.
   * `resend` mails a new temporary password to a user invited before
   * (MessageAction RESEND), which replaces the old one.
   */
  async invite(email: string, { resend = false }: { resend?: boolean } = {}): Promise<UserType | undefined> {
    const verdict = this.options.guard.verdict(email);
    if (!verdict.deletable) {
      throw new UnsafeDeletionError(`Refusing to invite ${JSON.stringify(email)} into pool ${this.userPoolId}: ${verdict.because}. The suite invites only its own addresses.`);
    }
    const { User } = await this.options.client.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: email,
        DesiredDeliveryMediums: ['EMAIL'],
        ...(resend
          ? { MessageAction: 'RESEND' }
          : // The address is the suite's own inbox: verified, so the user can also reset a password by mail.
            { UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] }),
      }),
    );
    return User;
  }

  /**
   * Whether this identity may call AdminCreateUser on the pool, asked without
   * inviting anybody: a RESEND to an address no user can have (a random one at
   * a domain that cannot exist) creates nobody and mails nobody, and answers
   * UserNotFoundException when the call is allowed.
   */
  async mayInviteUsers(): Promise<{ allowed: boolean; why?: string }> {
    return this.allowedOnNobody((nobody) => this.options.client.send(new AdminCreateUserCommand({ UserPoolId: this.userPoolId, Username: nobody, MessageAction: 'RESEND' })));
  }

  /** An admin call made on a name no user can have (a random one at a domain that cannot exist): allowed when Cognito looked and found nobody. */
  private async allowedOnNobody(call: (nobody: string) => Promise<unknown>): Promise<{ allowed: boolean; why?: string }> {
    try {
      await call(`permission-probe-${randomBytes(8).toString('hex')}@${PROBE_DOMAIN}`);
      return { allowed: true };
    } catch (error) {
      return error instanceof UserNotFoundException ? { allowed: true } : { allowed: false, why: (error as Error).message };
    }
  }

  /**
   * An admin's password reset (AdminResetUserPassword): Cognito makes the
   * user RESET_REQUIRED and mails them a reset code. Only for an address the
   * suite made, as for deletion: a reset would lock a stranger out and mail them.
   */
  async resetPassword(email: string): Promise<void> {
    const verdict = this.options.guard.verdict(email);
    if (!verdict.deletable) {
      throw new UnsafeDeletionError(
        `Refusing to reset the password of ${JSON.stringify(email)} in pool ${this.userPoolId}: ${verdict.because}. The suite resets only its own addresses.`,
      );
    }
    await this.options.client.send(new AdminResetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: email }));
  }

  /**
   * Whether this identity may call AdminResetUserPassword on the pool, asked
   * without resetting anybody: IAM decides before Cognito looks for the user,
   * so a name no user can have answers UserNotFoundException when allowed.
   */
  async mayResetPasswords(): Promise<{ allowed: boolean; why?: string }> {
    return this.allowedOnNobody((nobody) => this.options.client.send(new AdminResetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: nobody })));
  }

  /** Users whose email attribute is exactly this address. */
  async findByEmail(email: string): Promise<UserType[]> {
    if (!/^[^\s"\\]+@[^\s"\\]+$/.test(email)) {
      throw new Error(`Not an email address that can go in a ListUsers filter: ${JSON.stringify(email)}`);
    }
    const { Users = [] } = await this.options.client.send(
      new ListUsersCommand({ UserPoolId: this.userPoolId, Filter: `email = "${email}"` }),
    );
    return Users;
  }

  /**
   * Deletes every user with this address, and returns once ListUsers no longer
   * shows one. Safe to call when there is none, and twice in a row. Refuses,
   * before any call reaches Cognito, an address the guard does not accept.
   *
   * `settle: false` returns right after the deletion, without waiting for
   * ListUsers to agree: only the benchmark's imitation of a script wants that.
   */
  async deleteUserIfExists(email: string, { settle = true }: { settle?: boolean } = {}): Promise<{ deleted: number }> {
    const verdict = this.options.guard.verdict(email);
    if (!verdict.deletable) {
      throw new UnsafeDeletionError(
        `Refusing to delete ${JSON.stringify(email)} from pool ${this.userPoolId}: ${verdict.because}. ` +
          'The suite deletes only users whose exact address it made itself (or, in the janitor, that match TEST_EMAIL_PATTERN).',
      );
    }
    // The filter is Cognito's; the comparison on our side makes sure no near match slips through.
    const users = (await this.findByEmail(email)).filter((user) => emailOf(user) === email);
    // Judged again with each user's status: TEST_EMAIL_PATTERN alone never deletes a CONFIRMED user.
    for (const user of users) {
      const judged = this.options.guard.verdict(email, user.UserStatus);
      if (!judged.deletable) throw new UnsafeDeletionError(`Refusing to delete ${JSON.stringify(email)} from pool ${this.userPoolId}: ${judged.because}.`);
    }
    for (const user of users) await this.adminDeleteUser(user.Username as string);
    if (users.length && settle) {
      await waitUntil(
        () => this.findByEmail(email),
        (left) => left.length === 0,
        {
          timeout: this.options.settleTimeout ?? 10_000,
          what: `user ${email} to disappear from pool ${this.userPoolId} after AdminDeleteUser`,
          describe: (left) => `${left.length} user(s) still listed (${left.map((u) => u.UserStatus).join(', ')})`,
        },
      );
    }
    return { deleted: users.length };
  }

  /**
   * Whether this identity may call AdminDeleteUser on the pool. IAM decides
   * before Cognito looks for the user, so a name nobody has answers
   * UserNotFoundException when the call is allowed, AccessDeniedException
   * when not; Cognito has no dry run, and a call it refuses as malformed may
   * be refused before IAM is asked, which would prove nothing. The name is
   * made fresh for every call, in the suite's own shape on a domain no mailbox
   * has, and passes the same guard as every deletion: nobody can have made a
   * user of that name beforehand, whatever the pool takes as a username
   * (free-form names, a preferred_username alias).
   */
  async mayDeleteUsers(): Promise<{ allowed: boolean; why?: string }> {
    const probe = uniqueAddress('permission probe', PROBE_DOMAIN);
    const verdict = new DeletionGuard(ownedAddresses([probe], 'the name made for this permission probe')).verdict(probe);
    if (!verdict.deletable) throw new UnsafeDeletionError(`Refusing the permission probe ${JSON.stringify(probe)}: ${verdict.because}.`);
    try {
      await this.adminDeleteUser(probe);
      return { allowed: true };
    } catch (error) {
      return { allowed: false, why: (error as Error).message };
    }
  }

  /**
   * The one place AdminDeleteUserCommand is built: reached only through the
   * guard. A user already gone (deleted by someone else between our list and
   * our delete, or never there) is the outcome we want.
   */
  private async adminDeleteUser(username: string): Promise<'deleted' | 'no such user'> {
    try {
      await this.options.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: username }));
      return 'deleted';
    } catch (error) {
      if (error instanceof UserNotFoundException) return 'no such user';
      throw error;
    }
  }

  /** The user's attributes by name (`email`, `email_verified` …), or undefined when no user signs in with this address. Reads only. */
  async getUserAttributes(email: string): Promise<Record<string, string> | undefined> {
    try {
      const { UserAttributes = [] } = await this.options.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email }));
      return Object.fromEntries(UserAttributes.map((a) => [a.Name as string, a.Value ?? '']));
    } catch (error) {
      if (error instanceof UserNotFoundException) return undefined;
      throw error;
    }
  }

  /** The user's status (`UNCONFIRMED`, `CONFIRMED`, …), or undefined when there is no such user. */
  async getUserStatus(email: string): Promise<UserStatusType | undefined> {
    try {
      const user = await this.options.client.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email }),
      );
      return user.UserStatus;
    } catch (error) {
      if (error instanceof UserNotFoundException) return undefined;
      throw error;
    }
  }
}
