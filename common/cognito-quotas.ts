/**
 * Cognito's quotas, as AWS documents them (developer guide, "Quotas in Amazon
 * Cognito"): request rates per category of operation, per account and region,
 * and the daily number of mails Cognito's own sender (COGNITO_DEFAULT) sends.
 * Which category each operation counts in, and Cognito's words over a quota,
 * are in the operation catalogue (cognito-operations.ts).
 * Pure: the emulator enforces them (local/cognito/quotas.ts), the unit tests
 * check them, the doctor plans a run against them.
 */

/** Where the embedded emulator tells its quotas and what they refused (a GET): served by local/cognito/quotas.ts. */
export const QUOTAS_PATH = '/_emulator/quotas';

/** Default requests per second of each category AWS lists, for the operations the emulator serves. */
export const CATEGORY_RPS = {
  UserAuthentication: 120,
  /** RespondToAuthChallenge's own allowance: three times UserAuthentication's, as AWS documents. */
  UserAuthenticationChallenges: 360,
  UserCreation: 50,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserUpdate: 25,
  UserToken: 120,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserList: 30,
  UserPoolRead: 15,
  UserPoolUpdate: 15,
  UserPoolResourceRead: 20,
  UserPoolResourceUpdate: 15,
  UserPoolClientRead: 15,
  UserPoolClientUpdate: 15,
} as const;

export type QuotaCategory = keyof typeof CATEGORY_RPS;

/**
 * How every Cognito client of the suite and the stack meets throttling: the
 * SDK's adaptive mode backs off and paces the client's later calls, five
 * attempts in all, as shards and workers share the account's rates.
 */
export const RETRY_THROTTLING = { retryMode: 'adaptive', maxAttempts: 5 } as const;

/** "Email messages sent daily per AWS account" with Cognito's own sender; not adjustable. */
export const COGNITO_DEFAULT_DAILY_EMAILS = 50;

/** The daily quota "resets daily at 0900 UTC": the start of the quota day an instant falls in. */
export function quotaDayStart(at: number): number {
  const day = new Date(at);
  const reset = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 9);
  return at >= reset ? reset : reset - 24 * 3_600_000;
}

/**
 * A token bucket of one second's worth of requests, refilled continuously:
 * a burst of `rps` passes, then `rps` a second. AWS does not document its
 * burst; one second's worth is the simplest reading of "requests per second".
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rps: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = rps;
    this.last = now();
  }

  /** Takes a token if one is left; false when the call is over the rate. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.rps, this.tokens + ((now - this.last) / 1_000) * this.rps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class QuotaSettingsError extends Error {
  override name = 'QuotaSettingsError';
}

export type RateLimits = Partial<Record<QuotaCategory, number>> | 'off';

/** The emulator's quotas: request rates per category, and the daily mails of Cognito's own sender. */
export interface QuotaSettings {
  rateLimits: RateLimits;
  emailDailyLimit: number | 'off';
}

/**
 * LOCAL_RATE_LIMITS: unset or `aws` for AWS's defaults; `off`; or overrides of
 * some categories on top of AWS's, `UserCreation=2,UserResourceRead=1`.
 */
export function parseRateLimits(raw: string | undefined): RateLimits {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'aws') return { ...CATEGORY_RPS };
  if (text === 'off') return 'off';
  const limits: Partial<Record<QuotaCategory, number>> = { ...CATEGORY_RPS };
  for (const part of text.split(',')) {
    const [name = '', value = ''] = part.split('=').map((s) => s.trim());
    const rps = Number(value);
    if (!(name in CATEGORY_RPS) || !/^\d+(\.\d+)?$/.test(value) || rps <= 0) {
      throw new QuotaSettingsError(
        `LOCAL_RATE_LIMITS=${JSON.stringify(raw)}: ${JSON.stringify(part)} is not Category=requests-per-second (a number above 0) ` +
          `with one of ${Object.keys(CATEGORY_RPS).join(', ')}. Fix it in .env, or unset it for AWS's rates ("aws"), or "off".`,
      );
    }
    limits[name as QuotaCategory] = rps;
  }
  return limits;
}

/** LOCAL_EMAIL_DAILY_LIMIT: unset or `off` for none; a number of mails a day; `aws` for COGNITO_DEFAULT's 50. */
export function parseDailyEmailLimit(raw: string | undefined): number | 'off' {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'off') return 'off';
  if (text === 'aws') return COGNITO_DEFAULT_DAILY_EMAILS;
  if (!/^\d+$/.test(text)) {
    throw new QuotaSettingsError(
      `LOCAL_EMAIL_DAILY_LIMIT=${JSON.stringify(raw)} is not a number of mails a day. Fix it in .env: "aws" (Cognito's own sender's ${COGNITO_DEFAULT_DAILY_EMAILS}), a number, or "off".`,
    );
  }
  return Number(text);
}
