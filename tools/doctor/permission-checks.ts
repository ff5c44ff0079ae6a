import { randomBytes } from 'node:crypto';
import { GetUserPoolMfaConfigCommand, ListUsersCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DeletionGuard } from '../../helpers/cognito/deletion-guard.js';
import { ownedAddresses } from '../../helpers/mail/addresses.js';
import { CognitoUsers } from '../../helpers/cognito/users.js';
import type { CheckResult } from './check-result.js';

/** Allowed means: AWS let the call through, and it failed (if at all) only because the probe user does not exist. */
async function allowed(call: () => Promise<unknown>): Promise<{ ok: boolean; why?: string; throttled?: boolean }> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    const { name, message } = error as Error;
    if (name === 'UserNotFoundException') return { ok: true };
    // Throttled even after the client's retries: the call was not judged, so it says nothing of the permission.
    return { ok: false, why: message, throttled: name === 'TooManyRequestsException' || /TooManyRequestsException/.test(message) };
  }
}

/** The calls the suite makes on the pool, each tried with a probe address no user has: allowed, or refused by IAM. */
export async function permissionChecks(client: CognitoIdentityProviderClient, userPoolId: string): Promise<CheckResult[]> {
  // A probe address no user can have: the calls either are allowed (and find nobody) or are refused.
  const probe = `doctor-probe-${randomBytes(8).toString('hex')}@example.invalid`;
  const users = new CognitoUsers({ client, userPoolId, guard: new DeletionGuard(ownedAddresses([], 'nothing: the doctor deletes no one')) });
  const calls: [string, () => Promise<{ ok: boolean; why?: string; throttled?: boolean }>][] = [
    ['ListUsers', () => allowed(() => client.send(new ListUsersCommand({ UserPoolId: userPoolId, Limit: 1 })))],
    ['AdminGetUser', () => allowed(() => users.getUserStatus(probe))],
    // The template of sign-in codes: every run reads it once per worker.
    ['GetUserPoolMfaConfig', () => allowed(() => client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId })))],
    ['AdminDeleteUser', async () => users.mayDeleteUsers().then(({ allowed: ok, why }) => ({ ok, why }))],
  ];
  const results: CheckResult[] = [];
  for (const [name, call] of calls) {
    const { ok, why, throttled } = await call();
    results.push(
      ok
        ? { status: 'ok', title: `Allowed: cognito-idp:${name}` }
        : throttled
          ? {
              status: 'warn',
              title: `Could not tell whether cognito-idp:${name} is allowed: Cognito throttled the probe`,
              detail: why,
              fix: 'Other runs share the pool and its rates; the stories retry throttled calls, and a refusal by IAM would still fail them with its own message.',
            }
          : { status: 'fail', title: `Not allowed: cognito-idp:${name}`, detail: why, fix: 'Grant the IAM policy in docs/adopting.md "Least privilege" on this pool.' },
    );
  }
  // Each needed by one story only, so a refusal warns. RESEND, or a reset, of a name no user has touches nobody: allowed → UserNotFoundException.
  const storyCalls: [string, string, () => Promise<{ allowed: boolean; why?: string }>][] = [
    ['AdminCreateUser', 'admin invitation', () => users.mayInviteUsers()],
    ['AdminResetUserPassword', 'admin password reset', () => users.mayResetPasswords()],
  ];
  for (const [name, story, probeCall] of storyCalls) {
    const { allowed: ok, why } = await probeCall();
    results.push(
      ok
        ? { status: 'ok', title: `Allowed: cognito-idp:${name}` }
        : {
            status: 'warn',
            title: `Not allowed: cognito-idp:${name}`,
            detail: why,
            fix: `The ${story} story will fail: grant it (docs/adopting.md "Least privilege"), or leave that story out.`,
          },
    );
  }
  return results;
}
