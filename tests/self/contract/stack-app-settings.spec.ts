// What `npm run stack` gives your own app: with --json, one line of JSON on
// stdout once the stack is ready, under the names LOCAL_APP_ENV_NAMES gives,
// whose pool and client the emulator at its endpoint really has, while the
// stack goes on serving; the log stays on stderr.
import { spawn } from 'node:child_process';
import { freePort } from '../../../local/free-port';
import { expect, test } from '../fixtures';

/**
 * Starts the stack's command as a child and, once its first line is on stdout,
 * gives what it wrote to `whileRunning`, then stops it.
 */
async function firstStdoutLine(
  args: string[],
  env: Record<string, string>,
  whileRunning: (stdout: string) => Promise<void> = async () => {},
): Promise<{ stdout: string; stderr: string; stillRunning: boolean }> {
  const child = spawn('node', ['local/run-stack.mjs', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve();
      });
      child.once('close', (code) => reject(new Error(`the stack exited (${code}) before printing a line:\n${stderr}`)));
    });
    // Not a wait for something to happen: a window in which nothing more may appear on stdout, since an absence
    // has no event to wait on. Whatever else it would print at once comes with the line, or not at all.
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (child.exitCode === null) await whileRunning(stdout);
    return { stdout, stderr, stillRunning: child.exitCode === null };
  } finally {
    child.kill('SIGTERM');
    await closed;
  }
}

test('npm run stack -- --json prints the pools once, as one JSON line under your app\'s names, and keeps serving', async () => {
  const env = {
    LOCAL_COGNITO_PORT: String(await freePort()),
    LOCAL_MAIL_SMTP_PORT: String(await freePort()),
    LOCAL_MAIL_WEB_PORT: String(await freePort()),
    LOCAL_APP_PORT: String(await freePort()),
    LOCAL_DATA_DIR: test.info().outputPath('stack'),
    LOCAL_APP_ENV_NAMES: 'USER_POOL_ID=VITE_USER_POOL_ID,USER_POOL_CLIENT_ID=CLIENT_ID,USER_POOL_ENDPOINT=VITE_COGNITO_ENDPOINT',
  };
  // The client the line names is the emulator's, at the endpoint it names, in the pool it names.
  const clientOfPool = async (stdout: string) => {
    const printed = JSON.parse(stdout) as Record<string, string>;
    const answer = await fetch(printed.VITE_COGNITO_ENDPOINT!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPoolClient' },
      body: JSON.stringify({ UserPoolId: printed.VITE_USER_POOL_ID, ClientId: printed.CLIENT_ID }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ UserPoolClient: { ClientName: 'demo-signup-app', UserPoolId: printed.VITE_USER_POOL_ID } });
  };
  const run = await firstStdoutLine(['mail', 'cognito', '--json'], env, clientOfPool);
  expect(run.stillRunning, run.stderr).toBe(true);
  expect(run.stdout.split('\n'), 'stdout holds the JSON line and nothing else').toEqual([expect.stringMatching(/^\{.*\}$/), '']);
  expect(run.stderr).toContain('[stack] ready in');

  const settings = JSON.parse(run.stdout) as Record<string, string>;
  expect(settings).toMatchObject({
    VITE_USER_POOL_ID: expect.stringMatching(/^local_\w+$/),
    CLIENT_ID: expect.stringMatching(/^\w+$/),
    VITE_COGNITO_ENDPOINT: `http://127.0.0.1:${env.LOCAL_COGNITO_PORT}`,
    USER_POOL_REGION: 'local',
  });
  expect(settings).not.toHaveProperty('USER_POOL_ID');
});

test('npm run stack -- --json stops at once on LOCAL_APP_ENV_NAMES it cannot read, saying what to type', async () => {
  const run = await firstStdoutLine(['--json'], { LOCAL_APP_ENV_NAMES: 'POOL_ID=VITE_USER_POOL_ID' }).catch((error: Error) => error.message);
  expect(run).toContain('the stack exited (1) before printing a line');
  expect(run).toContain('[stack] could not start: LOCAL_APP_ENV_NAMES="POOL_ID=VITE_USER_POOL_ID": "POOL_ID" is not a setting the stack prints');
  expect(run).toContain('e.g. LOCAL_APP_ENV_NAMES=USER_POOL_ID=VITE_USER_POOL_ID,USER_POOL_CLIENT_ID=VITE_USER_POOL_CLIENT_ID');
});
