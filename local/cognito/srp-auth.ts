import { randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidParameterError, NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { explicitAuthFlowsOf } from '../../common/auth-flows.js';
import { COGNITO_ERRORS } from '../../common/cognito-operations.js';
import { required, type ChallengeSessions, type OpenChallenge } from './challenge-sessions.js';
import { claimSignature, poolNameOf, serverHandshake, serverKey, type ServerHandshake } from './srp.js';

interface SrpInitiateAuthRequest {
  ClientId: string;
  AuthFlow: string;
  AuthParameters?: { USERNAME?: string; SRP_A?: string };
  ClientMetadata?: Record<string, string>;
}

interface PasswordVerifierRequest {
  ClientId: string;
  ChallengeName: string;
  ChallengeResponses?: { USERNAME?: string; PASSWORD_CLAIM_SECRET_BLOCK?: string; PASSWORD_CLAIM_SIGNATURE?: string; TIMESTAMP?: string };
  ClientMetadata?: Record<string, string>;
}

/** What Cognito says to a wrong password, whichever way it was proven. */
export const REFUSED = COGNITO_ERRORS.incorrectPassword.message;

/**
 * The SRP sign-ins between InitiateAuth and their PASSWORD_VERIFIER answer,
 * by the SECRET_BLOCK the client hands back. One answer each: right or wrong,
 * the client starts again with a new A.
 */
export type SrpSignIns = ChallengeSessions<OpenChallenge & { A: bigint; handshake: ServerHandshake & { v: bigint } }>;

/**
 * InitiateAuth with USER_SRP_AUTH, which cognito-local answers "Unsupported":
 * Amplify's default sign-in, so an app that keeps Amplify's defaults signs in
 * against the embedded stack as against AWS. Answers PASSWORD_VERIFIER with
 * SALT, SRP_B, SECRET_BLOCK and USER_ID_FOR_SRP (the user's internal name, which
 * the client hashes).
 */
export const InitiateAuthWithSrp =
  (services: Pick<Services, 'cognito'>, signIns: SrpSignIns, initiateAuth: Route): Route =>
  async (ctx, req: SrpInitiateAuthRequest) => {
    if (req.AuthFlow !== 'USER_SRP_AUTH') return initiateAuth(ctx, req);
    required(req.AuthParameters, ['USERNAME', 'SRP_A']);
    const { USERNAME, SRP_A } = req.AuthParameters as { USERNAME: string; SRP_A: string };
    return startSrp(services, signIns, ctx, req.ClientId, USERNAME, SRP_A);
  };

/**
 * The server's half of an SRP sign-in, for USER_SRP_AUTH and for USER_AUTH's
 * PASSWORD_SRP: the PASSWORD_VERIFIER challenge.
 */
export async function startSrp(
  { cognito }: Pick<Services, 'cognito'>,
  signIns: SrpSignIns,
  ctx: Context,
  clientId: string,
  username: string,
  srpA: string,
): Promise<{ ChallengeName: 'PASSWORD_VERIFIER'; ChallengeParameters: Record<string, string> }> {
  if (!/^[0-9a-fA-F]+$/.test(srpA)) throw new InvalidParameterError('SRP_A is not a hexadecimal number');
  // Refuses an unknown app client with ResourceNotFoundException, as Cognito does.
  const userPool = await cognito.getUserPoolForClientId(ctx, clientId);
  const user = await userPool.getUserByUsername(ctx, username);
  // Nobody of that name: said as for a wrong password, as a pool that prevents user-existence errors does.
  if (!user?.Password) throw new NotAuthorizedError(REFUSED);
  const handshake = serverHandshake(poolNameOf(userPool.options.Id), user.Username, user.Password);
  const secretBlock = randomBytes(64).toString('base64');
  signIns.issue(secretBlock, { username: user.Username, clientId, A: BigInt(`0x${srpA}`), handshake });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: handshake.saltHex,
      SRP_B: handshake.B.toString(16),
      SECRET_BLOCK: secretBlock,
      USER_ID_FOR_SRP: user.Username,
      USERNAME: user.Username,
    },
  };
}

