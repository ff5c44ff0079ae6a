import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { githubVariables, type OutputsFile } from '../lib/env-files.js';

/**
 * `npx cdk deploy --outputs-file cdk-outputs.json`, then this: prints the
 * repository variables the workflow reads (E2E_ROLE_ARN, E2E_ENVIRONMENT,
 * AWS_REGION) as dotenv lines, for `gh variable set --env-file -`. Writes nothing.
 */
const { values } = parseArgs({
  options: {
    outputs: { type: 'string', default: 'cdk-outputs.json' },
    stack: { type: 'string', default: 'CognitoSignupE2eTestPool' },
  },
});
try {
  process.stdout.write(githubVariables(JSON.parse(readFileSync(values.outputs as string, 'utf8')) as OutputsFile, values.stack as string));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
