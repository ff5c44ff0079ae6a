/**
 * What your own app needs to point at the embedded stack, in the form it
 * reads: `.env` lines or one JSON object, under the stack's names or under
 * the names your app reads (LOCAL_APP_ENV_NAMES).
 */

/** Each setting `npm run stack` prints, in the order it prints them, and what it is (Amplify's name in brackets). */
export const APP_SETTINGS = {
  USER_POOL_ID: "the main pool's ID (Auth.Cognito's userPoolId)",
  USER_POOL_CLIENT_ID: "its public app client's ID (userPoolClientId)",
  USER_POOL_ENDPOINT: "the emulator's URL, in place of Cognito's (userPoolEndpoint)",
  USER_POOL_REGION: 'the region the pool IDs name',
  LINK_VERIFICATION_USER_POOL_ID: 'the pool whose sign-up is confirmed by a mailed link',
  LINK_VERIFICATION_USER_POOL_CLIENT_ID: 'its public app client',
  KEEP_ORIGINAL_EMAIL_USER_POOL_ID: 'the pool that keeps an email change pending until the new address is verified',
  KEEP_ORIGINAL_EMAIL_USER_POOL_CLIENT_ID: 'its public app client',
} as const;

export type AppSettingName = keyof typeof APP_SETTINGS;
export type AppSettings = Record<AppSettingName, string>;
const SETTING_NAMES = Object.keys(APP_SETTINGS) as AppSettingName[];

/** The stack's pools, as its bootstrap sets them up. */
export interface StackPools {
  userPoolId: string;
  userPoolClientId: string;
  region: string;
  linkVerification: { userPoolId: string; userPoolClientId: string };
  keepOriginalEmail: { userPoolId: string; userPoolClientId: string };
}

export function appSettingsOf(pools: StackPools, cognitoUrl: string): AppSettings {
  return {
    USER_POOL_ID: pools.userPoolId,
    USER_POOL_CLIENT_ID: pools.userPoolClientId,
    USER_POOL_ENDPOINT: cognitoUrl,
    USER_POOL_REGION: pools.region,
    LINK_VERIFICATION_USER_POOL_ID: pools.linkVerification.userPoolId,
    LINK_VERIFICATION_USER_POOL_CLIENT_ID: pools.linkVerification.userPoolClientId,
    KEEP_ORIGINAL_EMAIL_USER_POOL_ID: pools.keepOriginalEmail.userPoolId,
    KEEP_ORIGINAL_EMAIL_USER_POOL_CLIENT_ID: pools.keepOriginalEmail.userPoolClientId,
  };
}

/** LOCAL_APP_ENV_NAMES read: the names your app reads each setting by; a setting left out keeps the stack's name. */
export type AppEnvNames = Partial<Record<AppSettingName, string[]>>;

export class AppEnvNamesError extends Error {
  override name = 'AppEnvNamesError';
}

const EXAMPLE = 'LOCAL_APP_ENV_NAMES=USER_POOL_ID=VITE_USER_POOL_ID,USER_POOL_CLIENT_ID=VITE_USER_POOL_CLIENT_ID';
// What a shell, dotenv and Vite all accept as a variable's name.
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The names each setting is printed under: the app's, or the stack's own. */
const printedNames = (names: AppEnvNames): [AppSettingName, string[]][] => SETTING_NAMES.map((setting) => [setting, names[setting] ?? [setting]]);

/**
 * "USER_POOL_ID=VITE_USER_POOL_ID,USER_POOL_ENDPOINT=VITE_COGNITO_ENDPOINT":
 * the stack's name, "=", your app's name, the pairs separated by commas. A
 * setting may be given several names (an app and its server, say); two
 * settings never one.
 */
export function parseAppEnvNames(raw: string | undefined): AppEnvNames {
  if (raw === undefined || raw.trim() === '') return {};
  const names: AppEnvNames = {};
  const problems: string[] = [];
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [setting = '', name, ...rest] = entry.split('=').map((part) => part.trim());
    if (name === undefined || rest.length || !setting || !name) {
      problems.push(`"${entry}" is not one STACK_NAME=YOUR_NAME pair`);
    } else if (!(setting in APP_SETTINGS)) {
      problems.push(`"${setting}" is not a setting the stack prints (${SETTING_NAMES.join(', ')})`);
    } else if (!VARIABLE_NAME.test(name)) {
      problems.push(`"${name}" is not a variable name (letters, digits and _, not starting with a digit)`);
    } else {
      (names[setting as AppSettingName] ??= []).push(name);
    }
  }
  if (!problems.length) {
    const printed = printedNames(names).flatMap(([setting, as]) => as.map((name) => ({ setting, name })));
    for (const [index, { setting, name }] of printed.entries()) {
      const first = printed.findIndex((other) => other.name === name);
      if (first === index) continue;
      const other = printed[first]!.setting;
      problems.push(other === setting ? `${setting} is given the name ${name} twice` : `${name} would name both ${other} and ${setting}: give each a name of its own`);
    }
  }
  if (problems.length) {
    throw new AppEnvNamesError(
      `LOCAL_APP_ENV_NAMES=${JSON.stringify(raw)}: ${problems.join('; ')}. ` +
        `Write the stack's name, "=", and the name your app reads, the pairs separated by commas, e.g. ${EXAMPLE}; or unset it for the stack's names.`,
    );
  }
  return names;
}

/** The names as LOCAL_APP_ENV_NAMES reads them back. */
export const formatAppEnvNames = (names: AppEnvNames): string =>
  SETTING_NAMES.flatMap((setting) => (names[setting] ?? []).map((name) => `${setting}=${name}`)).join(',');

/** Every setting as the lines print it, in order: [name, value]. */
export function appEnvLines(settings: AppSettings, names: AppEnvNames = {}): [string, string][] {
  return printedNames(names).flatMap(([setting, as]) => as.map((name): [string, string] => [name, settings[setting]]));
}

/** `.env` lines a person can paste, or a shell can source: comments first, then NAME=value. */
export function envFileText(lines: [string, string][], comments: string[] = []): string {
  return [...comments.map((comment) => `# ${comment}`), ...lines.map(([name, value]) => `${name}=${value}`), ''].join('\n');
}

/** The same settings as one JSON object on one line, for `jq` or a script. */
export function jsonLine(lines: [string, string][]): string {
  return `${JSON.stringify(Object.fromEntries(lines))}\n`;
}

/**
 * The first line of every file `npm run stack -- --write-env` writes: a file
 * that starts with it may be replaced on the next start, any other is left alone.
 */
export const ENV_FILE_MARK = '# Written by `npm run stack` (cognito-signup-e2e) on each start; edits here are lost.';

/** Whether `--write-env` may write over what the file now holds (undefined: there is no file). */
export const mayWriteEnvFile = (existing: string | undefined): boolean => existing === undefined || existing.startsWith(`${ENV_FILE_MARK}\n`);
