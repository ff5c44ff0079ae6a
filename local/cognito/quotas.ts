import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { UserPool } from 'cognito-local/lib/services/userPoolService.js';
import { TokenBucket, quotaDayStart, type QuotaCategory, type QuotaSettings } from '../../common/cognito-quotas.js';
import { COGNITO_ERRORS, categoryOf } from '../../common/cognito-operations.js';

const { rateExceeded, dailyEmailLimit } = COGNITO_ERRORS;

/** What the emulator's quotas are, and what they did: GET QUOTAS_PATH, for the doctor and the scale test. */
export interface QuotaReport extends QuotaSettings {
  /** Calls refused with TooManyRequestsException since the emulator started, by operation. */
  throttled: Record<string, number>;
  /** Calls received since the emulator started, by category, and the most in any one wall-clock second: what a run asks of AWS's rates. */
  calls: Partial<Record<QuotaCategory, { total: number; peakPerSecond: number }>>;
  /** Mails sent through Cognito's own sender (COGNITO_DEFAULT) since the quota day began at 09:00 UTC. */
  emailsToday: number;
}

/**
 * Cognito's quotas in the emulator, for the whole emulator as AWS's are for
 * the whole account and region: a rate per category of operation
 * (TooManyRequestsException "Rate exceeded", HTTP 400), and the daily count of
 * mails sent through Cognito's own sender (LimitExceededException). The counts
 * live in memory: a restarted emulator starts them afresh.
 */
export class Quotas {
  private readonly buckets = new Map<QuotaCategory, TokenBucket>();
  private readonly throttled: Record<string, number> = {};
  private readonly calls = new Map<QuotaCategory, { total: number; second: number; inSecond: number; peakPerSecond: number }>();
  private mailed = { day: 0, count: 0 };

  constructor(
    private readonly settings: QuotaSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** The route, refused before it runs when its category is over its rate. */
  limiting(operation: string, route: Route): Route {
    const category = categoryOf(operation);
    if (!category) return route;
    const rps = this.settings.rateLimits === 'off' ? undefined : this.settings.rateLimits[category];
    return (ctx, req) => {
      this.count(category);
      if (rps === undefined) return route(ctx, req);
      let bucket = this.buckets.get(category);
      if (!bucket) this.buckets.set(category, (bucket = new TokenBucket(rps, this.now)));
      if (!bucket.take()) {
        this.throttled[operation] = (this.throttled[operation] ?? 0) + 1;
        return Promise.reject(new CognitoError(rateExceeded.name, rateExceeded.message));
      }
      return route(ctx, req);
    };
  }

  /**
   * Counts a mail about to be sent through Cognito's own sender (whether or not
   * a limit is on), and refuses it, failing the call that would send it, when
   * the day's limit is spent. A pool on SES (DEVELOPER) is SES's to limit, not Cognito's.
   */
  admitMail(pool: Pick<UserPool, 'EmailConfiguration'>): void {
    if (pool.EmailConfiguration?.EmailSendingAccount === 'DEVELOPER') return;
    const day = quotaDayStart(this.now());
    if (this.mailed.day !== day) this.mailed = { day, count: 0 };
    if (this.settings.emailDailyLimit !== 'off' && this.mailed.count >= this.settings.emailDailyLimit) throw new CognitoError(dailyEmailLimit.name, dailyEmailLimit.message);
    this.mailed.count += 1;
  }

  private count(category: QuotaCategory): void {
    const second = Math.floor(this.now() / 1_000);
    const seen = this.calls.get(category) ?? { total: 0, second, inSecond: 0, peakPerSecond: 0 };
    if (seen.second !== second) Object.assign(seen, { second, inSecond: 0 });
    seen.total += 1;
    seen.inSecond += 1;
    seen.peakPerSecond = Math.max(seen.peakPerSecond, seen.inSecond);
    this.calls.set(category, seen);
  }

  report(): QuotaReport {
    const today = this.mailed.day === quotaDayStart(this.now()) ? this.mailed.count : 0;
    const calls = Object.fromEntries([...this.calls].map(([category, { total, peakPerSecond }]) => [category, { total, peakPerSecond }]));
    return { ...this.settings, throttled: { ...this.throttled }, calls, emailsToday: today };
  }
}

export const quotasEndpoint =
  (quotas: Quotas) =>
  (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(quotas.report()));
  };
