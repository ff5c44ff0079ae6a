import type { UserPoolClientType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { explicitAuthFlowsOf } from '../../common/auth-flows.js';

/** The browser stories whose running depends on how the pool and its app client are set up. */
export const STORIES = {
  signUpByCode: 'sign-up, resend, wrong code, existing user, re-signup (a code by mail)',
  forgotPassword: 'forgot password',
  staleSession: 'stale session after deletion',
  invitation: 'admin invitation',
  emailChange: 'email change',
  keepOriginalEmail: 'email change, original kept until verified',
  linkVerification: 'verification by link',
  signInByEmailCode: 'sign-in with a mailed code (passwordless)',
  emailMfa: 'email as a second factor (MFA)',
} as const;

export type StoryKey = keyof typeof STORIES;

/**
 * The stories that wait for the mail Cognito sends at sign-up (the code, or the
 * link): their own sign-up, or the confirmed user they start from
 * (signUpAndConfirm). A pool that confirms its users at once (a PreSignUp
 * trigger's autoConfirmUser) sends none, and these fail waiting for it. Only
 * the invitation creates its user otherwise (AdminCreateUser).
 */
export const SIGN_UP_MAIL_STORIES: readonly StoryKey[] = [
  'signUpByCode',
  'forgotPassword',
  'staleSession',
  'emailChange',
  'keepOriginalEmail',
  'linkVerification',
  'signInByEmailCode',
  'emailMfa',
];

/** Whether a story can run against this pool, and why (or why not), in words the report and the doctor show. */
export interface Support {
  runs: boolean;
  why: string;
}

/** The pools for the stories that need one of their own kind (config/target.ts, `poolsFor`). */
export interface OtherPools {
  linkVerification?: { userPoolId: string };
  keepOriginalEmail?: { userPoolId: string };
}

/**
 * Which stories this pool and app client can run, read from
 * DescribeUserPool and DescribeUserPoolClient: a story the pool cannot tell
 * (links instead of codes, no recovery by email, no sign-in flow …) is
 * skipped with the reason, never run into a failure that is only the setup's,
 * and never skipped silently.
 */
export function storySupport(pool: UserPoolType & { EmailMfaConfiguration?: object }, client: UserPoolClientType, other: OtherPools): Record<StoryKey, Support> {
  const yes = (why: string): Support => ({ runs: true, why });
  const no = (why: string): Support => ({ runs: false, why });
  const byLink = pool.VerificationMessageTemplate?.DefaultEmailOption === 'CONFIRM_WITH_LINK';
  const emailCode = !(pool.AutoVerifiedAttributes ?? []).includes('email')
    ? no("the pool does not verify email at sign-up (AutoVerifiedAttributes lacks email), so it mails no code")
    : byLink
      ? no('the pool confirms sign-ups by link (DefaultEmailOption CONFIRM_WITH_LINK), not by a code')
      : yes('the pool mails a code at sign-up');
  const flows = explicitAuthFlowsOf(client);
  const signIn = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'].some((f) => flows.includes(f))
    ? yes('the app client allows password sign-in')
    : no(`the app client allows no password sign-in (ExplicitAuthFlows: ${flows.join(', ')})`);
  const both = (...needs: Support[]): Support => needs.find((s) => !s.runs) ?? yes(needs.map((s) => s.why).join('; '));
  const recovery = pool.AccountRecoverySetting?.RecoveryMechanisms;
  const byEmail =
    !recovery || recovery.some((m) => m.Name === 'verified_email')
      ? yes('account recovery by email')
      : no(`the pool recovers accounts only by ${recovery.map((m) => m.Name).join(', ')}, not by email`);
  const writable = client.WriteAttributes;
  const emailWritable =
    !writable?.length || writable.includes('email') ? yes('the app client may change email') : no("the app client's WriteAttributes do not include email");
  const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
  const codeAtSignIn = !factors.includes('EMAIL_OTP')
    ? no(`the pool's SignInPolicy does not allow EMAIL_OTP as a first factor (AllowedFirstAuthFactors: ${factors.join(', ')})`)
    : pool.UserPoolTier === 'LITE'
      ? no('the pool is on the Lite feature plan; sign-in with a mailed code needs Essentials or Plus (UserPoolTier)')
      : !flows.includes('ALLOW_USER_AUTH')
        ? no(`the app client does not allow choice-based sign-in (ExplicitAuthFlows lacks ALLOW_USER_AUTH: ${flows.join(', ')})`)
        : yes('the pool allows EMAIL_OTP as a first factor and the app client ALLOW_USER_AUTH');
  const mfaByEmail =
    !pool.MfaConfiguration || pool.MfaConfiguration === 'OFF'
      ? no(`the pool's MfaConfiguration is ${pool.MfaConfiguration ?? 'OFF'}`)
      : !pool.EmailMfaConfiguration
        ? no('the pool offers no email MFA (GetUserPoolMfaConfig has no EmailMfaConfiguration)')
        : !flows.includes('ALLOW_USER_PASSWORD_AUTH')
          ? no('the suite turns email MFA on for its user with their own password sign-in, which the app client does not allow (ALLOW_USER_PASSWORD_AUTH)')
          : yes('the pool offers email as a second factor');
  return {
    signUpByCode: emailCode,
    forgotPassword: both(emailCode, signIn, byEmail),
    staleSession: both(emailCode, signIn, flows.includes('ALLOW_REFRESH_TOKEN_AUTH') ? yes('refresh tokens allowed') : no('the app client does not allow ALLOW_REFRESH_TOKEN_AUTH')),
    invitation: both(signIn, yes('AdminCreateUser mails the invitation')),
    emailChange: both(emailCode, signIn, emailWritable),
    keepOriginalEmail: other.keepOriginalEmail
      ? // On the pool under test, its own settings decide; a pool of the embedded stack's own is set up for the story.
        other.keepOriginalEmail.userPoolId === pool.Id
        ? both(emailCode, signIn, emailWritable, yes('the pool keeps the original email until the new one is verified'))
        : yes('a pool that keeps the original email until the new one is verified')
      : no(
          'the pool does not keep the original email until the new one is verified (AttributesRequireVerificationBeforeUpdate lacks email); ' +
            'the embedded stack has a pool for it, and against AWS the story runs when the suite is pointed at such a pool',
        ),
    signInByEmailCode: both(emailCode, codeAtSignIn),
    emailMfa: both(emailCode, signIn, mfaByEmail),
    linkVerification: other.linkVerification
      ? yes('a pool that confirms by link, with a domain for its links')
      : no(
          byLink
            ? 'the pool confirms by link, but has no domain (Domain or CustomDomain) for its links to point to'
            : 'the pool confirms by code, not by link (DefaultEmailOption CONFIRM_WITH_LINK); ' +
                'the embedded stack has a pool for it, and against AWS the story runs when the suite is pointed at such a pool',
        ),
  };
}

/**
 * The mails one run of each story causes, on one UI: counted on the embedded
 * stack (MailDev's mails per test, `npx playwright test --project=local`).
 * The stories that need a clock that can be moved (a sign-in code's expiry, a
 * sign-up code's) are skipped where none can (AWS), and are not counted: sign-in
 * by code counts 3, not 6, and the code stories 9, not 11. A self-test counts them again:
 * a whole remote run against the stand-ins must deliver exactly what
 * `plannedEmails` says (tests/self/contract/remote-mode.spec.ts).
 */
export const MAILS_PER_STORY: Record<StoryKey, number> = {
  signUpByCode: 9,
  forgotPassword: 3,
  staleSession: 2,
  invitation: 2,
  emailChange: 2,
  keepOriginalEmail: 2,
  linkVerification: 1,
  signInByEmailCode: 3,
  emailMfa: 2,
};

/** About how many mails a run sends: the stories that will run, times their mails, times --repeat-each. */
export const plannedEmails = (support: Record<StoryKey, Support>, repeatEach = 1): number =>
  Object.entries(support).reduce((sum, [key, s]) => sum + (s.runs ? MAILS_PER_STORY[key as StoryKey] : 0), 0) * repeatEach;
