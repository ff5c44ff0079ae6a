import { COGNITO_DEFAULT_INVITATION_EMAIL, COGNITO_DEFAULT_LINK_EMAIL, COGNITO_DEFAULT_VERIFICATION_EMAIL } from './cognito-texts.js';

/**
 * The one description of a test pool, in the Cognito API's shape (the field
 * names of CreateUserPool and UpdateUserPool, which CloudFormation's
 * AWS::Cognito::UserPool shares). The embedded stack sends it to the emulator;
 * the CDK app in infra/ deploys it; infra's tests prove the template carries it
 * field for field, so the local pool and the real one cannot drift apart.
 */

/**
 * The embedded stack's other pools, beside its main one, by what they are set
 * up for: some stories need one (against AWS, the main pool when it is that kind).
 */
export type VariantName = 'linkVerification' | 'keepOriginalEmail';

/** What a pool is for: how sign-ups are confirmed, and whether an email change waits for verification. */
export interface PoolKind {
  confirmBy: 'code' | 'link';
  /** An email change takes effect only once the new address is verified (AttributesRequireVerificationBeforeUpdate). */
  keepOriginalEmail: boolean;
  /** Send through Amazon SES from a verified identity instead of Cognito's own sender. */
  ses?: SesSender;
  /** Users may also sign in with a mailed code (passwordless, USER_AUTH with EMAIL_OTP): an Essentials-plan feature. */
  signInByEmailCode?: boolean;
  /** Users may add email as a second factor (MFA OPTIONAL, EMAIL_OTP): an Essentials-plan feature that AWS allows only on SES. */
  emailMfa?: boolean;
  /**
   * Users may sign in with a passkey (WEB_AUTHN as a first factor): an Essentials-plan feature. The relying party ID is
   * the host of the page that makes and uses the passkeys, or a registrable suffix of it (`example.com` for a page at
   * app.example.com); where the page is Cognito's managed login on a custom domain, that domain (AWS's API reference,
   * WebAuthnConfigurationType). The classic hosted UI offers no passkeys.
   */
  passkeys?: { relyingPartyId: string };
}

export interface SesSender {
  /** The From header, e.g. `Test pool <no-reply@example.com>`; its address must be the verified identity's. */
  from: string;
  /** The verified SES identity, e.g. arn:aws:ses:eu-west-1:123456789012:identity/example.com. */
  sourceArn: string;
}

export interface PoolSettings {
  AutoVerifiedAttributes: 'email'[];
  Policies: {
    PasswordPolicy: {
      MinimumLength: number;
      RequireUppercase: boolean;
      RequireLowercase: boolean;
      RequireNumbers: boolean;
      RequireSymbols: boolean;
    };
    SignInPolicy?: { AllowedFirstAuthFactors: ('PASSWORD' | 'EMAIL_OTP' | 'WEB_AUTHN')[] };
  };
  /** The feature plan, when a setting needs more than Lite. */
  UserPoolTier?: 'ESSENTIALS';
  /** OPTIONAL: each user may turn on a second factor; which factors, the MFA configuration says (EnabledMfas, EmailMfaConfiguration). */
  MfaConfiguration?: 'OPTIONAL';
  VerificationMessageTemplate: {
    DefaultEmailOption: 'CONFIRM_WITH_CODE' | 'CONFIRM_WITH_LINK';
    EmailSubject?: string;
    EmailMessage?: string;
    EmailSubjectByLink?: string;
    EmailMessageByLink?: string;
  };
  EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' } | { EmailSendingAccount: 'DEVELOPER'; From: string; SourceArn: string };
  AccountRecoverySetting: { RecoveryMechanisms: { Name: 'verified_email'; Priority: number }[] };
  UserAttributeUpdateSettings?: { AttributesRequireVerificationBeforeUpdate: 'email'[] };
  AdminCreateUserConfig?: { InviteMessageTemplate: { EmailSubject: string; EmailMessage: string } };
}

