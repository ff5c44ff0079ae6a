import { runPlaywright } from '../../../tools/child-run';
import { expect, test } from '../fixtures';
import { storyCount } from '../support/stories';

test('two shards run at the same time against one stack do not disturb each other', async ({ settings }) => {
  test.skip(settings.target !== 'local', 'shards share the embedded stack');
  // Each shard tells about a dozen stories on one worker, beside the other self-tests: a minute alone, two or more on a loaded machine.
  test.setTimeout(300_000);
  // CI unset: each shard reuses the stack this run already started, as two CI jobs would share one.
  const shard = (n: number) => runPlaywright(['--project=local', `--shard=${n}/2`], { CI: undefined }, { timeoutMs: 280_000 });
  const [first, second] = await Promise.all([shard(1), shard(2)]);

  // The browser stories that passed in a shard (each shard also runs the doctor first).
  const passed = (output: string) => output.split('\n').filter((line) => /✓ +\d+ \[local\] ›/.test(line)).length;
  expect(first.exitCode, first.output).toBe(0);
  expect(second.exitCode, second.output).toBe(0);
  expect(first.output).not.toMatch(/\bfailed\b|\bflaky\b/);
  expect(second.output).not.toMatch(/\bfailed\b|\bflaky\b/);
  // Every story ran exactly once across the two shards.
  expect(passed(first.output) + passed(second.output)).toBe(storyCount());
  expect(passed(first.output)).toBeGreaterThan(0);
  expect(passed(second.output)).toBeGreaterThan(0);
});
