import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DeletionGuard, vetTestEmailPattern } from '../../helpers/cognito/deletion-guard.js';
import { ownedAddresses } from '../../helpers/mail/addresses.js';
import { CognitoUsers } from '../../helpers/cognito/users.js';
import type { CheckResult } from './check-result.js';

/** The doctor looks at this many users at most for TEST_EMAIL_PATTERN's dry run; the janitor looks at all. */
const PATTERN_DRY_RUN_USERS = 6_000;

/** TEST_EMAIL_PATTERN's dry run: what the janitor would delete with it, and whether the janitor will refuse it. */
export async function testEmailPatternCheck(client: CognitoIdentityProviderClient, userPoolId: string, pattern: RegExp): Promise<CheckResult> {
  const lister = new CognitoUsers({ client, userPoolId, guard: new DeletionGuard(ownedAddresses([], 'nothing: the doctor deletes no one')) });
  const users = await lister.listAllUsers(PATTERN_DRY_RUN_USERS);
  const vetting = vetTestEmailPattern(
    pattern,
    users.map((user) => ({ email: user.Attributes?.find((a) => a.Name === 'email')?.Value ?? '', status: user.UserStatus, created: user.UserCreateDate })),
  );
  const examples = vetting.matched.slice(0, 5).map((user) => user.email);
  const seen = users.length >= PATTERN_DRY_RUN_USERS ? `the first ${users.length} users` : `${users.length} user(s)`;
  const detail = `matches ${vetting.matched.length} of ${seen}${examples.length ? `: ${examples.join(', ')}${vetting.matched.length > examples.length ? ', …' : ''}` : ''}`;
  return vetting.refusals.length
    ? {
        status: 'warn',
        title: 'TEST_EMAIL_PATTERN would be refused by the janitor',
        detail: `${detail}; ${vetting.refusals.join('; ')}`,
        fix: 'Narrow the pattern to your test addresses; only if every match really is a test user, run the janitor with --i-know (it still leaves CONFIRMED users alone).',
      }
    : { status: 'ok', title: "TEST_EMAIL_PATTERN's dry run (the janitor's extra addresses)", detail };
}
