import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from '../../helpers/cognito/client.js';
import { CognitoUsers } from '../../helpers/cognito/users.js';
import { ActionableError } from '../../helpers/errors.js';
import { createMailBackend } from '../../config/mail-backend.js';
import type { InboxRecord } from '../../helpers/mail/types.js';
import { runTagOf } from '../../config/run-id.js';
import type { Settings } from '../../config/settings.js';
import { resolveTarget } from '../../config/target.js';
import { DeletionGuard, vetTestEmailPattern } from '../../helpers/cognito/deletion-guard.js';
import { ownedAddresses } from '../../helpers/mail/addresses.js';

export interface JanitorOptions {
  /** Only what is at least this old: a running test's user and inbox are younger. */
  olderThanMs: number;
  /** Without it, a dry run: list, delete nothing. */
  delete: boolean;
  /** Only the leftovers of this run (its inboxes by their run tag, and their users), whatever their age: CI's cleanup step. */
  runId?: string;
  /** Use TEST_EMAIL_PATTERN even when its dry run matches what looks like real users; a CONFIRMED user it alone vouches for is still never deleted. */
  iKnow?: boolean;
  log: (line: string) => void;
}

export interface JanitorReport {
  users: { email: string; status?: string; created?: Date }[];
  inboxes: InboxRecord[];
  /** Users the guard does not accept: never listed by name, never touched. */
  othersLeftAlone: number;
  /** CONFIRMED users that only TEST_EMAIL_PATTERN vouches for: listed, never deleted. */
  confirmedLeftAlone: { email: string; status?: string; created?: Date }[];
  deleted: { users: number; inboxes: number };
}

const emailOf = (user: UserType) => user.Attributes?.find((a) => a.Name === 'email')?.Value ?? '';
const describeUser = (user: UserType) => ({ email: emailOf(user), status: user.UserStatus, created: user.UserCreateDate });

/**
 * Finds test users and inboxes that earlier runs left behind (a killed run, a
 * crashed worker), older than a given age, and deletes them when asked. A user
 * is a test user only when its exact address is one of the suite's own inbox
 * records (existing inboxes, and the service's records of expired ones), or
 * matches TEST_EMAIL_PATTERN after that pattern's dry run against the pool.
 */
export async function runJanitor(settings: Settings, options: JanitorOptions): Promise<JanitorReport> {
  const { log } = options;
  const target = await resolveTarget(settings);
  if (options.runId && target.mail.kind !== 'mailslurp') {
    throw new ActionableError(
      '--run applies to MailSlurp inboxes, which carry their run\'s tag; the embedded stack\'s addresses carry none. ' +
        'Use --older-than instead (the embedded stack lives and dies with its run anyway).',
    );
  }
  const before = options.runId ? new Date() : new Date(Date.now() - options.olderThanMs);
  const mail = await createMailBackend(target.mail);
  const client = createCognitoClient(target.cognito);
  try {
    log(`Target: ${target.name} (${settings.targetReason}).`);
    log(`Pool ${target.cognito.userPoolId}; inboxes at ${mail.description}.`);
    log(
      options.runId
        ? `Looking for what run ${options.runId} left behind, whatever its age.`
        : `Looking for test users and inboxes created before ${before.toISOString()} (older than ${Math.round(options.olderThanMs / 1000)} s).`,
    );

    const records = await mail.findInboxRecords(options.runId ? { runTag: runTagOf(options.runId) } : {});
    const owned = ownedAddresses(
      records.map((record) => record.address),
      options.runId ? `the inboxes of run ${options.runId}` : `the suite's inbox records at ${mail.description}`,
    );
    const lister = new CognitoUsers({ client, userPoolId: target.cognito.userPoolId, guard: new DeletionGuard(owned) });
    const all = await lister.listAllUsers();

    let pattern: RegExp | undefined;
    if (settings.testEmailPattern && !options.runId) {
      const vetting = vetTestEmailPattern(settings.testEmailPattern, all.map(describeUser));
      log(`TEST_EMAIL_PATTERN matches ${vetting.matched.length} user(s)${vetting.matched.length ? `, e.g. ${vetting.matched.slice(0, 5).map((u) => u.email).join(', ')}` : ''}.`);
      if (vetting.refusals.length && !options.iKnow) {
        throw new ActionableError(
          `TEST_EMAIL_PATTERN is refused: ${vetting.refusals.join('; ')}. Narrow the pattern, or, if every matched user really is a test user, ` +
            'run the janitor again with --i-know.',
        );
      }
      if (vetting.refusals.length) {
        log(`--i-know: using TEST_EMAIL_PATTERN although ${vetting.refusals.join('; ')}; its CONFIRMED matches are still left alone.`);
      }
      pattern = settings.testEmailPattern;
    }
    const guard = new DeletionGuard(owned, pattern);
    const cognito = new CognitoUsers({ client, userPoolId: target.cognito.userPoolId, guard });
    const tests = all.filter((user) => guard.verdict(emailOf(user), user.UserStatus).deletable);
    const confirmed = all.filter((user) => guard.verdict(emailOf(user)).deletable && !guard.verdict(emailOf(user), user.UserStatus).deletable);
    const users = tests.filter((user) => !user.UserCreateDate || user.UserCreateDate < before).map(describeUser);
    const inboxes = records.filter((record) => !record.expired && record.createdAt < before);
    const report: JanitorReport = {
      users,
      inboxes,
      othersLeftAlone: all.length - tests.length - confirmed.length,
      confirmedLeftAlone: confirmed.map(describeUser),
      deleted: { users: 0, inboxes: 0 },
    };

    log(`Test users (${users.length}):`);
    for (const user of users) log(`  ${user.email}  ${user.status ?? '?'}  created ${user.created?.toISOString() ?? '?'}`);
    log(`Inboxes (${inboxes.length}):`);
    for (const inbox of inboxes) log(`  ${inbox.address}  created ${inbox.createdAt.toISOString()}`);
    if (confirmed.length) {
      log(
        `Left alone: ${confirmed.length} CONFIRMED user(s) that only TEST_EMAIL_PATTERN vouches for (no inbox record of the suite names them); ` +
          'the pattern never deletes a confirmed user, with or without --i-know. Delete them by hand if they are test users:',
      );
      for (const user of report.confirmedLeftAlone) log(`  ${user.email}  ${user.status ?? '?'}  created ${user.created?.toISOString() ?? '?'}`);
    }
    log(`Left alone: ${report.othersLeftAlone} user(s) whose address is not one the suite made.`);

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
