import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { envFiles, writeEnvFiles, type OutputsFile } from '../lib/env-files.js';

/**
 * `npx cdk deploy --outputs-file cdk-outputs.json`, then this: writes `.env`
 * (main pool) and `.env.link-verification` (link pool) in the repository root.
 * A file already there is kept unless --force: it may hold a MailSlurp key.
 */
const { values } = parseArgs({
  options: {
    outputs: { type: 'string', default: 'cdk-outputs.json' },
    stack: { type: 'string', default: 'CognitoSignupE2eTestPool' },
    force: { type: 'boolean', default: false },
  },
});
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
try {
  const files = envFiles(JSON.parse(readFileSync(values.outputs as string, 'utf8')) as OutputsFile, values.stack as string);
  for (const path of writeEnvFiles(repositoryRoot, files, values.force as boolean)) console.log(`Wrote ${path}: fill in BASE_URL and MAILSLURP_API_KEY.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
