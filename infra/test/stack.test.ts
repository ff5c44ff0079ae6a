// node:test, run through tsx (`node --import tsx --test`): Node's own runner and
// one small loader the CDK app needs anyway, instead of a test framework and its config.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { App, Token, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { POOL_CREATION_SETTINGS, poolSettings, webAuthnConfiguration, type PoolKind } from '../../common/pool-settings.js';
import { CI_OUTPUTS } from '../lib/outputs.js';
import { DEFAULT_GITHUB_ENVIRONMENT, EVIDENCE_ACTIONS, SUITE_ACTIONS, TestPoolStack, type TestPoolStackProps } from '../lib/test-pool-stack.js';

const BASE: TestPoolStackProps = { githubRepo: 'acme/signup-app', domainPrefix: 'acme-e2e-links' };
const SES = { from: 'Test pool <no-reply@example.com>', sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.com' };

function synth(props: Partial<TestPoolStackProps> = {}): { template: Template; app: App } {
  const app = new App();
  const stack = new TestPoolStack(app, 'TestPool', { ...BASE, ...props });
  return { template: Template.fromStack(stack), app };
}

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
const resources = (template: Template, type: string): Record<string, Resource> => template.findResources(type) as Record<string, Resource>;
const poolNamed = (template: Template, name: string): [string, Resource] => {
  const found = Object.entries(resources(template, 'AWS::Cognito::UserPool')).find(([, r]) => r.Properties.UserPoolName === name);
  assert.ok(found, `no pool named ${name}`);
  return found;
};
const MAIN = 'cognito-signup-e2e';
const LINK = 'cognito-signup-e2e-link-verification';

/** The least-privilege policy of docs/adopting.md, parsed out of its "### Least privilege" section. */
type PolicyJson = { Statement: { Sid: string; Effect: string; Action: string[]; Resource: string }[] };

/** The policies of docs/adopting.md, in order: the suite's least privilege, then the optional delivery evidence. */
function readmePolicies(): PolicyJson[] {
  const doc = readFileSync(new URL('../../docs/adopting.md', import.meta.url), 'utf8');
  const section = doc.split('\n### Least privilege\n')[1]?.split('\n## ')[0];
  assert.ok(section, 'docs/adopting.md has no "### Least privilege" section');
  const blocks = [...section.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] as string) as PolicyJson);
  assert.equal(blocks.length, 2, 'the "Least privilege" section has the suite\'s policy and the delivery evidence\'s, as ```json blocks');
  return blocks;
}
const readmePolicy = () => readmePolicies()[0] as PolicyJson;

test('environment-agnostic: no account or region written in, so synth needs no credentials', () => {
  const stack = new TestPoolStack(new App(), 'TestPool', BASE);
  assert.ok(Token.isUnresolved(stack.account) && Token.isUnresolved(stack.region));
});

describe('the pools are the shared definition, field for field', () => {
  const cases: [string, PoolKind][] = [
    [MAIN, { confirmBy: 'code', keepOriginalEmail: true }],
    [LINK, { confirmBy: 'link', keepOriginalEmail: false }],
  ];
  for (const [ses, passwordless, emailMfa] of [[undefined, false, false], [SES, false, false], [undefined, true, false], [SES, true, true]] as const) {
    for (const [name, kind] of cases) {
      test(`${name}, ${ses ? 'on SES' : "on Cognito's sender"}${passwordless ? ', passwordless' : ''}${emailMfa ? ', email MFA' : ''}`, () => {
        const [, pool] = poolNamed(synth({ ses, passwordless, emailMfa }).template, name);
        const definition = { ...POOL_CREATION_SETTINGS, ...poolSettings({ ...kind, ses, signInByEmailCode: passwordless, emailMfa }) };
        for (const [field, value] of Object.entries(definition)) {
          assert.deepStrictEqual(pool.Properties[field], value, `${name}: ${field}`);
        }
      });
    }
  }
});

