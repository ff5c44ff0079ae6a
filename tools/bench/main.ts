/**
 * npm run bench: how fast is the suite, and how does it compare with the
 * sleep-based script? Starts a stack of its own on free ports, runs the timed
 * flows (tools/bench/) through Playwright, prints a table and writes
 * bench-results/bench.json. Targets are reported, never asserted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { stackOnFreePorts } from '../../local/free-port.js';
import { runCommand } from '../child-run.js';
import type { FlowTimings, Outcome } from './record.js';
import { ensureAppBuilt } from '../../local/app/serve.js';
import { stackEnv, stackUrls, type StackSettings } from '../../local/stack-settings.js';
import { CATEGORY_RPS, type RateLimits } from '../../common/cognito-quotas.js';
import { SCALE_RATE_LIMITS, runShardsAtOnce } from '../scale-run.js';
import { STORY_KEYS } from '../../plan/stories.js';

const SIZES = { coldStarts: 3, oneWorker: 12, twoWorkers: 16, patterns: 10, oneStory: 3 };
const TARGETS = { flowMedianMs: 1_000, catcherToSeenMs: 50, coldStartMs: 1_500, fixtureOverheadMs: 150, oneStoryWarmMs: 4_500, oneStoryColdMs: 6_000 };
/** The story a developer runs again and again, as the README's debug loop runs it. */
const ONE_STORY = ['playwright', 'test', 'tests/e2e/signup-verification.spec.ts', '--project=local'];
/** Mail latency of the realistic scenario: Cognito mails after answering, typically seconds later. */
const REALISTIC_LATENCY = { min: 500, max: 5_000 };

const progress = (line: string) => process.stdout.write(`[bench] ${line}\n`);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