/** Fixed when a pool is created (CreateUserPool only): Cognito cannot change it later. */
export const POOL_CREATION_SETTINGS = { UsernameAttributes: ['email' as const] };

/**
 * A pool set up as a real one would be for sign-up with email verification.
 * Everything else is left on AWS's defaults, the invitation and the email change included.
 */
export function poolSettings(kind: PoolKind): PoolSettings {
  return {
    AutoVerifiedAttributes: ['email'],
    Policies: {
      PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true },
      ...(kind.signInByEmailCode || kind.passkeys ? { SignInPolicy: { AllowedFirstAuthFactors: firstFactors(kind) } } : {}),
    },
    ...(kind.signInByEmailCode || kind.emailMfa || kind.passkeys ? { UserPoolTier: 'ESSENTIALS' } : {}),
    ...(kind.emailMfa ? { MfaConfiguration: 'OPTIONAL' } : {}),
    VerificationMessageTemplate: {
      DefaultEmailOption: kind.confirmBy === 'link' ? 'CONFIRM_WITH_LINK' : 'CONFIRM_WITH_CODE',
      ...(kind.ses ? messageTemplates(kind.confirmBy) : {}),
    },
    EmailConfiguration: kind.ses
      ? { EmailSendingAccount: 'DEVELOPER', From: kind.ses.from, SourceArn: kind.ses.sourceArn }
      : { EmailSendingAccount: 'COGNITO_DEFAULT' },
    AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    ...(kind.keepOriginalEmail ? { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } } : {}),
    // AWS takes an invitation template only from a pool that sends through SES ("EmailMessage is allowed only if EmailSendingAccount is DEVELOPER").
    ...(kind.ses
      ? { AdminCreateUserConfig: { InviteMessageTemplate: { EmailSubject: COGNITO_DEFAULT_INVITATION_EMAIL.subject, EmailMessage: COGNITO_DEFAULT_INVITATION_EMAIL.message } } }
      : {}),
  };
}

/** What a user may sign in with first: always a password; a mailed code and a passkey where the kind allows them. */
function firstFactors(kind: PoolKind): NonNullable<PoolSettings['Policies']['SignInPolicy']>['AllowedFirstAuthFactors'] {
  return ['PASSWORD', ...(kind.signInByEmailCode ? (['EMAIL_OTP'] as const) : []), ...(kind.passkeys ? (['WEB_AUTHN'] as const) : [])];
}

/**
 * The pool's passkey settings, in SetUserPoolMfaConfig's shape (WebAuthnConfiguration; CloudFormation's
 * WebAuthnRelyingPartyID and WebAuthnUserVerification on the pool): none for a pool without passkeys. User
 * verification is 'preferred': a device that cannot verify its user may still hold a passkey, as AWS's default has it.
 */
export function webAuthnConfiguration(kind: PoolKind): { RelyingPartyId: string; UserVerification: 'preferred' } | undefined {
  return kind.passkeys ? { RelyingPartyId: kind.passkeys.relyingPartyId, UserVerification: 'preferred' } : undefined;
}

/**
 * The templates of a pool that sends through SES: Cognito's own words, which
 * a pool on Cognito's sender gets without asking (AWS refuses templates there),
 * so the stories read the same mail whichever sender a pool uses. Write your
 * own words here, and both the embedded stack and the deployed pool send them.
 */
function messageTemplates(confirmBy: PoolKind['confirmBy']): Omit<PoolSettings['VerificationMessageTemplate'], 'DefaultEmailOption'> {
  return {
    // Password resets and attribute changes mail a code even from a link pool: both pools need the code template.
    EmailSubject: COGNITO_DEFAULT_VERIFICATION_EMAIL.subject,
    EmailMessage: COGNITO_DEFAULT_VERIFICATION_EMAIL.message,
    ...(confirmBy === 'link' ? { EmailSubjectByLink: COGNITO_DEFAULT_LINK_EMAIL.subject, EmailMessageByLink: COGNITO_DEFAULT_LINK_EMAIL.message } : {}),
  };
}