test("templates only on SES, where AWS takes them: verification (code and link) and invitation, in Cognito's words", () => {
  const onCognito = synth().template;
  for (const name of [MAIN, LINK]) {
    const [, pool] = poolNamed(onCognito, name);
    assert.deepStrictEqual(pool.Properties.VerificationMessageTemplate, { DefaultEmailOption: name === LINK ? 'CONFIRM_WITH_LINK' : 'CONFIRM_WITH_CODE' });
    assert.equal(pool.Properties.AdminCreateUserConfig, undefined);
  }
  const onSes = synth({ ses: SES }).template;
  const [, link] = poolNamed(onSes, LINK);
  assert.deepStrictEqual(link.Properties.VerificationMessageTemplate, {
    DefaultEmailOption: 'CONFIRM_WITH_LINK',
    EmailSubject: 'Your verification code',
    EmailMessage: 'Your verification code is {####}. ',
    EmailSubjectByLink: 'Your verification link',
    EmailMessageByLink: 'Please click the link below to verify your email address. {##Verify Email##} ',
  });
  assert.deepStrictEqual(link.Properties.AdminCreateUserConfig, {
    InviteMessageTemplate: { EmailSubject: 'Your temporary password', EmailMessage: 'Your username is {username} and temporary password is {####}.' },
  });
  assert.deepStrictEqual(link.Properties.EmailConfiguration, { EmailSendingAccount: 'DEVELOPER', From: SES.from, SourceArn: SES.sourceArn });
});

test('what the stories need of a pool beyond the definition: Lite, removable, the link pool with its domain', () => {
  const { template } = synth();
  for (const name of [MAIN, LINK]) {
    const [, pool] = poolNamed(template, name);
    assert.equal(pool.Properties.UserPoolTier, 'LITE');
    assert.equal(pool.Properties.MfaConfiguration, undefined);
    assert.equal((pool.Properties.Policies as { SignInPolicy?: unknown }).SignInPolicy, undefined);
    assert.equal(pool.DeletionPolicy, 'Delete');
  }
  const [linkId] = poolNamed(template, LINK);
  template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'acme-e2e-links', UserPoolId: { Ref: linkId } });
});

