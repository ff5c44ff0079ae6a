import { InvalidParameterError, NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { COGNITO_ERRORS } from '../../common/cognito-operations.js';

/** Cognito's default AuthSessionValidity: how long a challenge may be answered, in minutes. */
export const AUTH_SESSION_MINUTES = 3;

/** The app client's AuthSessionValidity, in minutes: how long its challenges may be answered. */
export async function sessionMinutesOf({ cognito }: Pick<Services, 'cognito'>, ctx: Context, clientId: string): Promise<number> {
  const client = (await cognito.getAppClient(ctx, clientId)) as { AuthSessionValidity?: number } | null;
  return client?.AuthSessionValidity ?? AUTH_SESSION_MINUTES;
}

/** Cognito's InvalidParameterException for each of `names` a request lacks. */
export function required<T extends object>(from: T | undefined, names: (keyof T & string)[]): void {
  for (const name of names) if (!from?.[name]) throw new InvalidParameterError(`Missing required parameter ${name}`);
}

/** What every open challenge knows: whose it is, and for which app client. */
export interface OpenChallenge {
  username: string;
  clientId: string;
}

/** How long an expired challenge is still known as expired rather than unknown. */
const KEEP_EXPIRED_MS = 60 * 60_000;

/**
 * The challenges Cognito handed out and has not yet seen answered, by their
 * key (a Session, or an SRP secret block). Cognito takes an answer only for a
 * challenge it issued, to the same app client, within the client's
 * AuthSessionValidity; cognito-local keeps none of this, so an answer that
 * would fail on AWS (a made-up, reused or expired session, another user's)
 * passed there. Entries an hour past their expiry are dropped as new ones come.
 */
export class ChallengeSessions<T extends OpenChallenge> {
  private readonly open = new Map<string, T & { expiresAt: number }>();

  /** `now(username)`: the time as that user's sign-ins see it (see UserClocks). */
  constructor(private readonly now: (username?: string) => number = Date.now) {}

  issue(key: string, challenge: T, minutes = AUTH_SESSION_MINUTES): void {
    // Dropped an hour after they expired, not at once: an expired session answered late is refused as expired, as
    // Cognito does, even when another user's sign-in came in between (a parallel test did, and it read as unknown).
    for (const [k, c] of this.open) if (this.now(c.username) > c.expiresAt + KEEP_EXPIRED_MS) this.open.delete(k);
    this.open.set(key, { ...challenge, expiresAt: this.now(challenge.username) + minutes * 60_000 });
  }

  /**
   * The challenge `key` names, issued to this client (and user, when given) and
   * still open; otherwise Cognito's NotAuthorizedException for the session.
   */
  check(key: string | undefined, clientId: string, username?: string): T {
    const issued = key === undefined ? undefined : this.open.get(key);
    if (!issued || issued.clientId !== clientId || (username !== undefined && issued.username !== username)) {
      throw new NotAuthorizedError(COGNITO_ERRORS.invalidSession.message);
    }
    if (this.now(issued.username) > issued.expiresAt) throw new NotAuthorizedError(COGNITO_ERRORS.expiredSession.message);
    return issued;
  }

  /** The app client an open challenge was issued to, whichever asks: a passkey registration finished by another client is refused by name. */
  clientOf(key: string): string | undefined {
    return this.open.get(key)?.clientId;
  }

  /** Answered (or superseded): it cannot be answered again. */
  close(key: string): void {
    this.open.delete(key);
  }

  /** Closes every open challenge of `username` for which `which` holds: a new code retires the old ones. */
  closeWhere(username: string, which: (challenge: T) => boolean): void {
    for (const [k, c] of this.open) if (c.username === username && which(c)) this.open.delete(k);
  }
}
