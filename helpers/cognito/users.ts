import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  ListUsersCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
  type UserStatusType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ActionableError } from '../errors.js';
import type { DeletionGuard } from './deletion-guard.js';
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

/**
 * A username no user can have: not an email address (the pool's usernames)
 * and not a UUID (Cognito's own). AdminDeleteUser on it answers
 * UserNotFoundException when the call is allowed, AccessDeniedException when not.
 */
const PERMISSION_PROBE = 'cse2e-permission-probe-not-a-user';

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
   * Whether this identity may call AdminDeleteUser on the pool, asked without
   * deleting anybody: the call names a user that cannot exist.
   */
  async mayDeleteUsers(): Promise<{ allowed: boolean; why?: string }> {
    try {
      await this.adminDeleteUser(PERMISSION_PROBE);
      return { allowed: true };
    } catch (error) {
      return error instanceof UserNotFoundException ? { allowed: true } : { allowed: false, why: (error as Error).message };
    }
  }

  /** The one place AdminDeleteUserCommand is built: reached only through the guard above, or with the probe name. */
  private async adminDeleteUser(username: string): Promise<void> {
    try {
      await this.options.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    } catch (error) {
      // Someone else deleted it between our list and our delete: the outcome we want.
      if (!(error instanceof UserNotFoundException) || username === PERMISSION_PROBE) throw error;
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
