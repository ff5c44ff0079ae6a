import type { UserPoolClientType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

/** The browser stories whose running depends on how the pool and its app client are set up. */
export const STORIES = {
  signUpByCode: 'sign-up, resend, wrong code, existing user, re-signup (a code by mail)',
  forgotPassword: 'forgot password',
  staleSession: 'stale session after deletion',
  invitation: 'admin invitation',
  emailChange: 'email change',
  keepOriginalEmail: 'email change, original kept until verified',
  linkVerification: 'verification by link',
} as const;

export type StoryKey = keyof typeof STORIES;

/** Whether a story can run against this pool, and why (or why not), in words the report and the doctor show. */
export interface Support {
  runs: boolean;
  why: string;
}

/** What the target offers besides its main pool (the embedded stack's other pools). */
export interface OtherPools {
  linkVerification?: unknown;
  keepOriginalEmail?: unknown;
}

/**
 * Which stories this pool and app client can run, read from
 * DescribeUserPool and DescribeUserPoolClient: a story the pool cannot tell
 * (links instead of codes, no recovery by email, no sign-in flow …) is
 * skipped with the reason, never run into a failure that is only the setup's,
 * and never skipped silently.
 */
export function storySupport(pool: UserPoolType, client: UserPoolClientType, other: OtherPools = {}): Record<StoryKey, Support> {
  const yes = (why: string): Support => ({ runs: true, why });
  const no = (why: string): Support => ({ runs: false, why });
  const byLink = pool.VerificationMessageTemplate?.DefaultEmailOption === 'CONFIRM_WITH_LINK';
  const emailCode = !(pool.AutoVerifiedAttributes ?? []).includes('email')
    ? no("the pool does not verify email at sign-up (AutoVerifiedAttributes lacks email), so it mails no code")
    : byLink
      ? no('the pool confirms sign-ups by link (DefaultEmailOption CONFIRM_WITH_LINK), not by a code')
      : yes('the pool mails a code at sign-up');
  // Without ExplicitAuthFlows, Cognito allows SRP, custom auth and refresh.
  const flows = client.ExplicitAuthFlows?.length ? client.ExplicitAuthFlows : ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
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
  const keepsOriginal = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate?.includes('email');
  return {
    signUpByCode: emailCode,
    forgotPassword: both(emailCode, signIn, byEmail),
    staleSession: both(emailCode, signIn, flows.includes('ALLOW_REFRESH_TOKEN_AUTH') ? yes('refresh tokens allowed') : no('the app client does not allow ALLOW_REFRESH_TOKEN_AUTH')),
    invitation: both(signIn, yes('AdminCreateUser mails the invitation')),
    emailChange: both(emailCode, signIn, emailWritable),
    keepOriginalEmail: other.keepOriginalEmail
      ? yes("the target's pool that keeps the original email until the new one is verified")
      : keepsOriginal
        ? no('the main pool keeps the original email, and the story needs its own pool for that case; the embedded stack has one')
        : no('no pool that keeps the original email until the new one is verified (AttributesRequireVerificationBeforeUpdate); the embedded stack has one'),
    linkVerification: other.linkVerification
      ? yes("the target's pool that confirms by link")
      : no(
          byLink
            ? 'the main pool confirms by link, but the story needs a pool of its own for that; the embedded stack has one'
            : 'no pool that confirms by link (DefaultEmailOption CONFIRM_WITH_LINK) with a hosted domain; the embedded stack has one',
        ),
  };
}
