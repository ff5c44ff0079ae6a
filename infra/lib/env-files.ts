import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CI_ROLE_OUTPUT, ENV_FILES, POOL_OUTPUTS } from './outputs.js';

/** `cdk deploy --outputs-file`'s JSON: each stack's outputs by key. */
export type OutputsFile = Record<string, Record<string, string>>;

/**
 * The two env files, one per pool, from the deployed stack's outputs. The
 * MailSlurp key and the page under test are not the stack's to know: their
 * lines are left empty to fill in, and the suite refuses to start until they are.
 */
export function envFiles(outputs: OutputsFile, stackName: string): Record<string, string> {
  const stack = outputs[stackName];
  if (!stack) {
    throw new Error(`The outputs file has no stack ${stackName} (it has: ${Object.keys(outputs).join(', ') || 'none'}); pass --stack <name>`);
  }
  const value = (key: string): string => {
    const found = stack[key];
    if (!found) throw new Error(`Stack ${stackName} has no output ${key}: was it deployed from this infra/?`);
    return found;
  };
  const file = (pool: keyof typeof POOL_OUTPUTS, app: string): string =>
    [
      `# Written by infra/scripts/write-env.ts from stack ${stackName}: the ${pool === 'main' ? 'main pool (code, keeps the original email until verified)' : 'link pool (confirms by link, with its domain)'}.`,
      ...Object.entries(POOL_OUTPUTS[pool]).map(([name, key]) => `${name}=${value(key)}`),
      `# ${app}`,
      'BASE_URL=',
      '# Your MailSlurp API key (never committed).',
      'MAILSLURP_API_KEY=',
      `# GitHub Actions assumes ${value(CI_ROLE_OUTPUT)} (role-to-assume); locally, your own AWS credentials.`,
      '',
    ].join('\n');
  return {
    [ENV_FILES.main]: file('main', 'Your sign-up page on the main pool.'),
    [ENV_FILES.link]: file('link', 'Your sign-up page on the link pool (an app configured with the link pool and its client).'),
  };
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
