import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CI_OUTPUTS, ENV_FILES, POOL_OUTPUTS } from './outputs.js';

/** `cdk deploy --outputs-file`'s JSON: each stack's outputs by key. */
export type OutputsFile = Record<string, Record<string, string>>;

/** One stack's outputs by key, each one required: an error names the stack or the output that is missing. */
function outputsOf(outputs: OutputsFile, stackName: string): (key: string) => string {
  const stack = outputs[stackName];
  if (!stack) {
    throw new Error(`The outputs file has no stack ${stackName} (it has: ${Object.keys(outputs).join(', ') || 'none'}); pass --stack <name>`);
  }
  return (key: string): string => {
    const found = stack[key];
    if (!found) throw new Error(`Stack ${stackName} has no output ${key}: was it deployed from this infra/?`);
    return found;
  };
}

/**
 * The two env files, one per pool, from the deployed stack's outputs. The
 * MailSlurp key and the page under test are not the stack's to know: their
 * lines are left empty to fill in, and the suite refuses to start until they are.
 */
export function envFiles(outputs: OutputsFile, stackName: string): Record<string, string> {
  const value = outputsOf(outputs, stackName);
  const file = (pool: keyof typeof POOL_OUTPUTS, app: string): string =>
    [
      `# Written by infra/scripts/write-env.ts from stack ${stackName}: the ${pool === 'main' ? 'main pool (code, keeps the original email until verified)' : 'link pool (confirms by link, with its domain)'}.`,
      ...Object.entries(POOL_OUTPUTS[pool]).map(([name, key]) => `${name}=${value(key)}`),
      `# ${app}`,
      'BASE_URL=',
      '# Your MailSlurp API key (never committed).',
      'MAILSLURP_API_KEY=',
      `# GitHub Actions assumes ${value(CI_OUTPUTS.E2E_ROLE_ARN)} (role-to-assume); locally, your own AWS credentials.`,
      '',
    ].join('\n');
  return {
    [ENV_FILES.main]: file('main', 'Your sign-up page on the main pool.'),
    [ENV_FILES.link]: file('link', 'Your sign-up page on the link pool (an app configured with the link pool and its client).'),
  };
}

/**
 * The repository variables the GitHub Actions workflow reads, as dotenv lines for
 * `gh variable set --env-file -`: the role, the environment a pull request waits
 * in, and the region. None is a secret; the MailSlurp key and the pool's settings stay secrets.
 */
export function githubVariables(outputs: OutputsFile, stackName: string): string {
  const value = outputsOf(outputs, stackName);
  return Object.entries(CI_OUTPUTS).map(([name, key]) => `${name}=${value(key)}\n`).join('');
}

/**
 * Writes the files into `dir`, all or none: a file already there may hold a
 * MailSlurp key, so it is overwritten only with `force`. Returns the paths written.
 */
export function writeEnvFiles(dir: string, files: Record<string, string>, force: boolean): string[] {
  const existing = Object.keys(files).filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0 && !force) {
    throw new Error(`Not written: ${existing.join(' and ')} already in ${dir}. Move ${existing.length > 1 ? 'them' : 'it'} aside, or pass --force to overwrite.`);
  }
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}