/** Starts the stack as a user would (the command), and returns once its app serves /config.json. */
async function startStackProcess(env: Record<string, string>, configUrl: string): Promise<{ child: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const child = spawn('node', ['local/run-stack.mjs'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the stack exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(configUrl).then((r) => r.ok, () => false);
    if (ready) return { child, readyMs: performance.now() - started };
    if (performance.now() - started > 60_000) throw new Error('the stack was not ready within 60 s');
    await pause(10); // polling the readiness condition, not guessing a start-up time
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface JsonResult {
  status: string;
  startTime: string;
  duration: number;
  attachments: { name: string; body?: string }[];
}

async function runFlows(project: string, count: number, workers: number, env: Record<string, string>) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'results.json');
  const run = await runCommand(
    'npx',
    ['playwright', 'test', '--config=tools/bench/playwright.bench.config.ts', `--project=${project}`, `--workers=${workers}`],
    { ...env, BENCH_FLOWS: String(count), PLAYWRIGHT_JSON_OUTPUT_NAME: file, CI: undefined },
    600_000,
  );
  if (!existsSync(file)) throw new Error(`the ${project} run wrote no results:\n${run.output.slice(-2000)}`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: unknown[] };
  const results: JsonResult[] = [];
  const walk = (suite: { specs?: { tests: { results: JsonResult[] }[] }[]; suites?: unknown[] }) => {
    suite.specs?.forEach((spec) => spec.tests.forEach((t) => results.push(...t.results)));
    suite.suites?.forEach((s) => walk(s as typeof suite));
  };
  report.suites.forEach((s) => walk(s as Parameters<typeof walk>[0]));
  const failed = results.filter((r) => r.status !== 'passed').length;
  const timed = results.flatMap((r) =>
    r.attachments
      .filter((a) => a.name === 'bench' && a.body)
      .map((a) => ({ ...(JSON.parse(Buffer.from(a.body as string, 'base64').toString()) as FlowTimings), durationMs: r.duration })),
  );
  // Throughput over the span from the first flow's start to the last one's end: worker and browser start-up excluded.
  const starts = results.map((r) => Date.parse(r.startTime));
  const span = Math.max(...results.map((r) => Date.parse(r.startTime) + r.duration)) - Math.min(...starts);
  return { timings: timed, failed, perMinute: (results.length / span) * 60_000 };
}

type FlowRun = Awaited<ReturnType<typeof runFlows>>;

/** Every story as 2 shards × 2 workers at once, on a stack of its own with these request rates. */
async function scaleFigures(settings: StackSettings, rateLimits: RateLimits) {
  const scaled = { ...settings, quotas: { rateLimits, emailDailyLimit: 'off' as const }, dataDir: mkdtempSync(path.join(tmpdir(), 'bench-stack-scale-')) };
  const { child } = await startStackProcess(stackEnv(scaled), stackUrls(scaled).appConfig);
  try {
    const run = await runShardsAtOnce(stackEnv(scaled), stackUrls(scaled).cognito);
    return { seconds: run.seconds, passed: run.passed, failed: run.failed, throttled: run.throttled, throttledByOperation: run.quotas.throttled, calls: run.quotas.calls };
  } finally {
    await stop(child);
  }
}

/** One re-run pattern's figures: time from "delete the earlier user" to CONFIRMED (or to its failure), and how its iterations ended. */
function patternFigures(run: FlowRun) {
  const outcomes = (outcome: Outcome) => run.timings.filter((t) => t.outcome === outcome).length;
  return {
    ...stats(run.timings.map((t) => t.flowMs)),
    confirmed: outcomes('confirmed'),
    wrongCode: outcomes('wrong code'),
    noCode: outcomes('no code'),
    failed: outcomes('failed') + run.failed,
  };
}

/** Both re-run patterns, one after the other, against the stack `env` points at. */
async function bothPatterns(env: Record<string, string>) {
  progress(`  the suite's pattern × ${SIZES.patterns}, one address…`);
  const suite = patternFigures(await runFlows('suite-pattern', SIZES.patterns, 1, env));
  progress(`  the script pattern × ${SIZES.patterns}, one address…`);
  const script = patternFigures(await runFlows('script-pattern', SIZES.patterns, 1, env));
  return { suite, script, ratio: script.median / suite.median };
}

/** A command's wall time, from its start to its exit, which must be 0. */
async function timedCommand(what: string, args: string[], env: Record<string, string | undefined>): Promise<number> {
  const run = await runCommand('npx', args, { ...env, CI: undefined }, 180_000);
  if (run.exitCode !== 0) throw new Error(`${what} failed (exit ${run.exitCode}):\n${run.output.slice(-2000)}`);
  return run.elapsedMs;
}

/**
 * The debug loop: one story from the command to its end, the way a developer
 * runs it, cold (the test command starts the stack) and warm (a stack already
 * running, reused), and Playwright's floor (floor.config.ts) in the same turns,
 * so that the ratios hold on a noisy machine. Runs alternate, floor, warm and
 * cold in each round, so that a slow moment falls on all three alike.
 */
async function oneStoryFigures(env: Record<string, string>, configUrl: string) {
  const figures = { floor: [] as number[], warm: [] as number[], cold: [] as number[] };
  for (let i = 1; i <= SIZES.oneStory; i++) {
    const { child } = await startStackProcess(env, configUrl);
    try {
      figures.floor.push(await timedCommand("Playwright's floor", ['playwright', 'test', '--config=tools/bench/floor.config.ts'], { ...env, BENCH_FLOOR_URL: configUrl.replace(/\/config\.json$/, '/') }));
      figures.warm.push(await timedCommand('one story, warm', ONE_STORY, env));
    } finally {
      await stop(child);
    }
    figures.cold.push(await timedCommand('one story, cold', ONE_STORY, env));
    progress(`  round ${i}/${SIZES.oneStory}: floor ${Math.round(figures.floor.at(-1)!)} ms, warm ${Math.round(figures.warm.at(-1)!)} ms, cold ${Math.round(figures.cold.at(-1)!)} ms`);
  }
  return { floor: stats(figures.floor), warm: stats(figures.warm), cold: stats(figures.cold), runs: figures };
}

/** The one-story lines, printed: medians, and each against the floor measured alongside. */
function printOneStory(one: Awaited<ReturnType<typeof oneStoryFigures>>) {
  const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const rows: [string, string, string, string][] = [
    ["One story: Playwright's floor (one test opening a page, minimal config)", `median ${s(one.floor.median)}`, '', ''],
    ['One story, warm (npm run stack running, reused): command → exit', `median ${s(one.warm.median)} (floor + ${s(one.warm.median - one.floor.median)}, ×${(one.warm.median / one.floor.median).toFixed(2)})`, `≤ ${s(TARGETS.oneStoryWarmMs)}`, mark(one.warm.median <= TARGETS.oneStoryWarmMs)],
    ['One story, cold (the command starts the stack): command → exit', `median ${s(one.cold.median)} (floor + ${s(one.cold.median - one.floor.median)}, ×${(one.cold.median / one.floor.median).toFixed(2)})`, `≤ ${s(TARGETS.oneStoryColdMs)}`, mark(one.cold.median <= TARGETS.oneStoryColdMs)],
  ];
  const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log(`\n\`npx ${ONE_STORY.join(' ')}\`, ${SIZES.oneStory} rounds:`);
  for (const [what, measured, target, ok] of rows) console.log(`${what.padEnd(width[0]!)}  ${measured.padEnd(width[1]!)}  ${target.padEnd(width[2]!)}  ${ok}`.trimEnd());
}

async function main() {
  const began = performance.now();
  if (process.argv.includes('--one-story')) {
    // The debug loop alone: a minute, for a developer checking what a change did to it.
    await ensureAppBuilt(progress);
    const settings = await stackOnFreePorts(mkdtempSync(path.join(tmpdir(), 'bench-stack-one-')));
    progress(`one story, ${SIZES.oneStory} rounds of floor, warm and cold…`);
    const one = await oneStoryFigures(stackEnv(settings), stackUrls(settings).appConfig);
    printOneStory(one);
    console.log(`\nMachine: ${process.platform} ${process.arch}, Node ${process.version}; noisy: compare medians and ratios, not single runs.`);
    return;
  }
  progress('building the demo app if its sources changed');
  await ensureAppBuilt(progress);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-stack-'));
  const settings = await stackOnFreePorts(dataDir);
  const acceptLog = path.join(dataDir, 'accepted.jsonl');
  const env = { ...stackEnv(settings), LOCAL_BENCH_ACCEPT_LOG: acceptLog };
  const urls = stackUrls(settings);
  /** The stack's default latency, which every run of the suite has unless told otherwise. */
  const defaultLatency = `mail ${settings.mailLatencyMs.min}–${settings.mailLatencyMs.max} ms after the answer (the default)`;

  progress(`one story, ${SIZES.oneStory} rounds of floor, warm and cold…`);
  const oneStory = await oneStoryFigures(stackEnv(settings), urls.appConfig);

  const coldStarts: number[] = [];
  let stack: ChildProcess | undefined;
  for (let i = 1; i <= SIZES.coldStarts; i++) {
    if (stack) await stop(stack);
    const { child, readyMs } = await startStackProcess(env, urls.appConfig);
    stack = child;
    coldStarts.push(readyMs);
    progress(`stack cold start ${i}/${SIZES.coldStarts}: ready in ${Math.round(readyMs)} ms`);
  }

  try {
    progress(`full flows with a fresh inbox each, 1 worker × ${SIZES.oneWorker}…`);
    const one = await runFlows('flow', SIZES.oneWorker, 1, env);
    progress(`empty tests with a page (Playwright's own cost) × ${SIZES.oneWorker}…`);
    const empty = await runFlows('empty-page', SIZES.oneWorker, 1, env);
    progress(`full flows with a fresh inbox each, 2 workers × ${SIZES.twoWorkers}…`);
    const two = await runFlows('flow', SIZES.twoWorkers, 2, env);
    progress(`re-run patterns, ${defaultLatency}:`);
    const atDefault = await bothPatterns(env);
    if (stack) await stop(stack);
    stack = undefined;

    const late = { ...settings, mailLatencyMs: REALISTIC_LATENCY, dataDir: mkdtempSync(path.join(tmpdir(), 'bench-stack-late-')) };
    ({ child: stack } = await startStackProcess(stackEnv(late), urls.appConfig));
    progress(`re-run patterns, mail ${REALISTIC_LATENCY.min}–${REALISTIC_LATENCY.max} ms after the answer (as Cognito does):`);
    const realistic = await bothPatterns(stackEnv(late));
    await stop(stack);
    stack = undefined;

    progress("every story as 2 shards × 2 workers at once, at AWS's request rates…");
    const scaleAws = await scaleFigures(settings, { ...CATEGORY_RPS });
    progress('the same, with the rates of the suite-only categories lowered until throttling happens…');
    const scaleLowered = await scaleFigures(settings, { ...CATEGORY_RPS, ...SCALE_RATE_LIMITS });

    const accepted = new Map(
      readFileSync(acceptLog, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; acceptedAt: number })
        .map((a) => [a.id, a.acceptedAt]),
    );
    const catcherToSeen = one.timings.flatMap((t) => (t.emailId && t.seenAt && accepted.has(t.emailId) ? [t.seenAt - accepted.get(t.emailId)!] : []));

    const flow = stats(one.timings.map((t) => t.flowMs));
    const clickToCode = stats(one.timings.flatMap((t) => (t.clickToCodeMs === undefined ? [] : [t.clickToCodeMs])));
    const seen = stats(catcherToSeen);
    const cold = stats(coldStarts);
    const overhead = stats(one.timings.flatMap((t) => (t.bodyMs === undefined ? [] : [t.durationMs - t.bodyMs])));
    const pageOnly = stats(empty.timings.map((t) => t.durationMs));

    const ms = (v: number) => `${Math.round(v)} ms`;
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    const pattern = (p: ReturnType<typeof patternFigures>) =>
      `median ${ms(p.median)}, p95 ${ms(p.p95)}; confirmed ${p.confirmed}/${p.n}, wrong code ${p.wrongCode}, no code ${p.noCode}, failed ${p.failed}`;
    const rows: [string, string, string, string][] = [
      ['Full flow, fresh inbox: page opened → CONFIRMED (1 worker)', `median ${ms(flow.median)}, p95 ${ms(flow.p95)} (n=${flow.n})`, `≤ ${ms(TARGETS.flowMedianMs)} median`, mark(flow.median <= TARGETS.flowMedianMs)],
      ['Email: click on "Create Account" → code in hand', `median ${ms(clickToCode.median)}, p95 ${ms(clickToCode.p95)}`, '', ''],
      ['Email: catcher has it → test sees it', `median ${ms(seen.median)}, p95 ${ms(seen.p95)} (n=${seen.n})`, `≤ ${ms(TARGETS.catcherToSeenMs)}`, mark(seen.median <= TARGETS.catcherToSeenMs)],
      ['Per test: duration − body (every fixture, Playwright\'s page too)', `median ${ms(overhead.median)}, p95 ${ms(overhead.p95)} (n=${overhead.n})`, '', ''],
      ["Per test: Playwright's page alone (an empty test's duration)", `median ${ms(pageOnly.median)}, p95 ${ms(pageOnly.p95)} (n=${pageOnly.n})`, '', ''],
      ["Per test: the suite's own fixtures (difference of medians)", ms(overhead.median - pageOnly.median), `≤ ${ms(TARGETS.fixtureOverheadMs)}`, mark(overhead.median - pageOnly.median <= TARGETS.fixtureOverheadMs)],
      ['Stack cold start: command → all services ready', `median ${ms(cold.median)} (${coldStarts.map(ms).join(', ')})`, `≤ ${ms(TARGETS.coldStartMs)}`, mark(cold.median <= TARGETS.coldStartMs)],
      ['Throughput, 1 worker', `${one.perMinute.toFixed(1)} flows/min`, '', ''],
      ['Throughput, 2 workers', `${two.perMinute.toFixed(1)} flows/min (×${(two.perMinute / one.perMinute).toFixed(2)})`, '', ''],
    ];
    const patternRows: [string, string][] = [
      [`Mail ${settings.mailLatencyMs.min}–${settings.mailLatencyMs.max} ms late: the suite's pattern`, pattern(atDefault.suite)],
      [`Mail ${settings.mailLatencyMs.min}–${settings.mailLatencyMs.max} ms late: the script pattern`, pattern(atDefault.script)],
      [`Mail ${settings.mailLatencyMs.min}–${settings.mailLatencyMs.max} ms late: script ÷ suite (medians)`, `${atDefault.ratio.toFixed(2)}×`],
      [`Mail ${REALISTIC_LATENCY.min / 1000}–${REALISTIC_LATENCY.max / 1000} s late: the suite's pattern`, pattern(realistic.suite)],
      [`Mail ${REALISTIC_LATENCY.min / 1000}–${REALISTIC_LATENCY.max / 1000} s late: the script pattern`, pattern(realistic.script)],
      [`Mail ${REALISTIC_LATENCY.min / 1000}–${REALISTIC_LATENCY.max / 1000} s late: script ÷ suite (medians)`, `${realistic.ratio.toFixed(2)}×`],
    ];
    const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
    console.log('');
    for (const [what, measured, target, ok] of rows) {
      console.log(`${what.padEnd(width[0]!)}  ${measured.padEnd(width[1]!)}  ${target.padEnd(width[2]!)}  ${ok}`.trimEnd());
    }
    console.log(
      `\nRe-running a sign-up test on one address, ${SIZES.patterns} times per pattern, each timed from "delete the earlier user" to "Cognito says CONFIRMED"` +
        ' (or to the iteration\'s failure); before the first, an earlier user and its email exist, as on any re-run:',
    );
    const patternWidth = Math.max(...patternRows.map((r) => r[0].length));
    for (const [what, measured] of patternRows) console.log(`${what.padEnd(patternWidth)}  ${measured}`);
    // Every story of the catalogue should pass once across the shards: fewer, and the wall time measures less work.
    const scale = (run: typeof scaleAws) =>
      `${Math.round(run.seconds)} s; ${run.passed} of ${STORY_KEYS.length} stories passed, ${run.failed} failed; ${run.throttled} calls throttled and retried`;
    const scaleRows: [string, string][] = [
      ["AWS's request rates", scale(scaleAws)],
      [`Lowered (${Object.entries(SCALE_RATE_LIMITS).map(([c, rps]) => `${c} ${rps}/s`).join(', ')})`, scale(scaleLowered)],
      ['Lowered ÷ AWS (wall time)', `${(scaleLowered.seconds / scaleAws.seconds).toFixed(2)}×`],
    ];
    console.log('\nEvery story as 2 shards × 2 workers at once against one stack, timed from launching both shards to the end of the later (each shard\'s doctor and browsers included):');
    const scaleWidth = Math.max(...scaleRows.map((r) => r[0].length));
    for (const [what, measured] of scaleRows) console.log(`${what.padEnd(scaleWidth)}  ${measured}`);
    printOneStory(oneStory);
    console.log(`\nMachine: ${process.platform} ${process.arch}, Node ${process.version}; noisy: compare medians and ratios, not single runs.`);
    const failed = one.failed + two.failed + atDefault.suite.failed + realistic.suite.failed + scaleAws.failed + scaleLowered.failed;
    if (failed) console.log(`Warning: ${failed} flow(s) of the suite's own failed during the bench; their timings are left out.`);

    mkdirSync('bench-results', { recursive: true });
    const json = {
      at: new Date().toISOString(),
      node: process.version,
      sizes: SIZES,
      targets: TARGETS,
      flowMs: flow,
      clickToCodeMs: clickToCode,
      catcherToSeenMs: seen,
      testOverheadMs: overhead,
      pageOnlyMs: pageOnly,
      fixturesOwnMs: overhead.median - pageOnly.median,
      coldStartMs: { ...cold, runs: coldStarts },
      oneStoryMs: oneStory,
      throughputPerMinute: { oneWorker: one.perMinute, twoWorkers: two.perMinute },
      rerunPatterns: { defaultLatency: { latencyMs: settings.mailLatencyMs, ...atDefault }, realisticLatency: { latencyMs: REALISTIC_LATENCY, ...realistic } },
      scale: { awsRates: scaleAws, lowered: { rateLimits: SCALE_RATE_LIMITS, ...scaleLowered } },
      failedFlows: failed,
      benchSeconds: (performance.now() - began) / 1000,
    };
    writeFileSync('bench-results/bench.json', `${JSON.stringify(json, null, 2)}\n`);
    progress(`done in ${json.benchSeconds.toFixed(0)} s; wrote bench-results/bench.json`);
  } finally {
    if (stack) await stop(stack);
  }
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
