import { createHmac } from 'node:crypto';

/**
 * Cognito's SECRET_HASH: Base64(HMAC-SHA256(key = client secret, message =
 * username + client ID)). An app client with a secret refuses SignUp,
 * ConfirmSignUp, ResendConfirmationCode and InitiateAuth without it.
 */
export function secretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}
