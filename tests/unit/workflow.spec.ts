import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { REMOTE_VARIABLES } from '../../config/settings';
import { expect, test } from '@playwright/test';
import {
  CREDENTIALS_ACTION,
  credentialReachProblems,
  pinProblems,
  pullRequestTargetProblems,
  staticKeyProblems,
  tokenProblems,
  type Step,
  type Workflow,
} from './workflow-checks';

const text = readFileSync('.github/workflows/e2e.yml', 'utf8');
const workflow = parse(text) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
/** Where the workflow is documented: docs/ci.md. */
const ciDoc = readFileSync('docs/ci.md', 'utf8');

/** Every command in docs/ci.md's shell blocks, comments dropped. */
const documentedCommands = new Set(
  [...ciDoc.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((block) =>
    (block[1] as string).split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean),
  ),
);
/** Shard numbers and ${{ }} expressions differ between docs/ci.md's example and the matrix: compare their shape. */
const shape = (command: string) => command.replace(/\$\{\{[^}]+\}\}/g, 'N').replace(/--shard=\S+/, '--shard=N/N');

test('the workflow parses, and has the doctor, a sharded matrix over Node 20, 22 and 24, merged reports and a janitor', () => {
  expect(Object.keys(workflow.jobs)).toEqual(['doctor', 'e2e', 'report', 'janitor']);
  expect(workflow.jobs.e2e!.needs).toBe('doctor');
  expect(workflow.jobs.e2e!.strategy!.matrix).toEqual({ node: [20, 22, 24], shard: [1, 2, 3, 4] });
  expect(workflow.jobs.e2e!.steps.find((s) => s.uses === 'actions/setup-node@v4')?.with).toMatchObject({ 'node-version': '${{ matrix.node }}' });
  expect(workflow.jobs.report!.needs).toBe('e2e');
  expect(workflow.jobs.report!.strategy!.matrix.node).toEqual([20, 22, 24]);
  const uses = (job: string) => workflow.jobs[job]!.steps.map((s) => s.uses).filter(Boolean);
  expect(uses('e2e')).toContain('actions/upload-artifact@v4');
  expect(uses('report')).toContain('actions/download-artifact@v4');
});

test('each secret reaches only the steps that run the suite, never the workflow, a job, an install or an action', () => {
  const secretNames = (env?: Record<string, string>) => Object.values(env ?? {}).filter((v) => /secrets\./.test(v) && !/!= ''/.test(v));
  expect(secretNames(workflow.env)).toEqual([]);
  for (const job of Object.values(workflow.jobs)) expect(secretNames(job.env)).toEqual([]);
  for (const step of steps.filter((s) => secretNames(s.env).length)) {
    expect(step.uses, 'an action given a secret').toBeUndefined();
    expect(step.run, 'a step given secrets').toMatch(/^npx playwright test|^npm run janitor/);
  }
  expect(steps.filter((s) => /npm ci/.test(s.run ?? '')).every((s) => !s.env)).toBe(true);
});

test('a cancelled or failed job still cleans up, and the scheduled janitor only lists unless told to delete', () => {
  const cleanup = workflow.jobs.e2e!.steps.find((s) => s.run?.startsWith('npm run janitor'));
  expect(cleanup?.if).toMatch(/^always\(\)/);
  expect(cleanup?.run).toBe('npm run janitor -- --run "$E2E_RUN_ID" --delete');
  expect(workflow.jobs.e2e!.env?.E2E_RUN_ID).toMatch(/github\.run_id/);
  expect(workflow.on).toHaveProperty('schedule');
  const janitor = workflow.jobs.janitor!.steps.filter((s) => s.run?.startsWith('npm run janitor'));
  expect(janitor.map((s) => [s.run, s.if])).toEqual([
    ['npm run janitor -- --older-than 2h', "env.HAS_REAL_SERVICES == 'true' && !inputs.janitor-delete"],
    ['npm run janitor -- --older-than 2h --delete', "env.HAS_REAL_SERVICES == 'true' && inputs.janitor-delete"],
  ]);
});

test('every command the workflow runs is one docs/ci.md gives', () => {
  const commands = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run.trim()] : [])));
  expect(commands.length).toBeGreaterThanOrEqual(6);
  const documented = new Set([...documentedCommands].map(shape));
  for (const command of commands) expect(documented, `docs/ci.md shows: ${command}`).toContain(shape(command));
});

test('secrets come from repository secrets named as the variables', () => {
  const given = steps.filter((s) => s.env?.MAILSLURP_API_KEY);
  expect(given.length).toBeGreaterThanOrEqual(4);
  for (const step of given) for (const name of Object.keys(REMOTE_VARIABLES)) expect(step.env?.[name]).toBe(`\${{ secrets.${name} }}`);
});

test('no stored AWS key: each job assumes the role infra/ creates, and its steps get the credentials from that step', () => {
  expect(staticKeyProblems(workflow, text)).toEqual([]);
  const credentialSteps = steps.filter((s) => s.uses?.startsWith(`${CREDENTIALS_ACTION}@`));
  expect(credentialSteps).toHaveLength(3);
  for (const step of credentialSteps) {
    expect(step.with).toMatchObject({ 'role-to-assume': '${{ vars.E2E_ROLE_ARN }}', 'output-credentials': true, 'output-env-credentials': false });
  }
});

