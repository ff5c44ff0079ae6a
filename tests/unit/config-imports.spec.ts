// What Playwright loads before it can list a test: playwright.config.ts and its
// global setup and teardown, in the main process and again in every worker. Each
// module they import statically costs every command, so the heavy ones (the AWS
// SDK, the emulator, the MailSlurp client, the CDK) must be reached only through
// `await import()` where they are used. dependency-cruiser, which the lint
// already runs, draws the graph; this walks it along static imports only.
import { readFileSync } from 'node:fs';
import { cruise, type IModule } from 'dependency-cruiser';
import { expect, test } from '@playwright/test';

const CONFIG = 'playwright.config.ts';

/** Modules that have no place in the config's load: each would add its own load time to every run. */
const HEAVY: [RegExp, string][] = [
  [/node_modules\/@aws-sdk\//, 'the AWS SDK'],
  [/node_modules\/cognito-local\//, 'cognito-local'],
  [/node_modules\/mailslurp-client\//, 'the MailSlurp client'],
  [/node_modules\/(nodemailer|maildev)\//, 'the mail catcher'],
  [/node_modules\/(aws-cdk-lib|@simplewebauthn)\//, 'the CDK or a WebAuthn library'],
  [/^local\/(cognito|mail|app)\//, 'the embedded stack itself (only local/stack-settings.ts is allowed)'],
];

/** The config and the files it names as global setup or teardown, which Playwright loads with it. */
function roots(): string[] {
  const text = readFileSync(CONFIG, 'utf8');
  const named = [...text.matchAll(/global(?:Setup|Teardown):\s*'\.\/([^']+)'/g)].map((m) => m[1]!);
  return [CONFIG, ...named];
}

/** Every module reached from the roots by static, value imports (not `import type`, not `await import()`), with the path that reached it. */
async function staticallyReached(from: string[] = roots()): Promise<Map<string, string[]>> {
  const { output } = await cruise(from, { tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } });
  if (typeof output === 'string') throw new Error('dependency-cruiser gave text where a graph was asked for');
  const bySource = new Map<string, IModule>(output.modules.map((m) => [m.source, m]));
  const reached = new Map<string, string[]>(from.map((root) => [root, [root]]));
  const queue = [...from];
  while (queue.length) {
    const from = queue.shift()!;
    for (const dependency of bySource.get(from)?.dependencies ?? []) {
      if (dependency.dependencyTypes.some((type) => type === 'type-only' || type === 'dynamic-import')) continue;
      if (reached.has(dependency.resolved)) continue;
      reached.set(dependency.resolved, [...reached.get(from)!, dependency.resolved]);
      queue.push(dependency.resolved);
    }
  }
  return reached;
}

test('the config, its global setup and its teardown import nothing heavy at load time', async () => {
  expect(roots(), 'the config names its global teardown').toContain('config/global-teardown.ts');
  const reached = await staticallyReached();
  // The walk is only worth something if it walked: the config's own settings module must be in it.
  expect([...reached.keys()]).toContain('config/settings.ts');
  const offenders = [...reached].flatMap(([module, path]) => {
    const heavy = HEAVY.find(([pattern]) => pattern.test(module));
    return heavy ? [`${heavy[1]}: ${path.join(' → ')}`] : [];
  });
  expect(offenders, 'load these with `await import()` where they are used, not at the top of a module the config reaches').toEqual([]);
});

/** What only a run against the real services uses: loaded where it is called, never by a local run's processes. */
const REMOTE_ONLY: [RegExp, string][] = [
  [/node_modules\/@aws-sdk\/client-sesv2\//, "SES's SDK"],
  [/node_modules\/@aws-sdk\/client-cloudwatch-logs\//, "CloudWatch Logs' SDK"],
  [/node_modules\/mailslurp-client\//, 'the MailSlurp client'],
];

test("a worker's fixtures and the doctor load no SDK that only a remote run uses", async () => {
  const reached = await staticallyReached(['fixtures/index.ts', 'tests/setup/doctor.setup.ts']);
  expect([...reached.keys()]).toContain('helpers/diagnosis/delivery-records.ts');
  const offenders = [...reached].flatMap(([module, path]) => {
    const remote = REMOTE_ONLY.find(([pattern]) => pattern.test(module));
    return remote ? [`${remote[1]}: ${path.join(' → ')}`] : [];
  });
  expect(offenders, 'load these with `await import()` where they are used').toEqual([]);
});

/** What only some stories use: loaded by the stack at its first call, not at every start (local/run-stack.mjs bundles local/stack.ts). */
const ON_FIRST_USE: [RegExp, string][] = [
  [/node_modules\/@simplewebauthn\//, 'the WebAuthn library (passkeys)'],
  [/node_modules\/vite\//, 'Vite (only to build the demo app)'],
  [/node_modules\/tsx\//, "tsx (only for a team's trigger written in TypeScript)"],
];

test('the stack loads what only some stories use on first use, not at start', async () => {
  const reached = await staticallyReached(['local/stack.ts']);
  expect([...reached.keys()]).toContain('local/cognito/router.ts');
  const offenders = [...reached].flatMap(([module, path]) => {
    const late = ON_FIRST_USE.find(([pattern]) => pattern.test(module));
    return late ? [`${late[1]}: ${path.join(' → ')}`] : [];
  });
  expect(offenders, 'load these with `await import()` where they are used').toEqual([]);
});
