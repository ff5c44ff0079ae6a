import { OPERATION_NAMES, SIGN_IN_CODE_MAILS_PER_HOUR, operation, type OperationName } from './cognito-operations.js';

/**
 * Cognito's limits on one user's attempts, as AWS documents them: an hourly
 * budget of requests per user for some operations (each operation's
 * `perUserHourly` in the catalogue), of sign-in code mails per address, and
 * the sign-in lockout after failed passwords. Pure: the emulator enforces them
 * (local/cognito/attempt-limits.ts), the unit tests check them, and the story
 * catalogue is weighed against them (tests/unit/stories.spec.ts).
 */

/** "per user per hour": the window every budget is counted in. */
export const ATTEMPT_WINDOW_MS = 3_600_000;

/**
 * The sign-in lockout, from the developer guide's "Authentication" chapter
 * (user pool authentication flows, temporary lockout): after five failed
 * sign-in attempts Cognito locks the user out for 1 second, doubles the
 * lockout with each further failure up to about 15 minutes, ignores attempts
 * during a lockout, and resets after about 15 minutes without attempts (or a
 * success). The answer is NotAuthorizedException "Password attempts exceeded".
 */
export const SIGN_IN_LOCKOUT = { failures: 5, firstMs: 1_000, longestMs: 15 * 60_000, forgottenAfterMs: 15 * 60_000 } as const;

/** The operations with an hourly budget per user, in the catalogue's order. */
export const BUDGETED_OPERATIONS: readonly OperationName[] = OPERATION_NAMES.filter((name) => operation(name)?.perUserHourly !== undefined);

/** What LOCAL_ATTEMPT_LIMITS may change: each budgeted operation, the sign-in code mails, and the failures before the lockout. */
export type AttemptLimitName = OperationName | 'SignInCodeMails' | 'PasswordFailures';

export type AttemptLimitSettings = Partial<Record<AttemptLimitName, number>> | 'off';

/** AWS's numbers (the low end of a range), one per limit. */
export function defaultAttemptLimits(): Partial<Record<AttemptLimitName, number>> {
  const budgets = Object.fromEntries(BUDGETED_OPERATIONS.map((name) => [name, operation(name)?.perUserHourly as number]));
  return { ...budgets, SignInCodeMails: SIGN_IN_CODE_MAILS_PER_HOUR, PasswordFailures: SIGN_IN_LOCKOUT.failures };
}

export class AttemptLimitSettingsError extends Error {
  override name = 'AttemptLimitSettingsError';
}

/**
 * LOCAL_ATTEMPT_LIMITS: unset or `aws` for AWS's numbers; `off`; or some
 * changed on top of AWS's, `ResendConfirmationCode=20,PasswordFailures=10`.
 */
export function parseAttemptLimits(raw: string | undefined): AttemptLimitSettings {
  const text = raw?.trim() ?? '';
  const defaults = defaultAttemptLimits();
  if (text === '' || text === 'aws') return defaults;
  if (text === 'off') return 'off';
  const limits = { ...defaults };
  for (const part of text.split(',')) {
    const [name = '', value = ''] = part.split('=').map((s) => s.trim());
    if (!(name in defaults) || !/^[1-9]\d*$/.test(value)) {
      throw new AttemptLimitSettingsError(
        `LOCAL_ATTEMPT_LIMITS=${JSON.stringify(raw)}: ${JSON.stringify(part)} is not Name=count (a whole number above 0) ` +
          `with one of ${Object.keys(defaults).join(', ')}. Fix it in .env, or unset it for AWS's numbers ("aws"), or "off".`,
      );
    }
    limits[name as AttemptLimitName] = Number(value);
  }
  return limits;
}

/** The limits as LOCAL_ATTEMPT_LIMITS reads them back. */
export const formatAttemptLimits = (limits: AttemptLimitSettings): string =>
  limits === 'off' ? 'off' : Object.entries(limits).map(([name, count]) => `${name}=${count}`).join(',');

/**
 * Requests admitted per key (a user and an operation) in the hour before now:
 * a sliding hour over the requests admitted, on whatever clock the caller
 * passes (the emulator passes the user's own). A refused request is not counted.
 */
export class HourlyBudget {
  private readonly admitted = new Map<string, number[]>();

  /** Admits one more request, or false when `limit` were admitted in the hour before `now`. */
  admit(key: string, limit: number, now: number): boolean {
    const recent = (this.admitted.get(key) ?? []).filter((at) => now - at < ATTEMPT_WINDOW_MS);
    if (recent.length >= limit) {
      this.admitted.set(key, recent);
      return false;
    }
    this.admitted.set(key, [...recent, now]);
    return true;
  }
}

/** How long the lockout after this many failures in a row lasts: none before the fifth, then 1 s doubling, at most 15 minutes. */
export function lockoutMs(failures: number, failuresAllowed: number = SIGN_IN_LOCKOUT.failures): number {
  if (failures < failuresAllowed) return 0;
  return Math.min(SIGN_IN_LOCKOUT.firstMs * 2 ** (failures - failuresAllowed), SIGN_IN_LOCKOUT.longestMs);
}

/** Each user's failed sign-ins in a row, and the lockout they earned. */
export class SignInLockout {
  private readonly users = new Map<string, { failures: number; lastAttempt: number }>();

  constructor(private readonly failuresAllowed: number = SIGN_IN_LOCKOUT.failures) {}

  /** Until when the user is locked out at `now`, or undefined; forgets failures after 15 minutes without attempts. */
  lockedUntil(key: string, now: number): number | undefined {
    const seen = this.users.get(key);
    if (!seen) return undefined;
    if (now - seen.lastAttempt >= SIGN_IN_LOCKOUT.forgottenAfterMs) {
      this.users.delete(key);
      return undefined;
    }
    const until = seen.lastAttempt + lockoutMs(seen.failures, this.failuresAllowed);
    return now < until ? until : undefined;
  }

  /** A wrong password, checked outside a lockout (one during it is refused unchecked, and counts for nothing). */
  failed(key: string, now: number): void {
    this.lockedUntil(key, now);
    this.users.set(key, { failures: (this.users.get(key)?.failures ?? 0) + 1, lastAttempt: now });
  }

  succeeded(key: string): void {
    this.users.delete(key);
  }
}
