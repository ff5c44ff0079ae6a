import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { accessTokenClaims, poolOfRequest } from './request-pool.js';
import type { UserClocks } from './user-clocks.js';
import { EXPIRED_CODE, ISSUES_CODE, TAKES_CODE, hasExpired, type CodeKind } from '../../common/code-expiry-rules.js';

/** Cognito's ExpiredCodeException, in its words. */
const expiredCode = () => new CognitoError(EXPIRED_CODE.name, EXPIRED_CODE.message);

export const TIMES_CODES = [...Object.keys(ISSUES_CODE), ...Object.keys(TAKES_CODE)];

type CodeRequest = { UserPoolId?: string; ClientId?: string; Username?: string; AccessToken?: string };

/**
 * Codes that expire, as Cognito's do (cognito-local's never do): each code's
 * issue is timed by its user's clock (user-clocks.ts), and a code taken after
 * its validity is refused with ExpiredCodeException before the operation runs.
 * A new code of the same kind starts a new time. Kept in memory: a restarted
 * emulator forgets when its codes were issued, and lets them run again.
 */
export class CodeExpiry {
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly services: Pick<Services, 'cognito'>,
    private readonly clocks: UserClocks,
  ) {}

  /** The operation, timing the codes it mails or refusing the expired codes it takes; others as they are. */
  wrap(operation: string, route: Route): Route {
    const issues = ISSUES_CODE[operation];
    const takes = TAKES_CODE[operation];
    if (issues) {
      return async (ctx, req: CodeRequest) => {
        const result = await route(ctx, req);
        const key = await this.keyOf(ctx, req, issues);
        if (key) this.issued.set(key.id, this.clocks.now(key.username));
        return result;
      };
    }
    if (takes) {
      return async (ctx, req: CodeRequest) => {
        const key = await this.keyOf(ctx, req, takes);
        const at = key && this.issued.get(key.id);
        if (key && at !== undefined && hasExpired(takes, at, this.clocks.now(key.username))) throw expiredCode();
        return route(ctx, req);
      };
    }
    return route;
  }

  /** Which user's code of this kind a request is about, by pool and Cognito username; undefined when there is no such user. */
  private async keyOf(ctx: Context, req: CodeRequest, kind: CodeKind): Promise<{ id: string; username: string } | undefined> {
    const pool = await poolOfRequest(this.services, ctx, req);
    const name = req.Username ?? (req.AccessToken ? accessTokenClaims(req.AccessToken).username : undefined);
    const user = pool && name ? await pool.getUserByUsername(ctx, name) : null;
    return user ? { id: `${pool?.options.Id}/${user.Username}/${kind}`, username: user.Username } : undefined;
  }
}
