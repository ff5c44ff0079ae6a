// Starts the embedded stack (local/stack.ts) from one bundle of its TypeScript, made by esbuild at every start.
//
//   node local/run-stack.mjs [services…]    (npm run stack, and Playwright's webServer)
//
// Why not `node --import tsx local/stack.ts`: tsx transpiles the stack's fifty files one by one and hooks the load
// of every package behind them, half a second of each start on 2 cores. esbuild bundles the same files in tens of
// milliseconds, so the bundle is made afresh each time and can never be stale; the packages stay outside it, loaded
// by Node from node_modules as they are. Plain JavaScript, as nothing here can load TypeScript yet.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
// The same .env the tests, the doctor and the scaffold read (DOTENV_CONFIG_PATH for another file): a port moved
// there (LOCAL_MAIL_WEB_PORT, as the port-in-use message advises) moves the stack started by hand too. Variables
// already set win, so Playwright's webServer and the self-tests' children keep theirs.
import 'dotenv/config';

const here = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.join(here, '..', 'node_modules', '.cache', 'cognito-signup-e2e', 'stack');

/**
 * Each bundled file keeps its own `import.meta.url`: the demo app's server finds its build beside its source, and
 * the bundle lives elsewhere.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(plugin) {
    plugin.onLoad({ filter: /\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

const result = await build({
  entryPoints: [path.join(here, 'stack.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  write: false,
  outfile: 'stack.mjs',
  plugins: [ownImportMetaUrl],
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
// Named by content: stacks started at once (the self-tests start several) share one file and never read a half-written one.
const bundle = path.join(cacheDir, `stack-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
if (!existsSync(bundle)) {
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${bundle}.${process.pid}.partial`;
  writeFileSync(partial, code);
  renameSync(partial, bundle);
  // A new bundle means the sources changed: the bundles of earlier sources go, once no start can still be reading one.
  for (const name of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    if (file !== bundle && Date.now() - statSync(file).mtimeMs > 60 * 60_000) rmSync(file, { force: true });
  }
}
const { runStackCommand } = await import(pathToFileURL(bundle).href);
runStackCommand(process.argv.slice(2));
