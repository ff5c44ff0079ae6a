import type { UserPoolClientType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { explicitAuthFlowsOf } from '../common/auth-flows.js';
import { STORIES, STORY_KEYS, mailsOf, type PoolNeed, type StoryKey, type StoryRecord, type VariantName } from './stories.js';

/** Whether a story can run against this pool, and why (or why not), in words the report and the doctor show. */
export interface Support {
  runs: boolean;
  why: string;
  /** What the skip is about, when it is the page under test (its description) rather than the pool. */
  of?: 'page';
}

/** The pools for the stories that need one of their own kind (config/target.ts, `poolsFor`). */
export type OtherPools = Partial<Record<VariantName, { userPoolId: string }>>;

/** What the target can do beyond Cognito's API. */
export interface TargetAbilities {
  /** The embedded emulator's clock can be moved forward for a user (a code expires at once). */
  movableClock: boolean;
}

const yes = (why: string): Support => ({ runs: true, why });
const no = (why: string): Support => ({ runs: false, why });
/** All of them, or the first that fails: a story runs only when every need holds. */
const both = (...needs: Support[]): Support => needs.find((s) => !s.runs) ?? yes(needs.map((s) => s.why).join('; '));

/** DescribeUserPool's answer, with what GetUserPoolMfaConfig adds: email MFA, and the passkeys' relying party. */
export type PoolSettingsRead = UserPoolType & { EmailMfaConfiguration?: object; WebAuthnConfiguration?: { RelyingPartyId?: string } };

/** Each need, judged from the pool's and the app client's own settings. */
function judgeNeeds(pool: PoolSettingsRead, client: UserPoolClientType): Record<PoolNeed, Support> {
  const byLink = pool.VerificationMessageTemplate?.DefaultEmailOption === 'CONFIRM_WITH_LINK';
  const flows = explicitAuthFlowsOf(client);
  const recovery = pool.AccountRecoverySetting?.RecoveryMechanisms;
  const writable = client.WriteAttributes;
  const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
  return {
    signUpCode: !(pool.AutoVerifiedAttributes ?? []).includes('email')
      ? no("the pool does not verify email at sign-up (AutoVerifiedAttributes lacks email), so it mails no code")
      : byLink
        ? no('the pool confirms sign-ups by link (DefaultEmailOption CONFIRM_WITH_LINK), not by a code')
        : yes('the pool mails a code at sign-up'),
    signInAfterSignUp: flows.includes('ALLOW_USER_AUTH')
      ? yes("the app client allows ALLOW_USER_AUTH, so ConfirmSignUp answers a Session that signs the user in")
      : no(`the app client does not allow ALLOW_USER_AUTH, so ConfirmSignUp answers no Session to sign the new user in with (ExplicitAuthFlows: ${flows.join(', ')})`),
    passwordSignIn: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'].some((f) => flows.includes(f))
      ? yes('the app client allows password sign-in')
      : no(`the app client allows no password sign-in (ExplicitAuthFlows: ${flows.join(', ')})`),
    emailRecovery:
      !recovery || recovery.some((m) => m.Name === 'verified_email')
        ? yes('account recovery by email')
        : no(`the pool recovers accounts only by ${recovery.map((m) => m.Name).join(', ')}, not by email`),
    refreshTokens: flows.includes('ALLOW_REFRESH_TOKEN_AUTH') ? yes('refresh tokens allowed') : no('the app client does not allow ALLOW_REFRESH_TOKEN_AUTH'),
    emailWritable: !writable?.length || writable.includes('email') ? yes('the app client may change email') : no("the app client's WriteAttributes do not include email"),
    adminInvitation: yes('AdminCreateUser mails the invitation'),
    emailCodeSignIn: !factors.includes('EMAIL_OTP')
      ? no(`the pool's SignInPolicy does not allow EMAIL_OTP as a first factor (AllowedFirstAuthFactors: ${factors.join(', ')})`)
      : pool.UserPoolTier === 'LITE'
        ? no('the pool is on the Lite feature plan; sign-in with a mailed code needs Essentials or Plus (UserPoolTier)')
        : !flows.includes('ALLOW_USER_AUTH')
          ? no(`the app client does not allow choice-based sign-in (ExplicitAuthFlows lacks ALLOW_USER_AUTH: ${flows.join(', ')})`)
          : yes('the pool allows EMAIL_OTP as a first factor and the app client ALLOW_USER_AUTH'),
    passwordlessSignUp: !factors.includes('EMAIL_OTP')
      ? no(`a user may sign up without a password only where EMAIL_OTP is a first factor, and the pool's AllowedFirstAuthFactors are ${factors.join(', ')}`)
      : pool.UserPoolTier === 'LITE'
        ? no('the pool is on the Lite feature plan; sign-up without a password needs Essentials or Plus (UserPoolTier)')
        : !(pool.AutoVerifiedAttributes ?? []).includes('email')
          ? no('the pool does not auto-verify email (AutoVerifiedAttributes), so Cognito refuses a sign-up without a password')
          : !flows.includes('ALLOW_USER_AUTH')
            ? no(`the app client does not allow ALLOW_USER_AUTH, so Cognito refuses a sign-up without a password (ExplicitAuthFlows: ${flows.join(', ')})`)
            : yes('a user may sign up with the address alone (EMAIL_OTP, email auto-verified, ALLOW_USER_AUTH)'),
    passkeys: !factors.includes('WEB_AUTHN')
      ? no(`the pool's SignInPolicy does not allow WEB_AUTHN as a first factor (AllowedFirstAuthFactors: ${factors.join(', ')})`)
      : pool.UserPoolTier === 'LITE'
        ? no('the pool is on the Lite feature plan; passkeys need Essentials or Plus (UserPoolTier)')
        : !pool.WebAuthnConfiguration?.RelyingPartyId
          ? no('the pool has no relying party ID for passkeys (GetUserPoolMfaConfig has no WebAuthnConfiguration.RelyingPartyId)')
          : !flows.includes('ALLOW_USER_AUTH')
            ? no(`the app client does not allow choice-based sign-in, which a passkey's sign-in is (ExplicitAuthFlows lacks ALLOW_USER_AUTH: ${flows.join(', ')})`)
            : yes(`the pool allows passkeys for the relying party ${pool.WebAuthnConfiguration.RelyingPartyId}`),
    emailMfa:
      !pool.MfaConfiguration || pool.MfaConfiguration === 'OFF'
        ? no(`the pool's MfaConfiguration is ${pool.MfaConfiguration ?? 'OFF'}`)
        : !pool.EmailMfaConfiguration
          ? no('the pool offers no email MFA (GetUserPoolMfaConfig has no EmailMfaConfiguration)')
          : !flows.includes('ALLOW_USER_PASSWORD_AUTH')
            ? no('the suite turns email MFA on for its user with their own password sign-in, which the app client does not allow (ALLOW_USER_PASSWORD_AUTH)')
            : yes('the pool offers email as a second factor'),
  };
}

/** A pool of its own kind: what it is, and why the target has none. */
export const VARIANTS: Record<VariantName, { samePool: string; ownPool: string; missing: (byLink: boolean) => string }> = {
  linkVerification: {
    samePool: 'a pool that confirms by link, with a domain for its links',
    ownPool: 'a pool that confirms by link, with a domain for its links',
    missing: (byLink) =>
      byLink
        ? 'the pool confirms by link, but has no domain (Domain or CustomDomain) for its links to point to'
        : 'the pool confirms by code, not by link (DefaultEmailOption CONFIRM_WITH_LINK); ' +
          'the embedded stack has a pool for it, and against AWS the story runs when the suite is pointed at such a pool',
  },
  keepOriginalEmail: {
    samePool: 'the pool keeps the original email until the new one is verified',
    ownPool: 'a pool that keeps the original email until the new one is verified',
    missing: () =>
      'the pool does not keep the original email until the new one is verified (AttributesRequireVerificationBeforeUpdate lacks email); ' +
      'the embedded stack has a pool for it, and against AWS the story runs when the suite is pointed at such a pool',
  },
};

/**
 * Which stories this pool, app client and target can run, read from
 * DescribeUserPool and DescribeUserPoolClient: a story the pool cannot tell
 * (links instead of codes, no recovery by email, no sign-in flow …) is
 * skipped with the reason, never run into a failure that is only the setup's,
 * and never skipped silently. A story on a pool of its own kind is judged by
 * that pool's being there (the embedded stack sets it up for the story), or,
 * when the main pool is that kind, by the main pool's settings.
 */
export function storySupport(
  pool: PoolSettingsRead,
  client: UserPoolClientType,
  other: OtherPools,
  target: TargetAbilities = { movableClock: false },
): Record<StoryKey, Support> {
  const needs = judgeNeeds(pool, client);
  const byLink = pool.VerificationMessageTemplate?.DefaultEmailOption === 'CONFIRM_WITH_LINK';
  const judge = (record: StoryRecord): Support => {
    const ofMainPool = record.needs.map((need) => needs[need]);
    const own = record.pool && VARIANTS[record.pool];
    const variant = record.pool && other[record.pool];
    const support = !own
      ? ofMainPool.length
        ? both(...ofMainPool)
        : yes('it needs nothing of the pool')
      : !variant
        ? no(own.missing(byLink))
        : variant.userPoolId === pool.Id
          ? both(...ofMainPool, yes(own.samePool))
          : yes(own.ownPool);
    if (record.embeddedOnly && support.runs && !target.movableClock) return no(record.embeddedOnly);
    return support;
  };
  return Object.fromEntries(STORY_KEYS.map((key) => [key, judge(STORIES[key])])) as Record<StoryKey, Support>;
}

/** About how many mails a run sends: the stories that will run (or every story, when that is not known), times their mails on one UI, times --repeat-each. */
export const plannedEmails = (support: Record<StoryKey, Support> | 'every story', repeatEach = 1): number =>
  STORY_KEYS.reduce((sum, key) => sum + (support === 'every story' || support[key].runs ? mailsOf(key) : 0), 0) * repeatEach;
