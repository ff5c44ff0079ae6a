import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { withAdvice } from './advice.js';
import { RETRY_THROTTLING } from '../../common/cognito-quotas.js';
import { redactUrl } from '../../common/urls.js';
import { ActionableError } from '../errors.js';

export interface CognitoEndpoint {
  region: string;
  /** An endpoint override: the emulator's, or a stand-in's; absent for AWS. */
  endpoint?: string;
  /** The embedded emulator checks no signature: it gets placeholder credentials. */
  emulator?: boolean;
}

/** A Cognito call that failed for a reason outside the test: credentials, permissions, the pool, the network. */
export class CognitoAccessError extends ActionableError {}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN']);

/**
 * Turns the SDK's bare errors about the environment into sentences that say
 * what to do. Errors about the user (UserNotFoundException, CodeMismatch…) pass
 * through untouched: callers and tests decide about those.
 */
export function explainCognitoError(error: unknown, operation: string, where: CognitoEndpoint): unknown {
  if (!(error instanceof Error)) return error;
  const service = `Cognito (${where.endpoint ? redactUrl(where.endpoint) : `AWS, region ${where.region}`})`;
  const code = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  // No `cause`: the reporter would print the SDK's stack trace under the sentence that replaces it.
  const say = (message: string) => new CognitoAccessError(`${operation} failed: ${message}`);
  switch (error.name) {
    case 'CredentialsProviderError':
      return say(
        'no AWS credentials were found by the SDK\'s default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ' +
          'AWS_PROFILE, or an SSO session from `aws sso login`). Provide one; docs/adopting.md "Least privilege" lists the permissions it needs.',
      );
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'ExpiredTokenException':
      return say(`${service} rejected the AWS credentials (${error.name}: ${error.message}). Refresh them or check which profile is active.`);
    case 'AccessDeniedException':
      return say(
        `the AWS identity may not call cognito-idp:${operation} (${error.message}). Grant the IAM policy in docs/adopting.md "Least privilege" for this pool.`,
      );
    case 'ResourceNotFoundException':
      return say(`${service} says: ${error.message}. Check COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID, and that the region is the pool's.`);
    case 'TimeoutError':
      return say(`${service} did not answer in time.`);
  }
  if (code && NETWORK_CODES.has(code)) return say(`${service} is unreachable (${code}).`);
  // Errors about the sign-up itself keep their class (callers test for it) and gain what to do.
  error.message = withAdvice(error.name, error.message);
  return error;
}

/**
 * An SDK v3 client. Against AWS it takes credentials from the SDK's default
 * chain (environment, shared profile, SSO): never parsed by us. The emulator
 * checks none, so it gets placeholders and never sees a real credential.
 */
export function createCognitoClient(where: CognitoEndpoint): CognitoIdentityProviderClient {
  const client = new CognitoIdentityProviderClient({
    region: where.region,
    ...(where.endpoint ? { endpoint: where.endpoint } : {}),
    ...(where.emulator ? { credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } } : {}),
    // Cognito throttles each category of calls per account (TooManyRequestsException), and shards and workers share it.
    ...RETRY_THROTTLING,
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw explainCognitoError(error, context.commandName?.replace(/Command$/, '') ?? 'A Cognito call', where);
      }
    },
    { step: 'initialize', name: 'explainCognitoErrors' },
  );
  return client;
}
