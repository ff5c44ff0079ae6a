// What `npm run stack` prints for your own app: the pools' settings as .env
// lines or one line of JSON, under the names your app reads
// (LOCAL_APP_ENV_NAMES), and the command line that asks for them.
import { expect, test } from '@playwright/test';
import { APP_SETTINGS, ENV_FILE_MARK, appEnvLines, appSettingsOf, envFileText, formatAppEnvNames, jsonLine, mayWriteEnvFile, parseAppEnvNames } from '../../local/app-env';
import { parseStackCommand } from '../../local/stack-command';

const POOLS = {
  userPoolId: 'local_Main1',
  userPoolClientId: 'mainclient',
  region: 'local',
  linkVerification: { userPoolId: 'local_Link1', userPoolClientId: 'linkclient' },
  keepOriginalEmail: { userPoolId: 'local_Keep1', userPoolClientId: 'keepclient' },
};
const SETTINGS = appSettingsOf(POOLS, 'http://127.0.0.1:9230');

const problemOf = (raw: string) => {
  try {
    parseAppEnvNames(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected LOCAL_APP_ENV_NAMES=${raw} to be refused`);
};

test.describe('the pools as .env lines and JSON', () => {
  test("under the stack's names, every setting once, in order", () => {
    expect(envFileText(appEnvLines(SETTINGS), ['Point your own app at this stack'])).toBe(
      [
        '# Point your own app at this stack',
        'USER_POOL_ID=local_Main1',
        'USER_POOL_CLIENT_ID=mainclient',
        'USER_POOL_ENDPOINT=http://127.0.0.1:9230',
        'USER_POOL_REGION=local',
        'LINK_VERIFICATION_USER_POOL_ID=local_Link1',
        'LINK_VERIFICATION_USER_POOL_CLIENT_ID=linkclient',
        'KEEP_ORIGINAL_EMAIL_USER_POOL_ID=local_Keep1',
        'KEEP_ORIGINAL_EMAIL_USER_POOL_CLIENT_ID=keepclient',
        '',
      ].join('\n'),
    );
  });

  test('the JSON is one line, the same names and values', () => {
    const names = parseAppEnvNames('USER_POOL_ID=VITE_USER_POOL_ID');
    const line = jsonLine(appEnvLines(SETTINGS, names));
    expect(line.split('\n')).toEqual([expect.any(String), '']);
    expect(JSON.parse(line)).toMatchObject({ VITE_USER_POOL_ID: 'local_Main1', USER_POOL_CLIENT_ID: 'mainclient', USER_POOL_ENDPOINT: 'http://127.0.0.1:9230' });
    expect(Object.keys(JSON.parse(line))).toHaveLength(Object.keys(APP_SETTINGS).length);
  });
});

test.describe('LOCAL_APP_ENV_NAMES', () => {
  test("gives settings your app's names, one setting several if asked; the rest keep the stack's", () => {
    const names = parseAppEnvNames(' USER_POOL_ID=VITE_USER_POOL_ID, USER_POOL_CLIENT_ID=CLIENT_ID,USER_POOL_ENDPOINT=COGNITO_ENDPOINT,USER_POOL_ID=NEXT_PUBLIC_POOL,');
    expect(appEnvLines(SETTINGS, names).slice(0, 5)).toEqual([
      ['VITE_USER_POOL_ID', 'local_Main1'],
      ['NEXT_PUBLIC_POOL', 'local_Main1'],
      ['CLIENT_ID', 'mainclient'],
      ['COGNITO_ENDPOINT', 'http://127.0.0.1:9230'],
      ['USER_POOL_REGION', 'local'],
    ]);
    expect(parseAppEnvNames(formatAppEnvNames(names))).toEqual(names);
    expect(parseAppEnvNames(undefined)).toEqual({});
    expect(parseAppEnvNames(' ')).toEqual({});
  });

  test('an unknown setting, a malformed pair or a name two settings share stops, saying what to type', () => {
    expect(problemOf('POOL_ID=VITE_USER_POOL_ID')).toBe(
      'LOCAL_APP_ENV_NAMES="POOL_ID=VITE_USER_POOL_ID": "POOL_ID" is not a setting the stack prints (USER_POOL_ID, USER_POOL_CLIENT_ID, USER_POOL_ENDPOINT, USER_POOL_REGION, ' +
        'LINK_VERIFICATION_USER_POOL_ID, LINK_VERIFICATION_USER_POOL_CLIENT_ID, KEEP_ORIGINAL_EMAIL_USER_POOL_ID, KEEP_ORIGINAL_EMAIL_USER_POOL_CLIENT_ID). ' +
        'Write the stack\'s name, "=", and the name your app reads, the pairs separated by commas, e.g. LOCAL_APP_ENV_NAMES=USER_POOL_ID=VITE_USER_POOL_ID,USER_POOL_CLIENT_ID=VITE_USER_POOL_CLIENT_ID; or unset it for the stack\'s names.',
    );
    expect(problemOf('USER_POOL_ID')).toContain('"USER_POOL_ID" is not one STACK_NAME=YOUR_NAME pair');
    expect(problemOf('USER_POOL_ID=A=B')).toContain('"USER_POOL_ID=A=B" is not one STACK_NAME=YOUR_NAME pair');
    expect(problemOf('USER_POOL_ID=')).toContain('"USER_POOL_ID=" is not one STACK_NAME=YOUR_NAME pair');
    expect(problemOf('USER_POOL_ID=vite-pool')).toContain('"vite-pool" is not a variable name');
    expect(problemOf('USER_POOL_ID=ID,USER_POOL_CLIENT_ID=ID')).toContain('ID would name both USER_POOL_ID and USER_POOL_CLIENT_ID: give each a name of its own');
    expect(problemOf('USER_POOL_ID=USER_POOL_REGION')).toContain('USER_POOL_REGION would name both USER_POOL_ID and USER_POOL_REGION');
    expect(problemOf('USER_POOL_ID=X,USER_POOL_ID=X')).toContain('USER_POOL_ID is given the name X twice');
  });
});

test.describe('--write-env', () => {
  test("writes a new file, or one it wrote itself, never another's", () => {
    expect(mayWriteEnvFile(undefined)).toBe(true);
    expect(mayWriteEnvFile(`${ENV_FILE_MARK}\nUSER_POOL_ID=local_Old\n`)).toBe(true);
    expect(mayWriteEnvFile('VITE_API_URL=https://api.example.com\n')).toBe(false);
    expect(mayWriteEnvFile(`VITE_API_URL=x\n${ENV_FILE_MARK}\n`)).toBe(false);
  });
});

test.describe('the command line of npm run stack', () => {
  test('services, --json and --write-env', () => {
    expect(parseStackCommand([])).toEqual({ services: ['mail', 'cognito', 'app'], json: false });
    expect(parseStackCommand(['mail', 'cognito', '--json'])).toEqual({ services: ['mail', 'cognito'], json: true });
    expect(parseStackCommand(['--write-env', '../app/.env.e2e.local'])).toMatchObject({ envFile: '../app/.env.e2e.local' });
    expect(parseStackCommand(['--write-env=../app/.env.e2e.local'])).toMatchObject({ envFile: '../app/.env.e2e.local' });
  });

  test('an unknown word, a missing path, or settings without the pools stop, saying what to type', () => {
    expect(() => parseStackCommand(['--jsn'])).toThrow('Unknown option --jsn. Usage: npm run stack -- [mail] [cognito] [app] [--json] [--write-env PATH].');
    expect(() => parseStackCommand(['db'])).toThrow('Unknown service db: choose from mail, cognito, app (or none for all).');
    expect(() => parseStackCommand(['--write-env'])).toThrow('--write-env needs the path of the file to write');
    expect(() => parseStackCommand(['--write-env', '--json'])).toThrow('--write-env needs the path of the file to write');
    expect(() => parseStackCommand(['mail', 'app', '--json'])).toThrow("--json gives the pools' settings, and the pools are the cognito service's: add cognito to mail app.");
  });
});
