/**
 * npm run janitor -- [--delete] [--older-than 1h] [--run <id>] [--i-know]
 *
 * Lists test users and inboxes that earlier runs left behind; deletes them
 * only with --delete. Never touches a user whose exact address the suite did
 * not make (or, with TEST_EMAIL_PATTERN, that the pattern does not match).
 */
import 'dotenv/config';
import { parseAge, runJanitor } from './sweep.js';
import { ActionableError } from '../../helpers/errors.js';
import { SettingsError, loadSettings } from '../../config/settings.js';

const USAGE =
  'usage: npm run janitor -- [--delete] [--older-than <age: 90s, 30m, 2h, 1d; default 1h>] [--run <run ID>] [--i-know]\n' +
  '  --run <id>   only what that run left (MailSlurp inboxes tagged with it, and their users), whatever its age\n' +
  '  --i-know     use TEST_EMAIL_PATTERN even when its dry run matches what looks like real users\n' +
  '               (a CONFIRMED user that only the pattern vouches for is never deleted)';

async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = process.argv.slice(2);
  let olderThanMs = 3_600_000;
  let remove = false;
  let runId: string | undefined;
  let iKnow = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--delete') remove = true;
    else if (arg === '--i-know') iKnow = true;
    else if (arg === '--run') {
      runId = args[++i];
      if (!runId || !/^[\w.-]+$/.test(runId)) return fail(`--run needs a run ID (letters, digits, ".", "_", "-").\n${USAGE}`);
    }
    else if (arg === '--older-than') {
      const age = parseAge(args[++i] ?? '');
      if (age === undefined) return fail(`--older-than needs an age like 90s, 30m, 2h or 1d.\n${USAGE}`);
      olderThanMs = age;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else return fail(`unknown argument ${arg}\n${USAGE}`);
  }
  await runJanitor(loadSettings(), { olderThanMs, delete: remove, runId, iKnow, log: (line) => console.log(line) });
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof SettingsError || error instanceof ActionableError ? error.message : `janitor failed: ${error.message}`);
    process.exit(1);
  },
);
