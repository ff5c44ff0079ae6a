import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { accessTokenClaims, poolOfRequest } from './request-pool.js';
import type { UserClocks } from './user-clocks.js';

/**
 * How long Cognito's mailed codes stay valid, as its developer guide gives
 * them: a sign-up (or resent) code and an attribute-verification code 24
 * hours, a password-reset code 1 hour. Sign-in codes live as long as their
 * challenge's session (challenge-sessions.ts).
 */
export const CODE_VALIDITY_MS = { signUp: 24 * 3_600_000, attribute: 24 * 3_600_000, passwordReset: 3_600_000 } as const;
export type CodeKind = keyof typeof CODE_VALIDITY_MS;

/** Cognito's ExpiredCodeException, in its words. */
export const expiredCode = () => new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');

/** The operations that mail a code of a kind, and those that take one. */
const ISSUES: Record<string, CodeKind> = {
  SignUp: 'signUp',
  ResendConfirmationCode: 'signUp',
  ForgotPassword: 'passwordReset',
  AdminResetUserPassword: 'passwordReset',
  UpdateUserAttributes: 'attribute',
  GetUserAttributeVerificationCode: 'attribute',
};
const TAKES: Record<string, CodeKind> = {
  ConfirmSignUp: 'signUp',
  ConfirmForgotPassword: 'passwordReset',
  VerifyUserAttribute: 'attribute',
};
export const TIMES_CODES = [...Object.keys(ISSUES), ...Object.keys(TAKES)];

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
    const issues = ISSUES[operation];
    const takes = TAKES[operation];
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
        if (key && at !== undefined && this.clocks.now(key.username) > at + CODE_VALIDITY_MS[takes]) throw expiredCode();
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
