import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { REMOTE_VARIABLES } from '../../config/settings';
import { expect, test } from '@playwright/test';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
  env?: Record<string, string>;
  steps: Step[];
  strategy?: { matrix: { shard?: number[]; node?: number[] } };
}
const workflow = parse(readFileSync('.github/workflows/e2e.yml', 'utf8')) as { on: Record<string, unknown>; env: Record<string, string>; jobs: Record<string, Job> };
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
