import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ATTEMPT_WINDOW_MS } from '../../common/attempt-limits.js';
import { COGNITO_ERRORS, SIGN_IN_CODE_MAILS_PER_HOUR, operation } from '../../common/cognito-operations.js';
import { ActionableError } from '../errors.js';
import { privateFolderProblem, suiteFolder } from '../private-folder.js';

const { attemptLimit } = COGNITO_ERRORS;

/** Whether Cognito's answer is the per-user attempt limit (not the daily mail limit, which shares its exception). */
export const isAttemptLimit = (exception: string | undefined, message: string | undefined): boolean =>
  exception === attemptLimit.name && /attempt limit exceeded/i.test(message ?? '');

/** What AWS documents of an operation's limit, in words: per user per hour, and the number. */
export function documentedLimit(name: string): string {
  const perHour = operation(name)?.perUserHourly;
  if (perHour !== undefined) return `AWS allows one user ${perHour} ${name} requests an hour, wrong or right (the security table of "Quotas in Amazon Cognito"; for a range, its low end)`;
  if (name === 'InitiateAuth' || name === 'RespondToAuthChallenge') {
    return `AWS allows ${SIGN_IN_CODE_MAILS_PER_HOUR} to 20 sign-in code mails an hour to one address from one requester IP ("Quotas in Amazon Cognito", email MFA)`;
  }
  return 'AWS counts some requests per user per hour ("Quotas in Amazon Cognito", its security table)';
}

/** The failure's words when Cognito refused one of the suite's addresses for the attempt limit: what, whose, what AWS says, what to do. */
export function attemptLimitCause(name: string, address: string): string {
  return (
    `Cognito refused ${name} for ${address} with ${attemptLimit.name} "${attemptLimit.message}": ${documentedLimit(name)}, ` +
    'counted per user over the past hour, so the address lifts on its own an hour after its first request. ' +
    'Give each run a new address, as the fixtures do (newUser, confirmedUser: never a fixed TEST_EMAIL); wait an hour before using this address again; ' +
    "and don't re-run one address in a loop (a retry loop, --repeat-each on a fixed address)."
  );
}

/** One refusal for the attempt limit that a run against AWS met. */
export interface LimitRefusal {
  /** When, as an ISO date. */
  at: string;
  operation: string;
  address: string;
  /** The pool it happened on, so the doctor names only its own pool's. */
  userPoolId: string;
}

export class UnsafeLimitHistoryError extends ActionableError {}

/**
 * The refusals for Cognito's attempt limit that runs against AWS met, one
 * JSON line each, in the suite's private folder: AWS keeps no history of them
 * that the suite can read without CloudTrail, and the doctor warns from this
 * one when a pool's addresses were refused within the hour.
 */
export class LimitHistory {
  constructor(readonly file: string) {}

  static forUser(under = tmpdir()): LimitHistory {
    return new LimitHistory(path.join(suiteFolder(under), 'limit-refusals.jsonl'));
  }

  record(refusal: Omit<LimitRefusal, 'at'>, at = new Date()): void {
    this.checkFolder();
    appendFileSync(this.file, `${JSON.stringify({ at: at.toISOString(), ...refusal })}\n`, { mode: 0o600 });
  }

  /** The refusals on this pool within the hour before `now`, oldest first; a line that is not one is passed over. */
  recent(userPoolId: string, now = Date.now()): LimitRefusal[] {
    if (!existsSync(this.file)) return [];
    this.checkFolder();
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .flatMap((line) => {
        try {
          const r = JSON.parse(line) as Partial<LimitRefusal>;
          return typeof r.at === 'string' && typeof r.operation === 'string' && typeof r.address === 'string' && r.userPoolId === userPoolId ? [r as LimitRefusal] : [];
        } catch {
          return [];
        }
      })
      .filter((r) => now - Date.parse(r.at) < ATTEMPT_WINDOW_MS);
  }

  private checkFolder(): void {
    const problem = privateFolderProblem(path.dirname(this.file));
    if (problem) {
      throw new UnsafeLimitHistoryError(
        `The folder of the history of Cognito's limit refusals, ${path.dirname(this.file)}, ${problem}: another user of this machine could change what the doctor warns of. ` +
          'Remove it (the suite makes it again, private), or set TMPDIR to a folder of your own.',
      );
    }
  }
}
