import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { RunningService } from '../running-service.js';
import type { AppRuntimeConfig } from '../stack-settings.js';

const appDir = fileURLToPath(new URL('.', import.meta.url));
const configFile = path.join(appDir, 'vite.config.ts');
const builtIndex = path.join(appDir, 'dist', 'index.html');

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** Builds the demo app when there is no build yet, or its sources (or the installed packages) changed since. */
export async function ensureAppBuilt(log: (line: string) => void = () => {}): Promise<void> {
  const sources = [path.join(appDir, 'src'), path.join(appDir, 'index.html'), path.join(appDir, 'custom-signup'), configFile, path.join(appDir, '..', '..', 'package-lock.json')];
  const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  if (built > Math.max(...sources.filter(existsSync).map(newestChange))) return;
  log('building the demo app (sources changed since the last build)…');
  await build({ configFile, logLevel: 'warn' });
}

/** Serves the built app, and `/config.json` telling it which pool to use. */
export async function startDemoApp(options: {
  host: string;
  port: number;
  config: AppRuntimeConfig;
}): Promise<RunningService> {
  const body = JSON.stringify(options.config);
  const server = await preview({
    configFile,
    preview: { host: options.host, port: options.port, strictPort: true, open: false },
    plugins: [
      {
        name: 'runtime-config',
        configurePreviewServer(previewServer) {
          previewServer.middlewares.use('/config.json', (_req, res) => {
            res.setHeader('Content-Type', 'application/json');
            res.setHeader('Cache-Control', 'no-store');
            res.end(body);
          });
        },
      },
    ],
  });
  return {
    name: 'Demo sign-up app',
    url: `http://${options.host}:${options.port}`,
    close: () => server.close(),
  };
}
