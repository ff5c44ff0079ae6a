import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { envFiles, githubVariables, writeEnvFiles } from '../lib/env-files.js';
import { CI_OUTPUTS } from '../lib/outputs.js';

const OUTPUTS = {
  CognitoSignupE2eTestPool: {
    MainUserPoolId: 'eu-west-1_Main12345',
    MainClientId: 'mainclient123',
    LinkUserPoolId: 'eu-west-1_Link12345',
    LinkClientId: 'linkclient123',
    Region: 'eu-west-1',
    CiRoleArn: 'arn:aws:iam::123456789012:role/ci',
    CiEnvironment: 'aws-test-pool',
  },
};
/** The assignments of an env file, comments and blank lines left out. */
const assignments = (text: string) => text.split('\n').filter((line) => /^[A-Z_]+=/.test(line));

test('one env file per pool: its pool, client and region; BASE_URL and MAILSLURP_API_KEY left to fill in', () => {
  const files = envFiles(OUTPUTS, 'CognitoSignupE2eTestPool');
  assert.deepStrictEqual(Object.keys(files), ['.env', '.env.link-verification']);
  assert.deepStrictEqual(assignments(files['.env']!), [
    'COGNITO_USER_POOL_ID=eu-west-1_Main12345',
    'COGNITO_CLIENT_ID=mainclient123',
    'AWS_REGION=eu-west-1',
    'BASE_URL=',
    'MAILSLURP_API_KEY=',
  ]);
  assert.deepStrictEqual(assignments(files['.env.link-verification']!), [
    'COGNITO_USER_POOL_ID=eu-west-1_Link12345',
    'COGNITO_CLIENT_ID=linkclient123',
    'AWS_REGION=eu-west-1',
    'BASE_URL=',
    'MAILSLURP_API_KEY=',
  ]);
  assert.match(files['.env']!, /arn:aws:iam::123456789012:role\/ci/);
});

test('another stack, or a missing output, is an error that says which', () => {
  assert.throws(() => envFiles(OUTPUTS, 'Other'), /no stack Other \(it has: CognitoSignupE2eTestPool\)/);
  const { LinkClientId: _gone, ...partial } = OUTPUTS.CognitoSignupE2eTestPool;
  assert.throws(() => envFiles({ CognitoSignupE2eTestPool: partial }, 'CognitoSignupE2eTestPool'), /no output LinkClientId/);
});

test('a file already there is kept, and nothing is written, unless forced', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infra-env-'));
  writeFileSync(join(dir, '.env'), 'MAILSLURP_API_KEY=kept\n');
  const files = envFiles(OUTPUTS, 'CognitoSignupE2eTestPool');
  assert.throws(() => writeEnvFiles(dir, files, false), /Not written: \.env already in .*--force/);
  assert.equal(readFileSync(join(dir, '.env'), 'utf8'), 'MAILSLURP_API_KEY=kept\n');
  assert.throws(() => readFileSync(join(dir, '.env.link-verification')), /ENOENT/, 'all or none: the other file is not written either');
  writeEnvFiles(dir, files, true);
  assert.equal(readFileSync(join(dir, '.env'), 'utf8'), files['.env']);
});

test("the repository variables for `gh variable set --env-file -`: the role, the approval environment and the region, nothing secret", () => {
  assert.equal(
    githubVariables(OUTPUTS, 'CognitoSignupE2eTestPool'),
    'E2E_ROLE_ARN=arn:aws:iam::123456789012:role/ci\nE2E_ENVIRONMENT=aws-test-pool\nAWS_REGION=eu-west-1\n',
  );
  const { CiEnvironment: _gone, ...partial } = OUTPUTS.CognitoSignupE2eTestPool;
  assert.throws(() => githubVariables({ CognitoSignupE2eTestPool: partial }, 'CognitoSignupE2eTestPool'), /no output CiEnvironment: was it deployed from this infra\/\?/);
});

test('the GitHub Actions workflow reads exactly the repository variables the stack gives, no more and no fewer', () => {
  const workflow = readFileSync(new URL('../../.github/workflows/e2e.yml', import.meta.url), 'utf8');
  const read = new Set([...workflow.matchAll(/\bvars\.([A-Z0-9_]+)/g)].map((m) => m[1]));
  assert.deepStrictEqual([...read].sort(), Object.keys(CI_OUTPUTS).sort());
});
