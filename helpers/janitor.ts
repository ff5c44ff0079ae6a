import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from './cognito-client.js';
import { CognitoUsers } from './cognito-users.js';
import { createMailBackend } from './inbox/backend.js';
import type { LeftoverInbox } from './inbox/types.js';
import type { Settings } from './settings.js';
import { resolveTarget } from './target.js';
import { isTestAddress } from './test-address.js';

export interface JanitorOptions {
  /** Only what is at least this old: a running test's user and inbox are younger. */
  olderThanMs: number;
  /** Without it, a dry run: list, delete nothing. */
  delete: boolean;
  log: (line: string) => void;
}

export interface JanitorReport {
  users: { email: string; status?: string; created?: Date }[];
  inboxes: LeftoverInbox[];
  /** Users that are not test addresses: never listed by name, never touched. */
  othersLeftAlone: number;
  deleted: { users: number; inboxes: number };
}

const emailOf = (user: UserType) => user.Attributes?.find((a) => a.Name === 'email')?.Value ?? '';

/**
 * Finds test users and inboxes that earlier runs left behind (a killed run, a
 * crashed worker), older than a given age, and deletes them when asked. Users
 * pass the same guard as in the tests: only the inboxes' own addresses, or
 * TEST_EMAIL_PATTERN.
 */
export async function runJanitor(settings: Settings, options: JanitorOptions): Promise<JanitorReport> {
  const { log } = options;
  const target = await resolveTarget(settings);
  const before = new Date(Date.now() - options.olderThanMs);
  const mail = await createMailBackend(target.mail);
  const client = createCognitoClient(target.cognito);
  try {
    log(`Target: ${target.name} (${settings.targetReason}).`);
    log(`Pool ${target.cognito.userPoolId}; inboxes at ${mail.description}.`);
    log(`Looking for test users and inboxes created before ${before.toISOString()} (older than ${Math.round(options.olderThanMs / 1000)} s).`);

    const inboxes = await mail.findLeftoverInboxes(before);
    const cognito = new CognitoUsers({
      client,
      userPoolId: target.cognito.userPoolId,
      isTestAddress: (email) => isTestAddress(email, { domains: mail.domains, pattern: settings.testEmailPattern }),
    });
    const all = await cognito.listAllUsers();
    const tests = all.filter((user) => isTestAddress(emailOf(user), { domains: mail.domains, pattern: settings.testEmailPattern }));
    const users = tests
      .filter((user) => !user.UserCreateDate || user.UserCreateDate < before)
      .map((user) => ({ email: emailOf(user), status: user.UserStatus, created: user.UserCreateDate }));
    const report: JanitorReport = { users, inboxes, othersLeftAlone: all.length - tests.length, deleted: { users: 0, inboxes: 0 } };

    log(`Test users (${users.length}):`);
    for (const user of users) log(`  ${user.email}  ${user.status ?? '?'}  created ${user.created?.toISOString() ?? '?'}`);
    log(`Inboxes (${inboxes.length}):`);
    for (const inbox of inboxes) log(`  ${inbox.address}  created ${inbox.createdAt.toISOString()}`);
    log(`Left alone: ${report.othersLeftAlone} user(s) whose address is not a test address.`);

    if (!options.delete) {
      log(
        users.length || inboxes.length
          ? `Dry run: nothing deleted. Run \`npm run janitor -- --delete\` to delete the ${users.length} user(s) and ${inboxes.length} inbox(es) above.`
          : 'Nothing to clean up.',
      );
      return report;
    }
    for (const [i, user] of users.entries()) {
      await cognito.deleteUserIfExists(user.email);
      report.deleted.users++;
      log(`  deleted user ${i + 1}/${users.length}: ${user.email}`);
    }
    for (const [i, inbox] of inboxes.entries()) {
      await mail.deleteInbox(inbox);
      report.deleted.inboxes++;
      log(`  deleted inbox ${i + 1}/${inboxes.length}: ${inbox.address}`);
    }
    log(`Deleted ${report.deleted.users} user(s) and ${report.deleted.inboxes} inbox(es).`);
    return report;
  } finally {
    client.destroy();
    await mail.close();
  }
}

/** "90s", "30m", "2h", "1d" (or plain seconds) in milliseconds. */
export function parseAge(text: string): number | undefined {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit * 1000;
}
