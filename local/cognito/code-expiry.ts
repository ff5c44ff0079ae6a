import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { userOfRequest } from './request-pool.js';
import type { UserClocks } from './user-clocks.js';
import { COGNITO_ERRORS, hasExpired, OPERATION_NAMES, timedCodeIssuedBy, timedCodeTakenBy, type TimedCodeKind } from '../../common/cognito-operations.js';

/** Cognito's ExpiredCodeException, in its words. */
const expiredCode = () => new CognitoError(COGNITO_ERRORS.expiredCode.name, COGNITO_ERRORS.expiredCode.message);

/** The operations that mail or take a code that lives a fixed time (a sign-in code dies with its session instead). */
export const TIMES_CODES: readonly string[] = OPERATION_NAMES.filter((name) => timedCodeIssuedBy(name) || timedCodeTakenBy(name));

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
    const issues = timedCodeIssuedBy(operation);
    const takes = timedCodeTakenBy(operation);
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
  private async keyOf(ctx: Context, req: CodeRequest, kind: TimedCodeKind): Promise<{ id: string; username: string } | undefined> {
    const found = await userOfRequest(this.services, ctx, req);
    return found ? { id: `${found.poolId}/${found.user.Username}/${kind}`, username: found.user.Username } : undefined;
  }
}
