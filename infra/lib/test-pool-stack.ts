import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { CfnLogDeliveryConfiguration, CfnUserPool, CfnUserPoolClient, CfnUserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { CfnOIDCProvider, Effect, FederatedPrincipal, PolicyDocument, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { POOL_CREATION_SETTINGS, poolSettings, webAuthnConfiguration, type PoolKind, type PoolSettings, type SesSender } from '../../common/pool-settings.js';
import { CI_OUTPUTS, POOL_OUTPUTS } from './outputs.js';

export interface TestPoolStackProps extends StackProps {
  /**
   * `owner/repo`: the one GitHub repository whose Actions may assume the CI role;
   * `owner@ORG_ID/repo@REPO_ID` for a repository whose OIDC tokens carry GitHub's immutable subject claim.
   */
  githubRepo: string;
  /**
   * The GitHub environment, with required reviewers, that a run of code not yet on `main` (a pull request)
   * must pass to assume the CI role. `DEFAULT_GITHUB_ENVIRONMENT` when absent.
   */
  githubEnvironment?: string;
  /** The link pool's Cognito domain, `<prefix>.auth.<region>.amazoncognito.com`: unique in the region. */
  domainPrefix: string;
  /** An existing OIDC provider for token.actions.githubusercontent.com (an account has at most one); created when absent. */
  githubOidcProviderArn?: string;
  /** Send through SES from a verified identity; Cognito's own sender otherwise (about 50 mails a day). */
  ses?: SesSender;
  /** Sign-in by a mailed code (USER_AUTH with EMAIL_OTP). Needs the Essentials feature plan. */
  passwordless?: boolean;
  /** Email as an optional second factor. Needs the Essentials feature plan and SES. */
  emailMfa?: boolean;
  /**
   * Sign-in with a passkey on the main pool (WEB_AUTHN as a first factor), for the relying party `relyingPartyId`: the
   * host of the page the stories open (BASE_URL) or a registrable suffix of it; a Cognito domain only where the page is
   * managed login. Turns `passwordless` on: a passkey story signs its user up with the address alone, which needs EMAIL_OTP.
   */
  passkeys?: { relyingPartyId: string };
}

/** The suite's identity may do exactly this, on each pool (docs/adopting.md, "Least privilege"). */
export const SUITE_ACTIONS = [
  'cognito-idp:ListUsers',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:DescribeUserPool',
  'cognito-idp:DescribeUserPoolClient',
  'cognito-idp:GetUserPoolMfaConfig',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminResetUserPassword',
];

/**
 * Optional, for the delivery evidence (docs/adopting.md, "Least privilege"): where a pool
 * exports its delivery errors, reading them, and SES's account, identity,
 * configuration set and suppression list. Read-only, each.
 */
export const EVIDENCE_ACTIONS = {
  cognito: ['cognito-idp:GetLogDeliveryConfiguration'],
  logs: ['logs:FilterLogEvents'],
  // SES's GetAccount and GetSuppressedDestination take no resource but "*".
  ses: ['ses:GetAccount', 'ses:GetEmailIdentity', 'ses:GetConfigurationSet', 'ses:GetConfigurationSetEventDestinations', 'ses:GetSuppressedDestination'],
};

const GITHUB_OIDC = 'token.actions.githubusercontent.com';

/** The environment a pull request's jobs wait in for approval before they may assume the CI role. */
export const DEFAULT_GITHUB_ENVIRONMENT = 'aws-test-pool';

/**
 * Two test pools, one per kind (docs/flows.md, "One pool per kind"): the main pool
 * confirms by code and keeps the original email until a new one is verified,
 * so every code story and both email-change stories run on it; the link pool
 * confirms by link through its Cognito domain, for the link story and the
 * invitation. Each has one public app client. Beside them: the export of
 * delivery errors, and the role CI assumes to run the suite.
 */
export class TestPoolStack extends Stack {
  constructor(scope: Construct, id: string, props: TestPoolStackProps) {
    super(scope, id, props);
    // Either form of GitHub's subject: owner/repo, or owner@ORG_ID/repo@REPO_ID (the immutable claim), never a wildcard.
    if (!/^[A-Za-z0-9-]+(?:\/[A-Za-z0-9._-]+|@\d+\/[A-Za-z0-9._-]+@\d+)$/.test(props.githubRepo)) {
      throw new Error(`githubRepo is "${props.githubRepo}", not owner/repo or owner@ORG_ID/repo@REPO_ID (e.g. -c githubRepo=acme/signup-app)`);
    }
    const environment = props.githubEnvironment ?? DEFAULT_GITHUB_ENVIRONMENT;
    if (!/^[A-Za-z0-9._-]{1,255}$/.test(environment)) {
      throw new Error(`githubEnvironment is "${environment}": letters, digits, '.', '_' and '-' only, as it goes into the role's trust word for word`);
    }
    if (props.emailMfa && !props.ses) {
      throw new Error('emailMfa needs SES: Cognito sends MFA codes by email only from a pool on SES (-c sesFrom=… -c sesSourceArn=…)');
    }

    // A relying party ID is a host name: no scheme, port or path (a browser refuses an IP address as one).
    if (props.passkeys && !/^(?=.{1,127}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i.test(props.passkeys.relyingPartyId)) {
      throw new Error(
        `passkeyRelyingPartyId is "${props.passkeys.relyingPartyId}", not a host name: give the host of BASE_URL or a domain it is under, e.g. -c passkeyRelyingPartyId=app.example.com`,
      );
    }
    const passwordless = props.passwordless || Boolean(props.passkeys);
    const mainPool = this.pool(
      'MainPool',
      'cognito-signup-e2e',
      { confirmBy: 'code', keepOriginalEmail: true, ses: props.ses, signInByEmailCode: passwordless, emailMfa: props.emailMfa, passkeys: props.passkeys },
      props,
    );
    // No passkeys on the link pool: its domain is the classic hosted UI, which offers none, and no passkey story runs there.
    const linkPool = this.pool('LinkPool', 'cognito-signup-e2e-link-verification', { confirmBy: 'link', keepOriginalEmail: false, ses: props.ses, signInByEmailCode: passwordless, emailMfa: props.emailMfa }, props);
    // Link mails point to /confirmUser on this domain; 1 is the classic hosted UI, enough for that page and free of branding setup.
    new CfnUserPoolDomain(this, 'LinkPoolDomain', { domain: props.domainPrefix, userPoolId: linkPool.ref, managedLoginVersion: 1 });
    const mainClient = this.client('MainClient', mainPool, passwordless);
    const linkClient = this.client('LinkClient', linkPool, passwordless);

    const deliveryErrors = this.exportDeliveryErrors([mainPool, linkPool]);
    const role = this.ciRole([mainPool, linkPool], deliveryErrors, environment, props);

    const outputs = [
      [POOL_OUTPUTS.main.COGNITO_USER_POOL_ID, mainPool.ref, 'COGNITO_USER_POOL_ID in .env'],
      [POOL_OUTPUTS.main.COGNITO_CLIENT_ID, mainClient.ref, 'COGNITO_CLIENT_ID in .env'],
      [POOL_OUTPUTS.link.COGNITO_USER_POOL_ID, linkPool.ref, 'COGNITO_USER_POOL_ID in .env.link-verification'],
      [POOL_OUTPUTS.link.COGNITO_CLIENT_ID, linkClient.ref, 'COGNITO_CLIENT_ID in .env.link-verification'],
      [POOL_OUTPUTS.main.AWS_REGION, Aws.REGION, 'AWS_REGION in both'],
      [CI_OUTPUTS.E2E_ROLE_ARN, role.roleArn, 'E2E_ROLE_ARN, the repository variable the workflow assumes the role by'],
      [CI_OUTPUTS.E2E_ENVIRONMENT, environment, 'E2E_ENVIRONMENT, the repository variable naming the environment a pull request waits in'],
    ] as const;
    for (const [key, value, description] of outputs) new CfnOutput(this, key, { value, description });
  }

  /** A pool from the shared definition, field for field (CloudFormation's names are the API's), plus the deploy-only options. */
  private pool(id: string, name: string, kind: PoolKind, props: TestPoolStackProps): CfnUserPool {
    const s: PoolSettings = poolSettings(kind);
    const passkeys = webAuthnConfiguration(kind);
    const pool = new CfnUserPool(this, id, {
      userPoolName: name,
      usernameAttributes: POOL_CREATION_SETTINGS.UsernameAttributes,
      autoVerifiedAttributes: s.AutoVerifiedAttributes,
      policies: {
        passwordPolicy: {
          minimumLength: s.Policies.PasswordPolicy.MinimumLength,
          requireUppercase: s.Policies.PasswordPolicy.RequireUppercase,
          requireLowercase: s.Policies.PasswordPolicy.RequireLowercase,
          requireNumbers: s.Policies.PasswordPolicy.RequireNumbers,
          requireSymbols: s.Policies.PasswordPolicy.RequireSymbols,
        },
        ...(s.Policies.SignInPolicy ? { signInPolicy: { allowedFirstAuthFactors: s.Policies.SignInPolicy.AllowedFirstAuthFactors } } : {}),
      },
      verificationMessageTemplate: {
        defaultEmailOption: s.VerificationMessageTemplate.DefaultEmailOption,
        emailSubject: s.VerificationMessageTemplate.EmailSubject,
        emailMessage: s.VerificationMessageTemplate.EmailMessage,
        emailSubjectByLink: s.VerificationMessageTemplate.EmailSubjectByLink,
        emailMessageByLink: s.VerificationMessageTemplate.EmailMessageByLink,
      },
      emailConfiguration:
        s.EmailConfiguration.EmailSendingAccount === 'DEVELOPER'
          ? { emailSendingAccount: 'DEVELOPER', from: s.EmailConfiguration.From, sourceArn: s.EmailConfiguration.SourceArn }
          : { emailSendingAccount: 'COGNITO_DEFAULT' },
      accountRecoverySetting: { recoveryMechanisms: s.AccountRecoverySetting.RecoveryMechanisms.map((m) => ({ name: m.Name, priority: m.Priority })) },
      userAttributeUpdateSettings: s.UserAttributeUpdateSettings && {
        attributesRequireVerificationBeforeUpdate: s.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate,
      },
      adminCreateUserConfig: s.AdminCreateUserConfig && {
        inviteMessageTemplate: {
          emailSubject: s.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject,
          emailMessage: s.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage,
        },
      },
      // Lite costs least and has every setting the stories need; passwordless, passkeys and email MFA are Essentials features.
      userPoolTier: s.UserPoolTier ?? 'LITE',
      ...(s.MfaConfiguration ? { mfaConfiguration: s.MfaConfiguration, enabledMfas: ['EMAIL_OTP'] } : {}),
      // SetUserPoolMfaConfig's WebAuthnConfiguration, which CloudFormation sets on the pool itself.
      ...(passkeys ? { webAuthnRelyingPartyId: passkeys.RelyingPartyId, webAuthnUserVerification: passkeys.UserVerification } : {}),
      // A test pool holds only disposable users: `cdk destroy` removes it, and with it the domain a redeploy would want back.
      deletionProtection: 'INACTIVE',
    });
    pool.applyRemovalPolicy(RemovalPolicy.DESTROY);
    // cdk-nag's AWS Solutions findings this pool answers on purpose, each with its reason.
    Validations.of(pool).acknowledge(
      { id: 'AwsSolutions-COG2', reason: "A test pool: its users are the suite's disposable ones, and the stories sign in with a password alone. Email MFA is an option (emailMfa)." },
      { id: 'AwsSolutions-COG8', reason: 'The Plus plan is for threat protection, which would take the suite\'s rapid sign-ups from one runner for attacks; no real user signs up here. Lite, or Essentials for the passwordless, passkey and email MFA options, has every setting the stories need.' },
    );
    return pool;
  }

  /** The app's public client: no secret (a browser cannot keep one), the sign-in flows the stories use, and email writable for the email change. */
  private client(id: string, pool: CfnUserPool, passwordless: boolean): CfnUserPoolClient {
    return new CfnUserPoolClient(this, id, {
      userPoolId: pool.ref,
      clientName: 'demo-signup-app',
      generateSecret: false,
      explicitAuthFlows: [
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
        // Passwordless sign-in, by a mailed code or a passkey, is a choice-based flow: USER_AUTH.
        ...(passwordless ? ['ALLOW_USER_AUTH'] : []),
      ],
      writeAttributes: ['email'],
    });
  }

  /**
   * Cognito's message-delivery errors (a refused address, an SES failure) in
   * CloudWatch Logs: the record of a mail that never left. The name starts with
   * /aws/vendedlogs/ so that the resource policy Cognito's delivery adds cannot
   * outgrow CloudWatch's 5120-character limit; Cognito refuses KMS-encrypted groups.
   */
  private exportDeliveryErrors(pools: CfnUserPool[]): LogGroup {
    const group = new LogGroup(this, 'DeliveryErrors', {
      logGroupName: `/aws/vendedlogs/cognito/${this.stackName}/user-notification`,
      retention: RetentionDays.ONE_MONTH,
      // Errors of a test pool, worth nothing once the stack is gone; a kept group would also block the next deploy's same name.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    pools.forEach((pool, i) => {
      new CfnLogDeliveryConfiguration(this, `DeliveryErrorsExport${i}`, {
        userPoolId: pool.ref,
        logConfigurations: [{ eventSource: 'userNotification', logLevel: 'ERROR', cloudWatchLogsConfiguration: { logGroupArn: group.logGroupArn } }],
      });
    });
    return group;
  }

  /**
   * The role GitHub Actions assumes through OIDC, allowed exactly the suite's actions on these pools, and
   * only to two kinds of job of one repository: one on the protected `main` branch (a push, the schedule),
   * or one in the environment whose reviewers approved it (a pull request's code). A pull request's own
   * token says `pull_request`, and any other branch says its own ref: neither is trusted.
   */
  private ciRole(pools: CfnUserPool[], deliveryErrors: LogGroup, environment: string, props: TestPoolStackProps): Role {
    const providerArn =
      props.githubOidcProviderArn ??
      new CfnOIDCProvider(this, 'GitHubOidc', { url: `https://${GITHUB_OIDC}`, clientIdList: ['sts.amazonaws.com'] }).attrArn;
    const role = new Role(this, 'CiRole', {
      description: `Runs cognito-signup-e2e from GitHub Actions of ${props.githubRepo}`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new FederatedPrincipal(
        providerArn,
        {
          StringEquals: {
            [`${GITHUB_OIDC}:aud`]: 'sts.amazonaws.com',
            // Exact subjects, no wildcard: a job that names an environment has that environment as its subject, whatever its branch.
            [`${GITHUB_OIDC}:sub`]: [`repo:${props.githubRepo}:ref:refs/heads/main`, `repo:${props.githubRepo}:environment:${environment}`],
          },
        },
        'sts:AssumeRoleWithWebIdentity',
      ),
      inlinePolicies: {
        CognitoSignupE2E: new PolicyDocument({
          statements: [new PolicyStatement({ sid: 'CognitoSignupE2E', effect: Effect.ALLOW, actions: SUITE_ACTIONS, resources: pools.map((p) => p.attrArn) })],
        }),
        // A lost mail's evidence, and the doctor's SES checks: the delivery errors this stack exports, and SES when the pools send through it.
        DeliveryEvidence: new PolicyDocument({
          statements: [
            new PolicyStatement({ sid: 'DeliveryEvidenceCognito', effect: Effect.ALLOW, actions: EVIDENCE_ACTIONS.cognito, resources: pools.map((p) => p.attrArn) }),
            new PolicyStatement({ sid: 'DeliveryEvidenceLogs', effect: Effect.ALLOW, actions: EVIDENCE_ACTIONS.logs, resources: [deliveryErrors.logGroupArn] }),
            ...(props.ses ? [new PolicyStatement({ sid: 'DeliveryEvidenceSes', effect: Effect.ALLOW, actions: EVIDENCE_ACTIONS.ses, resources: ['*'] })] : []),
          ],
        }),
      },
    });
    if (props.ses) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: "SES's GetAccount and GetSuppressedDestination take no resource but \"*\" (AWS's service authorization reference); every SES action here only reads.",
      });
    }
    return role;
  }
}
