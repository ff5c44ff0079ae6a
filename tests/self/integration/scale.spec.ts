// At scale, Cognito's request rates and its email quota are the limit, not
// CPUs. Two shards of two workers each run every story at once against one
// emulator whose rates are lowered until throttling really happens: the
// suite's own calls must back off and retry, and the run must end green with
// nothing left behind.
import { writeFileSync } from 'node:fs';
import { SCALE_RATE_LIMITS, runShardsAtOnce } from '../../../tools/scale-run';
import { expect, test } from '../fixtures';
import { storyCount } from '../support/stories';

test('2 shards × 2 workers against one emulator with lowered rates: throttled calls retried, no failure, nothing left behind', async ({ startPrivateStack }, testInfo) => {
  // Four browsers and two test runners: run alone (npm run scale, after test:self in CI), so that no other self-test's child run shares the cores.
  test.skip(process.env.E2E_SCALE !== '1', 'run by npm run scale');
  test.setTimeout(600_000);
  const { env, urls, listUsers } = await startPrivateStack({ quotas: { rateLimits: SCALE_RATE_LIMITS } });
  const run = await runShardsAtOnce(env, urls.cognito);
  for (const [i, shard] of run.shards.entries()) {
    // Kept beside the test's other results, for reading a red run after it.
    writeFileSync(testInfo.outputPath(`shard-${i + 1}.log`), shard.output);
    await testInfo.attach(`shard ${i + 1} of 2`, { path: testInfo.outputPath(`shard-${i + 1}.log`), contentType: 'text/plain' });
  }
  const figures = `${run.passed} stories passed, ${run.failed} failed, in ${Math.round(run.seconds)} s; throttled calls, all retried: ${run.throttled} ${JSON.stringify(run.quotas.throttled)}; calls by category, total and peak a second: ${JSON.stringify(run.quotas.calls)}`;
  testInfo.annotations.push({ type: 'scale', description: figures });
  console.log(`scale: ${figures}`);

  await test.step('every story ran once across the shards, and none failed', () => {
    for (const shard of run.shards) {
      expect(shard.exitCode, shard.output.slice(-3_000)).toBe(0);
      expect(shard.output).not.toMatch(/\bfailed\b|\bflaky\b/);
    }
    expect([run.passed, run.failed]).toEqual([storyCount(), 0]);
  });

  await test.step('throttling really happened, and was retried', () => {
    expect(run.throttled, figures).toBeGreaterThan(0);
  });

  await test.step('no user and no mail left behind', async () => {
    expect(await listUsers()).toEqual([]);
    expect((await (await fetch(`${urls.mailWeb}/api/email`)).json()) as unknown[]).toEqual([]);
  });
});
