import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { envFiles, type OutputsFile } from '../lib/env-files.js';

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
const files = envFiles(JSON.parse(readFileSync(values.outputs as string, 'utf8')) as OutputsFile, values.stack as string);
const existing = Object.keys(files).filter((name) => existsSync(repositoryRoot + name));
if (existing.length > 0 && !values.force) {
  console.error(`Not written: ${existing.join(' and ')} already in ${repositoryRoot}. Move ${existing.length > 1 ? 'them' : 'it'} aside, or pass --force to overwrite.`);
  process.exit(1);
}
for (const [name, text] of Object.entries(files)) {
  writeFileSync(repositoryRoot + name, text);
  console.log(`Wrote ${repositoryRoot}${name}: fill in BASE_URL and MAILSLURP_API_KEY.`);
}