test('passwordless and email MFA: off unless asked for, then on the Essentials plan; email MFA only with SES', () => {
  const { template } = synth({ passwordless: true, emailMfa: true, ses: SES });
  const [, pool] = poolNamed(template, MAIN);
  assert.equal(pool.Properties.UserPoolTier, 'ESSENTIALS');
  assert.deepStrictEqual((pool.Properties.Policies as { SignInPolicy?: unknown }).SignInPolicy, { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
  assert.equal(pool.Properties.MfaConfiguration, 'OPTIONAL');
  assert.deepStrictEqual(pool.Properties.EnabledMfas, ['EMAIL_OTP']);
  template.allResourcesProperties('AWS::Cognito::UserPoolClient', { ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_AUTH']) });
  assert.throws(() => synth({ emailMfa: true }), /emailMfa needs SES/);
});

describe('passkeys: a relying party ID turns them on, on the main pool, with the passwordless sign-up they start from', () => {
  const passkeys = { relyingPartyId: 'app.example.com' };

  test('the main pool is the shared definition with passkeys, field for field: Essentials, PASSWORD, EMAIL_OTP and WEB_AUTHN, the relying party', () => {
    const { template } = synth({ passkeys });
    const [, main] = poolNamed(template, MAIN);
    const kind: PoolKind = { confirmBy: 'code', keepOriginalEmail: true, signInByEmailCode: true, passkeys };
    for (const [field, value] of Object.entries({ ...POOL_CREATION_SETTINGS, ...poolSettings(kind) })) {
      assert.deepStrictEqual(main.Properties[field], value, `${MAIN}: ${field}`);
    }
    assert.equal(main.Properties.UserPoolTier, 'ESSENTIALS');
    assert.deepStrictEqual((main.Properties.Policies as { SignInPolicy?: unknown }).SignInPolicy, { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] });
    // SetUserPoolMfaConfig's WebAuthnConfiguration, as CloudFormation names it on the pool.
    assert.deepStrictEqual(webAuthnConfiguration(kind), { RelyingPartyId: 'app.example.com', UserVerification: 'preferred' });
    assert.equal(main.Properties.WebAuthnRelyingPartyID, 'app.example.com');
    assert.equal(main.Properties.WebAuthnUserVerification, 'preferred');
    template.allResourcesProperties('AWS::Cognito::UserPoolClient', { ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_AUTH']) });
  });

  test('none on the link pool, whose classic hosted UI offers none; none on either pool unless asked for', () => {
    const [, link] = poolNamed(synth({ passkeys }).template, LINK);
    assert.equal(link.Properties.WebAuthnRelyingPartyID, undefined);
    assert.deepStrictEqual((link.Properties.Policies as { SignInPolicy?: unknown }).SignInPolicy, { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
    for (const name of [MAIN, LINK]) {
      const [, pool] = poolNamed(synth({ passwordless: true }).template, name);
      assert.equal(pool.Properties.WebAuthnRelyingPartyID, undefined, name);
      assert.ok(!JSON.stringify(pool.Properties.Policies).includes('WEB_AUTHN'), name);
    }
  });

  test('a relying party ID that is no host name is refused, saying what to give', () => {
    for (const relyingPartyId of ['https://app.example.com', 'app.example.com:443', 'app.example.com/signup', '']) {
      assert.throws(() => synth({ passkeys: { relyingPartyId } }), /passkeyRelyingPartyId is ".*", not a host name: give the host of BASE_URL/, relyingPartyId);
    }
  });
});

test('one public client per pool: no secret, the three flows, email writable, nothing else', () => {
  const { template } = synth();
  const clients = Object.values(resources(template, 'AWS::Cognito::UserPoolClient'));
  assert.equal(clients.length, 2);
  const poolRefs = clients.map((c) => (c.Properties.UserPoolId as { Ref: string }).Ref).sort();
  assert.deepStrictEqual(poolRefs, [poolNamed(template, LINK)[0], poolNamed(template, MAIN)[0]].sort());
  for (const client of clients) {
    const { UserPoolId: _pool, ...rest } = client.Properties;
    assert.deepStrictEqual(rest, {
      ClientName: 'demo-signup-app',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      WriteAttributes: ['email'],
    });
  }
});

test('delivery errors of both pools go to a /aws/vendedlogs/ log group kept 30 days', () => {
  const { template } = synth();
  const groups = Object.entries(resources(template, 'AWS::Logs::LogGroup'));
  assert.equal(groups.length, 1);
  const [groupId, group] = groups[0]!;
  assert.match(String(group.Properties.LogGroupName), /^\/aws\/vendedlogs\//);
  assert.equal(group.Properties.RetentionInDays, 30);
  assert.equal(group.Properties.KmsKeyId, undefined, 'Cognito cannot deliver to a KMS-encrypted group');
  const exports = Object.values(resources(template, 'AWS::Cognito::LogDeliveryConfiguration'));
  assert.deepStrictEqual(exports.map((e) => (e.Properties.UserPoolId as { Ref: string }).Ref).sort(), [poolNamed(template, LINK)[0], poolNamed(template, MAIN)[0]].sort());
  for (const e of exports) {
    assert.deepStrictEqual(e.Properties.LogConfigurations, [
      { EventSource: 'userNotification', LogLevel: 'ERROR', CloudWatchLogsConfiguration: { LogGroupArn: { 'Fn::GetAtt': [groupId, 'Arn'] } } },
    ]);
  }
});

describe('the CI role', () => {
  test("its policy is the least privilege of docs/adopting.md, on both pools' ARNs, and nothing else", () => {
    const { template } = synth();
    const [readme] = readmePolicy().Statement;
    assert.ok(readme);
    assert.match(readme.Resource, /^arn:aws:cognito-idp:REGION:ACCOUNT_ID:userpool\/POOL_ID$/, "the documented policy names one pool's ARN");
    assert.deepStrictEqual([...SUITE_ACTIONS].sort(), [...readme.Action].sort(), "the stack's actions are the documented ones");

    const roles = Object.values(resources(template, 'AWS::IAM::Role'));
    assert.equal(roles.length, 1);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    const role = roles[0]!.Properties as { Policies: { PolicyDocument: { Statement: Record<string, unknown>[] } }[]; ManagedPolicyArns?: unknown };
    assert.equal(role.ManagedPolicyArns, undefined);
    const statements = (role.Policies as { PolicyName: string; PolicyDocument: { Statement: Record<string, unknown>[] } }[]).find((p) => p.PolicyName === 'CognitoSignupE2E')?.PolicyDocument.Statement ?? [];
    assert.equal(statements.length, 1);
    const statement = statements[0]!;
    assert.equal(statement.Sid, readme.Sid);
    assert.equal(statement.Effect, readme.Effect);
    assert.deepStrictEqual([...(statement.Action as string[])].sort(), [...readme.Action].sort());
    const poolIds = [poolNamed(template, MAIN)[0], poolNamed(template, LINK)[0]];
    assert.deepStrictEqual(statement.Resource, poolIds.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })));
  });

  test("its delivery evidence is the optional policy of docs/adopting.md: the pools, the stack's own log group, and SES only with the SES option", () => {
    const readme = readmePolicies()[1]!.Statement;
    assert.deepStrictEqual(readme.map((s) => s.Sid), ['DeliveryEvidenceCognito', 'DeliveryEvidenceLogs', 'DeliveryEvidenceSes']);
    assert.deepStrictEqual(readme.map((s) => [...s.Action].sort()), [EVIDENCE_ACTIONS.cognito, EVIDENCE_ACTIONS.logs, EVIDENCE_ACTIONS.ses].map((a) => [...a].sort()));
    for (const [props, sids] of [
      [{}, ['DeliveryEvidenceCognito', 'DeliveryEvidenceLogs']],
      [{ ses: SES }, ['DeliveryEvidenceCognito', 'DeliveryEvidenceLogs', 'DeliveryEvidenceSes']],
    ] as const) {
      const { template } = synth(props);
      const role = Object.values(resources(template, 'AWS::IAM::Role'))[0]!.Properties as { Policies: { PolicyName: string; PolicyDocument: { Statement: Record<string, unknown>[] } }[] };
      const statements = role.Policies.find((p) => p.PolicyName === 'DeliveryEvidence')?.PolicyDocument.Statement ?? [];
      assert.deepStrictEqual(statements.map((s) => s.Sid), sids);
      for (const statement of statements) {
        const documented = readme.find((s) => s.Sid === statement.Sid)!;
        assert.deepStrictEqual([statement.Action].flat().sort(), [...documented.Action].sort());
        assert.equal(statement.Effect, 'Allow');
      }
      const [groupId] = Object.keys(resources(template, 'AWS::Logs::LogGroup'));
      assert.deepStrictEqual(statements[1]!.Resource, { 'Fn::GetAtt': [groupId, 'Arn'] });
      assert.deepStrictEqual(statements[0]!.Resource, [poolNamed(template, MAIN)[0], poolNamed(template, LINK)[0]].map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })));
    }
  });

  test('no policy of the stack has a wildcard action', () => {
    const { template } = synth({ passwordless: true, emailMfa: true, ses: SES });
    const documents = [
      ...Object.values(resources(template, 'AWS::IAM::Role')).flatMap((r) => [
        r.Properties.AssumeRolePolicyDocument,
        ...((r.Properties.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map((p) => p.PolicyDocument),
      ]),
      ...Object.values(resources(template, 'AWS::IAM::Policy')).map((p) => p.Properties.PolicyDocument),
    ] as { Statement: { Action: string | string[] }[] }[];
    const actions = documents.flatMap((d) => d.Statement.flatMap((s) => [s.Action].flat()));
    assert.ok(actions.length > 0);
    assert.deepStrictEqual(actions.filter((a) => a.includes('*')), []);
  });

  /** The role's trust, as the template has it. */
  const trustOf = (template: Template) => (Object.values(resources(template, 'AWS::IAM::Role'))[0]!.Properties as { AssumeRolePolicyDocument: unknown }).AssumeRolePolicyDocument;

  test("assumable through GitHub OIDC by one repository's protected main branch, and by its approval environment, nothing else", () => {
    const { template } = synth();
    const [oidcId] = Object.keys(resources(template, 'AWS::IAM::OIDCProvider'));
    template.hasResourceProperties('AWS::IAM::OIDCProvider', { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] });
    assert.deepStrictEqual(trustOf(template), {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: { 'Fn::GetAtt': [oidcId, 'Arn'] } },
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'token.actions.githubusercontent.com:sub': ['repo:acme/signup-app:ref:refs/heads/main', `repo:acme/signup-app:environment:${DEFAULT_GITHUB_ENVIRONMENT}`],
            },
          },
        },
      ],
    });
  });

  test('no subject with a wildcard: a pull request, another branch, a tag or another environment of the repository is refused', () => {
    const trust = JSON.stringify(trustOf(synth().template));
    assert.doesNotMatch(trust, /StringLike|[*?]/);
    for (const refused of ['repo:acme/signup-app:pull_request', 'repo:acme/signup-app:ref:refs/heads/feature', 'repo:acme/signup-app:ref:refs/tags/v1', 'repo:acme/signup-app:environment:production']) {
      assert.ok(!trust.includes(`"${refused}"`), refused);
    }
  });

  test('the environment is a prop (context githubEnvironment), and an output beside the role for the repository variables', () => {
    const { template } = synth({ githubEnvironment: 'e2e-approval' });
    const condition = (trustOf(template) as { Statement: { Condition: { StringEquals: Record<string, string[]> } }[] }).Statement[0]!.Condition.StringEquals;
    assert.deepStrictEqual(condition['token.actions.githubusercontent.com:sub'], ['repo:acme/signup-app:ref:refs/heads/main', 'repo:acme/signup-app:environment:e2e-approval']);
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    assert.equal(outputs[CI_OUTPUTS.E2E_ENVIRONMENT]?.Value, 'e2e-approval');
    assert.deepStrictEqual(outputs[CI_OUTPUTS.E2E_ROLE_ARN]?.Value, { 'Fn::GetAtt': [Object.keys(resources(template, 'AWS::IAM::Role'))[0], 'Arn'] });
    assert.equal(outputs[CI_OUTPUTS.AWS_REGION]?.Value !== undefined, true);
    for (const bad of ['', 'aws test pool', 'aws-*', 'a:b']) assert.throws(() => synth({ githubEnvironment: bad }), /githubEnvironment is/, JSON.stringify(bad));
  });

  test("a repository's immutable subject (owner@ORG_ID/repo@REPO_ID) is trusted in that form", () => {
    const trust = JSON.stringify(trustOf(synth({ githubRepo: 'acme@123456/signup-app@789012' }).template));
    assert.match(trust, /"repo:acme@123456\/signup-app@789012:ref:refs\/heads\/main"/);
    assert.match(trust, /"repo:acme@123456\/signup-app@789012:environment:aws-test-pool"/);
  });

  test('an existing OIDC provider is used by its ARN, and none is created', () => {
    const arn = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
    const { template } = synth({ githubOidcProviderArn: arn });
    template.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    template.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Federated: arn } })] } });
  });

  test('a repository that is not owner/repo stops the synth', () => {
    assert.throws(() => synth({ githubRepo: 'acme' }), /not owner\/repo/);
    assert.throws(() => synth({ githubRepo: 'acme/*' }), /not owner\/repo/);
    assert.throws(() => synth({ githubRepo: 'acme@123/signup-app' }), /not owner\/repo/);
  });
});

