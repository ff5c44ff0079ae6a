import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { TestPoolStack, type TestPoolStackProps } from '../lib/test-pool-stack.js';

/**
 * The test pools, configured by context values (`-c name=value`), read here and
 * nowhere else. No lookups and no account or region in the code: the template
 * is environment-agnostic, so `cdk synth` needs neither credentials nor network,
 * and `cdk deploy` takes the account and region of the credentials it runs with.
 */
const app = new App();
const context = (name: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(name);
  return value === undefined || value === '' ? undefined : String(value);
};
const required = (name: string, example: string): string => {
  const value = context(name);
  if (!value) throw new Error(`Missing context value ${name}: pass -c ${name}=${example} (docs/adopting.md, "Get a test pool")`);
  return value;
};

const sesFrom = context('sesFrom');
const sesSourceArn = context('sesSourceArn');
if (Boolean(sesFrom) !== Boolean(sesSourceArn)) {
  throw new Error('SES needs both -c sesFrom=<From header> and -c sesSourceArn=<verified identity ARN>, or neither');
}
const props: TestPoolStackProps = {
  githubRepo: required('githubRepo', 'owner/repo'),
  githubEnvironment: context('githubEnvironment'),
  domainPrefix: required('domainPrefix', 'acme-signup-e2e-links'),
  githubOidcProviderArn: context('githubOidcProviderArn'),
  ses: sesFrom && sesSourceArn ? { from: sesFrom, sourceArn: sesSourceArn } : undefined,
  passwordless: context('passwordless') === 'true',
  emailMfa: context('emailMfa') === 'true',
  passkeys: context('passkeyRelyingPartyId') ? { relyingPartyId: context('passkeyRelyingPartyId') as string } : undefined,
};
new TestPoolStack(app, context('stackName') ?? 'CognitoSignupE2eTestPool', props);
// A finding of AWS's Solutions checks fails the synth, unless the stack suppresses it with its reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
