import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { REMOTE_VARIABLES } from '../../helpers/settings';
import { expect, test } from '../../fixtures';

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  steps: Step[];
  strategy?: { matrix: { shard: number[] } };
}
const workflow = parse(readFileSync('.github/workflows/e2e.yml', 'utf8')) as { env: Record<string, string>; jobs: Record<string, Job> };
const readme = readFileSync('README.md', 'utf8');

/** Every command in the README's shell blocks, comments dropped. */
const readmeCommands = new Set(
  [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((block) =>
    (block[1] as string).split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean),
  ),
);
/** Shard numbers and ${{ }} expressions differ between the README's example and the matrix: compare their shape. */
const shape = (command: string) => command.replace(/\$\{\{[^}]+\}\}/g, 'N').replace(/--shard=\S+/, '--shard=N/N');

test('the workflow parses, and has the doctor, a sharded matrix, and a merged report', () => {
  expect(Object.keys(workflow.jobs)).toEqual(['doctor', 'e2e', 'report']);
  expect(workflow.jobs.e2e!.needs).toBe('doctor');
  expect(workflow.jobs.e2e!.strategy!.matrix.shard).toEqual([1, 2, 3, 4]);
  expect(workflow.jobs.report!.needs).toBe('e2e');
  const uses = (job: string) => workflow.jobs[job]!.steps.map((s) => s.uses).filter(Boolean);
  expect(uses('e2e')).toContain('actions/upload-artifact@v4');
  expect(uses('report')).toContain('actions/download-artifact@v4');
  expect(workflow.jobs.doctor!.steps.find((s) => s.uses === 'actions/setup-node@v4')?.with).toMatchObject({ 'node-version': 20, cache: 'npm' });
});

test('every command the workflow runs is one the README gives', () => {
  const commands = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run.trim()] : [])));
  expect(commands.length).toBeGreaterThanOrEqual(6);
  const documented = new Set([...readmeCommands].map(shape));
  for (const command of commands) expect(documented, `README shows: ${command}`).toContain(shape(command));
});

test('secrets come from repository secrets named as the variables', () => {
  for (const name of Object.keys(REMOTE_VARIABLES)) expect(workflow.env[name]).toBe(`\${{ secrets.${name} }}`);
});
