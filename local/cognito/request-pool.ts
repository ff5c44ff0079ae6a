import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';

/** An access token's claims that say whose it is: its pool (the issuer's last part, `http://host/<pool id>`) and the user's name. */
export function accessTokenClaims(token: string): { pool?: string; username?: string } {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: string; username?: string; sub?: string };
    return { pool: claims.iss?.split('/').pop(), username: claims.username ?? claims.sub };
  } catch {
    return {};
  }
}

/** The pool a request is about: named (UserPoolId), its app client's (ClientId), or its access token's; undefined when it names none. */
export async function poolOfRequest({ cognito }: Pick<Services, 'cognito'>, ctx: Context, req: { UserPoolId?: string; ClientId?: string; AccessToken?: string }) {
  if (req.UserPoolId) return cognito.getUserPool(ctx, req.UserPoolId);
  if (req.ClientId) return cognito.getUserPoolForClientId(ctx, req.ClientId);
  const pool = req.AccessToken ? accessTokenClaims(req.AccessToken).pool : undefined;
  return pool ? cognito.getUserPool(ctx, pool) : undefined;
}

/**
 * The user a request is about, in the pool it names: by its Username (a sign-in name or alias) or
 * its access token's; undefined when it names no pool, or no user the pool has.
 */
export async function userOfRequest(services: Pick<Services, 'cognito'>, ctx: Context, req: { UserPoolId?: string; ClientId?: string; Username?: string; AccessToken?: string }) {
  const pool = await poolOfRequest(services, ctx, req);
  const name = req.Username ?? (req.AccessToken ? accessTokenClaims(req.AccessToken).username : undefined);
  const user = pool && name ? await pool.getUserByUsername(ctx, name) : null;
  return pool && user ? { poolId: pool.options.Id, user } : undefined;
}
