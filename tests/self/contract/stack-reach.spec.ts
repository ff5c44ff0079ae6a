// Who may reach the embedded stack: nothing in it asks for a password, so it
// listens on loopback only, unless told otherwise on purpose.
import { freePort } from '../../../local/free-port';
import { runCommand } from '../../../tools/child-run';
import { expect, test } from '../fixtures';

test('npm run stack refuses LOCAL_HOST=0.0.0.0 without LOCAL_ALLOW_NETWORK=1, before any service starts', async () => {
  const env = {
    LOCAL_HOST: '0.0.0.0',
    LOCAL_ALLOW_NETWORK: '',
    LOCAL_COGNITO_PORT: String(await freePort()),
    LOCAL_MAIL_SMTP_PORT: String(await freePort()),
    LOCAL_MAIL_WEB_PORT: String(await freePort()),
    LOCAL_APP_PORT: String(await freePort()),
    LOCAL_DATA_DIR: test.info().outputPath('stack'),
  };
  // A stack that did start is stopped when the time is up, not left listening on every address.
  const run = await runCommand('node', ['--import', 'tsx', 'local/stack.ts'], env, 15_000);
  expect(run.exitCode, run.output).toBe(1);
  expect(run.output).toContain('[stack] could not start: LOCAL_HOST=0.0.0.0 is not a loopback address (127.0.0.0/8, ::1, localhost): the embedded stack would listen on the network');
  expect(run.output).toContain('To serve a network you trust on purpose, set LOCAL_ALLOW_NETWORK=1 as well.');
  expect(run.output).not.toContain('ready in');
});