/**
 * RespondToAuthChallenge with PASSWORD_VERIFIER: the client's signature must be
 * the one only the password's key can make. Once it is, the rest is the
 * password sign-in's (the user's status, NEW_PASSWORD_REQUIRED, MFA, tokens),
 * so both ways in end alike.
 */
export const RespondToPasswordVerifier =
  ({ cognito }: Pick<Services, 'cognito'>, signIns: SrpSignIns, passwordSignIn: Route, respondToAuthChallenge: Route): Route =>
  async (ctx, req: PasswordVerifierRequest) => {
    if (req.ChallengeName !== 'PASSWORD_VERIFIER') return respondToAuthChallenge(ctx, req);
    required(req.ChallengeResponses, ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP']);
    const answer = req.ChallengeResponses as Required<NonNullable<PasswordVerifierRequest['ChallengeResponses']>>;
    const signIn = openSignIn(signIns, answer.PASSWORD_CLAIM_SECRET_BLOCK, req.ClientId);
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, answer.USERNAME);
    if (!user?.Password || user.Username !== signIn.username) throw new NotAuthorizedError(REFUSED);
    const expected = Buffer.from(
      claimSignature(serverKey(signIn.A, signIn.handshake), poolNameOf(userPool.options.Id), signIn.username, answer.PASSWORD_CLAIM_SECRET_BLOCK, answer.TIMESTAMP),
      'base64',
    );
    const claimed = Buffer.from(answer.PASSWORD_CLAIM_SIGNATURE, 'base64');
    if (claimed.length !== expected.length || !timingSafeEqual(claimed, expected)) throw new NotAuthorizedError(REFUSED);
    return passwordSignIn(ctx, {
      ClientId: req.ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.Username, PASSWORD: user.Password },
      ...(req.ClientMetadata ? { ClientMetadata: req.ClientMetadata } : {}),
    });
  };

/** The sign-in this secret block started, for this client, still open; closed, so it is answered once. Else refused as a wrong password. */
function openSignIn(signIns: SrpSignIns, secretBlock: string, clientId: string) {
  try {
    return signIns.check(secretBlock, clientId);
  } catch {
    throw new NotAuthorizedError(REFUSED);
  } finally {
    signIns.close(secretBlock);
  }
}

/** Which ExplicitAuthFlows values let a client use each flow. */
const ALLOWED_BY: Record<string, string[]> = {
  USER_SRP_AUTH: ['ALLOW_USER_SRP_AUTH'],
  USER_AUTH: ['ALLOW_USER_AUTH'],
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
  REFRESH_TOKEN_AUTH: ['ALLOW_REFRESH_TOKEN_AUTH'],
  REFRESH_TOKEN: ['ALLOW_REFRESH_TOKEN_AUTH'],
};

/**
 * The app client's ExplicitAuthFlows, which cognito-local stores but never
 * checks: a flow the client does not allow is refused as Cognito refuses it,
 * so an app whose client lacks ALLOW_USER_SRP_AUTH fails here as on AWS.
 * A client created without the list gets AWS's default (SRP, custom auth and
 * refresh); a list in the legacy style (no ALLOW_ values) gates password sign-in only.
 */
export const checkingExplicitAuthFlows =
  ({ cognito }: Pick<Services, 'cognito'>, initiateAuth: Route): Route =>
  async (ctx, req: SrpInitiateAuthRequest) => {
    const client = (await cognito.getAppClient(ctx, req.ClientId)) as { ExplicitAuthFlows?: string[] } | null;
    const listed = explicitAuthFlowsOf(client);
    const legacy = !listed.some((flow) => flow.startsWith('ALLOW_'));
    const allowedBy = ALLOWED_BY[req.AuthFlow];
    if (client && allowedBy && (!legacy || req.AuthFlow === 'USER_PASSWORD_AUTH') && !allowedBy.some((flow) => listed.includes(flow))) {
      throw new InvalidParameterError(`${req.AuthFlow} flow not enabled for this client`);
    }
    return initiateAuth(ctx, req);
  };
