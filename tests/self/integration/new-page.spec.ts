// npm run new-page -- NAME URL, as an adopter runs it: against "their page"
// (the minimal page the suite serves itself, its sign-up form at #join) and
// a stack told that page's origin. The file it writes goes into pages/ui/,
// where every run finds it: it is deleted after each test, pass or fail.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import ts from 'typescript';
import { localTarget } from '../../../config/target';
import { freePort } from '../../../local/free-port';
import { runCommand } from '../../../tools/child-run';
import { expect, test } from '../fixtures';
import { serveMinimalPage, type MinimalPageServer } from '../support/minimal-page-server';

/** The scaffold, as `npm run new-page -- NAME URL` runs it. */
const newPage = (args: string[], env: Record<string, string | undefined>, timeoutMs = 240_000) =>
  runCommand('npm', ['run', '-s', 'new-page', '--', ...args], { CI: undefined, ...env }, timeoutMs);

/** The compiler's complaints about one file, under the project's own options (the file and what it imports, not the whole project). */
function typeErrorsOf(file: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => void d });
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram([file], config.options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test.describe('npm run new-page: a first description of your own page, from the page', () => {
  let server: MinimalPageServer | undefined;
  let written: string | undefined;

  test.afterEach(async () => {
    if (written) rmSync(written, { force: true });
    written = undefined;
    await server?.close();
    server = undefined;
  });

  test('writes the description from a real sign-up through the page, runs the sign-up story on it, lists the skips, and never overwrites it', async ({ startPrivateStack }) => {
    test.setTimeout(300_000);
    server = await serveMinimalPage();
    const url = server.url;
    const stack = await startPrivateStack({ pageOrigin: new URL(url).origin });
    server.usePool((await localTarget(stack.env)).cognito);
    const name = `scaffold-selftest-${randomBytes(4).toString('hex')}`;
    written = `pages/ui/${name}.ts`;

    const run = await test.step('run the scaffold against the page', () => newPage([name, url], stack.env));

    await test.step('it ends well, and the file names the words of the page', () => {
      expect(run.exitCode, run.output).toBe(0);
      const text = readFileSync(written!, 'utf8');
      for (const words of ['Your e-mail', 'Pick a password', 'Register', 'Enter the code', 'Code from the e-mail', 'Verify', 'All set']) expect(text).toContain(`'${words}'`);
      expect(text).toContain("text: (email) => `Verified ${email}.`");
      expect(text).not.toContain('TODO');
    });

    await test.step('the file type-checks and passes the linter', async () => {
      expect(typeErrorsOf(written!)).toEqual([]);
      const lint = await runCommand('npx', ['eslint', '--max-warnings=0', written!], {});
      expect(lint.exitCode, lint.output).toBe(0);
    });

    await test.step('it says the sign-up story passed, and which stories skip and why', () => {
      expect(run.output).toContain('The sign-up story passed');
      expect(run.output).toContain(`will be skipped (page '${name}' has no sign-in screen: add \`signIn\` and \`signedIn\` to ${written}`);
      expect(run.output).toMatch(/Stories "sign-up", .* will run/);
      expect(run.output).toContain(`SIGNUP_PAGE=${name} BASE_URL='${url}' npx playwright test`);
      // The one user it made, deleted through the guarded path.
      expect(run.output).toMatch(/Clean-up: the user cse2e-\S+ was deleted from pool/);
    });

    await test.step('a second run with the same name refuses, leaving the file as it is', async () => {
      // The same file, not another of the same text: its inode and time are those of the first run's.
      const before = statSync(written!);
      const again = await newPage([name, url], stack.env);
      expect(again.exitCode, again.output).toBe(1);
      expect(again.output).toContain(`${written} exists already: it is left as it is.`);
      expect(statSync(written!)).toMatchObject({ ino: before.ino, mtimeMs: before.mtimeMs });
    });
  });

  test('with no stack answering, it says how to start one for this page, and writes nothing', async () => {
    const url = 'http://127.0.0.1:3000/signup';
    const name = `scaffold-selftest-${randomBytes(4).toString('hex')}`;
    written = `pages/ui/${name}.ts`;
    // A port nothing listens on, for the demo app's config.json the stack would answer.
    const run = await newPage([name, url], { LOCAL_APP_PORT: String(await freePort()) }, 60_000);
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toContain('The embedded stack is not answering');
    expect(run.output).toContain(`Start it with \`BASE_URL=${url} npm run stack\` in another terminal`);
    expect(existsSync(written)).toBe(false);
  });
});
