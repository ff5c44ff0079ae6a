import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeServer, type RunningService } from '../running-service.js';
import type { AppRuntimeConfig } from '../stack-settings.js';

const appDir = fileURLToPath(new URL('.', import.meta.url));
const configFile = path.join(appDir, 'vite.config.ts');
const distDir = path.join(appDir, 'dist');
const builtIndex = path.join(distDir, 'index.html');
/** What the build holds, by extension: HTML pages, their bundles and styles, and the odd image. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

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
  // Vite is loaded only to build: a second's load that a start with a current build does not pay.
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn' });
}

/** An IP address, localhost or a name under .localhost, as Vite's default allowedHosts. */
function servesHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost');
}

/**
 * Serves the built app as files, and `/config.json` telling it which pool to
 * use. A folder serves its index.html (`/custom-signup/`), and a path outside
 * the build is not found. Node's own server rather than Vite's preview: the
 * build is static, and Vite's load was a third of the stack's start.
 */
export async function startDemoApp(options: { host: string; port: number; config: AppRuntimeConfig }): Promise<RunningService> {
  const body = JSON.stringify(options.config);
  const server = createServer((req, res) => {
    // Vite's preview did the same: a page whose name an attacker points at 127.0.0.1 (DNS rebinding) is not served.
    if (!servesHost(req.headers.host)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('This host name is not served: address the demo app by IP address or localhost.');
      return;
    }
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://app').pathname);
    if (pathname === '/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body);
      return;
    }
    const file = path.join(distDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    // A folder without its slash gets one, so that the page's relative addresses resolve as the build meant.
    if (!path.extname(file) && existsSync(path.join(file, 'index.html'))) {
      res.writeHead(301, { Location: `${pathname}/` }).end();
      return;
    }
    if (!file.startsWith(distDir + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (content) => res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(content),
      () => res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found in the demo app's build: ${pathname}`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    name: 'Demo sign-up app',
    url: `http://${options.host}:${options.port}`,
    close: () => closeServer(server),
  };
}