test('AWS credentials reach only the steps that run the suite, the credentials step right before them; never an install or an action', () => {
  expect(credentialReachProblems(workflow)).toEqual([]);
  const holders = (job: string) => workflow.jobs[job]!.steps.filter((s) => s.env?.AWS_ACCESS_KEY_ID).map((s) => s.run);
  expect(holders('doctor')).toEqual(['npx playwright test --project=doctor']);
  expect(holders('e2e')).toEqual(['npx playwright test --shard=${{ matrix.shard }}/4', 'npm run janitor -- --run "$E2E_RUN_ID" --delete']);
  expect(holders('report')).toEqual([]);
});

test('only the jobs that assume the role may ask for a token; they install without scripts, and hold code not on main for approval', () => {
  expect(tokenProblems(workflow)).toEqual([]);
});

test('pull_request_target appears nowhere, and actions outside GitHub\'s own are pinned to a commit', () => {
  expect(pullRequestTargetProblems(text)).toEqual([]);
  expect(pinProblems(workflow)).toEqual([]);
  // The version the commit is, for whoever updates it.
  expect(text).toMatch(new RegExp(`uses: ${CREDENTIALS_ACTION}@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+\\n`));
});

test('each check fails on a copy of the workflow broken on purpose', () => {
  /** The problems of a changed copy of the workflow, every check run. */
  const problemsOf = (change: (w: Workflow) => void) => {
    const copy = structuredClone(workflow);
    change(copy);
    const copyText = stringify(copy);
    return [...staticKeyProblems(copy, copyText), ...credentialReachProblems(copy), ...tokenProblems(copy), ...pullRequestTargetProblems(copyText), ...pinProblems(copy)];
  };
  const step = (w: Workflow, job: string, starts: string): Step => w.jobs[job]!.steps.find((s) => (s.run ?? s.uses ?? '').startsWith(starts))!;
  const credentials = (w: Workflow, job: string) => step(w, job, CREDENTIALS_ACTION);
  const broken: [string, (w: Workflow) => void, RegExp][] = [
    ['a stored key in the tests\' env', (w) => Object.assign(step(w, 'e2e', 'npx playwright test').env!, { AWS_ACCESS_KEY_ID: '${{ secrets.AWS_ACCESS_KEY_ID }}' }), /a stored key: secrets\.AWS_ACCESS_KEY_ID/],
    ['keys handed to the credentials action', (w) => Object.assign(credentials(w, 'janitor').with!, { 'aws-access-key-id': '${{ secrets.KEY_ID }}' }), /handed keys \(aws-access-key-id\)/],
    ['a job-wide key', (w) => (w.jobs.report!.env = { AWS_SECRET_ACCESS_KEY: 'literal' }), /report: the job's env sets AWS credentials/],
    ['credentials given to npm ci', (w) => (step(w, 'doctor', 'npm ci').env = { AWS_SESSION_TOKEN: '${{ steps.aws.outputs.aws-session-token }}' }), /"npm ci --ignore-scripts && npm run setup": an install holds AWS credentials/],
    ['credentials exported to every later step', (w) => delete credentials(w, 'e2e').with!['output-env-credentials'], /"actions\/upload-artifact@v4": an action holds AWS credentials/],
    ['the credentials step before the install', (w) => {
      const job = w.jobs.janitor!;
      const moved = job.steps.splice(job.steps.indexOf(credentials(w, 'janitor')), 1)[0]!;
      job.steps.splice(2, 0, { ...moved, with: { ...moved.with, 'output-env-credentials': true } });
    }, /janitor: "npm ci --ignore-scripts": an install holds AWS credentials/],
    ['an action between the credentials and the tests', (w) => {
      const job = w.jobs.e2e!;
      job.steps.splice(job.steps.indexOf(credentials(w, 'e2e')) + 1, 0, { uses: 'someone/helper@0123456789abcdef0123456789abcdef01234567' });
    }, /e2e: "AWS credentials .*": not right before a step that runs the suite \(next: "someone\/helper@/],
    ['a command chained to the tests', (w) => (step(w, 'doctor', 'npx playwright test').run = 'npx playwright test --project=doctor && node upload.js'), /a command that is not the suite holds AWS credentials/],
    ['install scripts where a token can be asked for', (w) => (step(w, 'e2e', 'npm ci').run = 'npm ci && npm run setup'), /e2e: "npm ci && npm run setup": installs with scripts/],
    ['a token for every job', (w) => (w.permissions = { contents: 'read', 'id-token': 'write' }), /the workflow grants id-token to every job/],
    ['a pull request\'s code without approval', (w) => delete w.jobs.e2e!.environment, /e2e: code not on main is not held in the approval environment/],
    ['pull_request_target', (w) => (w.on.pull_request_target = null), /pull_request_target appears/],
    ['the credentials action by a tag', (w) => (credentials(w, 'doctor').uses = `${CREDENTIALS_ACTION}@v6`), /is not pinned to a commit/],
  ];
  expect(problemsOf(() => {})).toEqual([]);
  for (const [what, change, expected] of broken) {
    expect(problemsOf(change).join('\n'), what).toMatch(expected);
  }
});
