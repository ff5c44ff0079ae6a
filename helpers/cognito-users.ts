import {
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  ListUsersCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
  type UserStatusType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ActionableError } from './errors.js';
import { waitUntil } from './wait-until.js';

export class UnsafeDeletionError extends ActionableError {}

export interface CognitoUsersOptions {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
  /** Only addresses this accepts are ever deleted: the test inboxes' own. */
  isTestAddress: (email: string) => boolean;
  /** How long a deletion may take to become visible. */
  settleTimeout?: number;
}

/** The admin operations the suite performs on a user pool, and nothing else. */
export class CognitoUsers {
  constructor(private readonly options: CognitoUsersOptions) {}

  get userPoolId() {
    return this.options.userPoolId;
  }

  /** Every user in the pool, page by page: for the janitor, never for a test. */
  async listAllUsers(): Promise<UserType[]> {
    const users: UserType[] = [];
    let token: string | undefined;
    do {
      const page = await this.options.client.send(
        new ListUsersCommand({ UserPoolId: this.userPoolId, Limit: 60, ...(token ? { PaginationToken: token } : {}) }),
      );
      users.push(...(page.Users ?? []));
      token = page.PaginationToken;
    } while (token);
    return users;
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
   * shows one. Safe to call when there is none, and twice in a row.
   */
  async deleteUserIfExists(email: string): Promise<{ deleted: number }> {
    if (!this.options.isTestAddress(email)) {
      throw new UnsafeDeletionError(
        `Refusing to delete ${JSON.stringify(email)} from pool ${this.userPoolId}: it is not a test inbox address. ` +
          'The suite only deletes users whose address belongs to its own disposable inboxes.',
      );
    }
    const users = await this.findByEmail(email);
    for (const user of users) {
      try {
        await this.options.client.send(
          new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: user.Username }),
        );
      } catch (error) {
        // Someone else deleted it between our list and our delete: the outcome we want.
        if (!(error instanceof UserNotFoundException)) throw error;
      }
    }
    if (users.length) {
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
