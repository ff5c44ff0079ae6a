import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { operationsWhere } from '../../common/cognito-operations.js';

/** The app-client operations that, on a client with a secret, Cognito refuses without SECRET_HASH. */
export const SECRET_HASH_OPERATIONS: readonly string[] = operationsWhere((r) => !!r.secretHash);

interface AppClientRequest {
  ClientId: string;
  Username?: string;
  SecretHash?: string;
  AuthParameters?: { USERNAME?: string; SECRET_HASH?: string };
}

/**
 * What cognito-local 5.3.0 skips: an app client with a secret accepts these
 * calls only with SECRET_HASH = Base64(HMAC-SHA256(secret, username + client
 * ID)), and answers Cognito's own NotAuthorizedException texts otherwise.
 */
export const requiringSecretHash =
  ({ cognito }: Pick<Services, 'cognito'>, route: Route): Route =>
  async (ctx, req: AppClientRequest) => {
    const client = req.ClientId ? await cognito.getAppClient(ctx, req.ClientId) : null;
    if (client?.ClientSecret) {
      const given = req.SecretHash ?? req.AuthParameters?.SECRET_HASH;
      const username = req.Username ?? req.AuthParameters?.USERNAME ?? '';
      if (!given) throw new NotAuthorizedError(`Client ${req.ClientId} is configured with secret but SECRET_HASH was not received`);
      const expected = createHmac('sha256', client.ClientSecret).update(username + req.ClientId).digest();
      const received = Buffer.from(given, 'base64');
      if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
        throw new NotAuthorizedError(`Unable to verify secret hash for client ${req.ClientId}`);
      }
    }
    return route(ctx, req);
  };
