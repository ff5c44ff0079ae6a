/**
 * npm run doctor: why would a verification email not come? A checklist of the
 * configuration, the services, the pool, the app client, the permissions and
 * the mail account, against whatever the configuration selects. Exits 1 on any ✗.
 * Against the embedded stack, it starts the stack for the checks when none is
 * running, as a test run does, and stops it afterwards.
 */
import 'dotenv/config';
import { formatChecklist, hasFailures } from './check-result.js';
import { runDoctor } from './run-doctor.js';
import { loadSettings } from '../../config/settings.js';
import { startStack, type RunningStack } from '../../local/stack.js';
import { stackSettings, stackUrls } from '../../local/stack-settings.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The embedded stack, started here when the settings select it and nothing answers at its address. */
async function stackForTheChecks(): Promise<RunningStack | undefined> {
  let local: boolean;
  try {
    local = loadSettings().target === 'local';
  } catch {
    return undefined; // The doctor lists the configuration's problems itself.
  }
  if (!local) return undefined;
  const settings = stackSettings();
  const answering = await fetch(stackUrls(settings).appConfig).then((response) => response.ok, () => false);
  if (answering) return undefined;
  console.log('The embedded stack is not running: starting it for these checks (it stops when they are done).');
  return startStack(settings);
}

/** `--repeat-each N`, as given to `npx playwright test`: the doctor weighs N times the mails against the sender's daily quota. */
function repeatEach(args: string[]): number | undefined {
  const at = args.findIndex((a) => a === '--repeat-each' || a.startsWith('--repeat-each='));
  if (at < 0) return undefined;
  const raw = args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--repeat-each is "${raw}", not a whole number from 1`);
  return n;
}

async function main(): Promise<number> {
  const repeat = repeatEach(process.argv.slice(2));
  const stack = await stackForTheChecks();
  try {
    const results = await runDoctor(process.env, repeat ? { repeatEach: repeat } : {});
    console.log(formatChecklist(results));
    return hasFailures(results) ? 1 : 0;
  } finally {
    await stack?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`The doctor itself failed: ${error.message}`);
    process.exit(2);
  },
);