test("cdk-nag's AWS Solutions checks: no finding, error or warning, but the two each pool acknowledges, and SES's \"*\" on the CI role, each with its reason", () => {
  for (const props of [{}, { ses: SES, passwordless: true, emailMfa: true, passkeys: { relyingPartyId: 'app.example.com' } }]) {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'infra-nag-')) });
    const stack = new TestPoolStack(app, 'TestPool', { ...BASE, ...props });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // An error throws at synthesis; a warning only lands in the report, so the report is read too.
    const assembly = app.synth();
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as { pluginReports: { violations: { ruleName: string }[] }[] };
    assert.deepStrictEqual(report.pluginReports.flatMap((p) => p.violations.map((v) => v.ruleName)), []);
    const acknowledged = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => [c.node.path, m.data as Record<string, string>] as const))
      .flatMap(([path, data]) => Object.entries(data).map(([rule, reason]) => `${path} ${rule} ${reason.length > 40 ? 'with a reason' : 'WITHOUT A REASON'}`));
    assert.deepStrictEqual(acknowledged.sort(), [
      'TestPool/LinkPool Annotation::AwsSolutions-COG2 with a reason',
      'TestPool/LinkPool Annotation::AwsSolutions-COG8 with a reason',
      'TestPool/MainPool Annotation::AwsSolutions-COG2 with a reason',
      'TestPool/MainPool Annotation::AwsSolutions-COG8 with a reason',
      ...('ses' in props ? ['TestPool/CiRole Annotation::AwsSolutions-IAM5[Resource::*] with a reason'] : []),
    ].sort());
  }
});
