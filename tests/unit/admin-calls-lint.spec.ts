// The lint rule that keeps every admin call on a pool in helpers/cognito/users.ts
// (eslint.config.js), run through ESLint's own API on one sample per way to an
// Admin* command: each is reported in production code, and none in that module.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { expect, test } from '@playwright/test';

// The samples are no files of the project, so they are linted without type information, which these rules do not need.
const eslint = new ESLint({ overrideConfig: { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts'] } });
const SDK = '@aws-sdk/client-cognito-identity-provider';

/** What the two rules report on `code` linted as the file `as`, by line. */
async function reported(code: string, as: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: as });
  const messages = result!.messages.filter((m) => m.fatal || m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax');
  return messages.map((m) => `${m.line}: ${m.ruleId ?? 'parse error'}: ${m.message}`);
}

/** Every way to an Admin* command or to the aggregated client, each with the rule that catches it. */
const FORMS: [string, string, RegExp][] = [
  ['AdminDeleteUserCommand', `import { AdminDeleteUserCommand } from '${SDK}';\nexport const c = new AdminDeleteUserCommand({ UserPoolId: 'p', Username: 'u' });`, /no-restricted-imports/],
  ['AdminDisableUserCommand', `import { AdminDisableUserCommand } from '${SDK}';\nexport const c = new AdminDisableUserCommand({ UserPoolId: 'p', Username: 'u' });`, /no-restricted-imports/],
  [
    'AdminUpdateUserAttributesCommand',
    `import { AdminUpdateUserAttributesCommand } from '${SDK}';\nexport const c = new AdminUpdateUserAttributesCommand({ UserPoolId: 'p', Username: 'u', UserAttributes: [] });`,
    /no-restricted-imports/,
  ],
  ['an Admin* command under another name', `import { AdminDeleteUserCommand as Remove } from '${SDK}';\nexport const c = new Remove({ UserPoolId: 'p', Username: 'u' });`, /no-restricted-imports/],
  ['an Admin* command passed on', `export { AdminDeleteUserCommand } from '${SDK}';`, /no-restricted-imports/],
  ['the SDK by a deep path', `import { AdminDeleteUserCommand } from '${SDK}/dist-es/commands/AdminDeleteUserCommand';\nexport { AdminDeleteUserCommand };`, /no-restricted-imports/],
  [
    'the aggregated CognitoIdentityProvider client',
    `import { CognitoIdentityProvider } from '${SDK}';\nexport const drop = () => new CognitoIdentityProvider({}).adminDeleteUser({ UserPoolId: 'p', Username: 'u' });`,
    /no-restricted-imports[\s\S]*no-restricted-syntax: The aggregated client's admin methods/,
  ],
  ['an aggregated client handed in', `export const drop = (idp: { adminDeleteUser(input: object): unknown }) => idp.adminDeleteUser({ UserPoolId: 'p', Username: 'u' });`, /The aggregated client's admin methods/],
  ['import * as sdk, then new sdk[...]', `import * as sdk from '${SDK}';\nconst name = 'Admin' + 'DeleteUserCommand';\nexport const c = new sdk[name]({});`, /1: no-restricted-imports[\s\S]*3: no-restricted-syntax: A constructor chosen at run time/],
  ['import * as sdk, then sdk.AdminDeleteUserCommand', `import * as sdk from '${SDK}';\nexport const C = sdk.AdminDeleteUserCommand;`, /1: no-restricted-imports[\s\S]*2: no-restricted-syntax/],
  ["the SDK's default export, then ['AdminDeleteUserCommand']", `import sdk from '${SDK}';\nexport const C = sdk['AdminDeleteUserCommand'];`, /1: no-restricted-imports[\s\S]*2: no-restricted-syntax/],
  ['new commands[name](...)', `export const build = (commands: Record<string, new (input: object) => object>, name: string) => new commands[name]({});`, /A constructor chosen at run time/],
  ['new (x as any)(...)', `export const build = (x: unknown) => new (x as any)({ UserPoolId: 'p', Username: 'u' });`, /A constructor from an expression/],
  ['new (a ?? b)(...)', `export const build = (a?: new () => object, b?: new () => object) => new (a ?? b)!();`, /A constructor from an expression/],
  ['Reflect.construct', `export const build = (ctor: new (input: object) => object) => Reflect.construct(ctor, [{}]);`, /Reflect\.construct hides/],
  ['the SDK imported at run time', `export const load = () => import('${SDK}');`, /no-restricted-syntax: Admin calls on a user pool/],
  ['the SDK required', `declare const require: (id: string) => unknown;\nexport const sdk = require('${SDK}');`, /no-restricted-syntax: Admin calls on a user pool/],
  ['a module whose name is built at run time', `export const load = () => import(['@aws-sdk', 'client-cognito-identity-provider'].join('/'));`, /A module named at run time/],
];

for (const [form, code, expected] of FORMS) {
  test(`reported in production code, and not in helpers/cognito/users.ts: ${form}`, async () => {
    for (const file of ['tools/doctor/sample.ts', 'flows/sample.ts', 'local/cognito/sample.ts']) {
      const found = await reported(code, file);
      expect(found.join('\n'), file).toMatch(expected);
      for (const message of found) expect(message).toContain('helpers/cognito/users.ts');
    }
    expect(await reported(code, 'helpers/cognito/users.ts')).toEqual([]);
  });
}

test('what the suite needs stays allowed: the plain client, commands that are not Admin*, the pool settings named Admin…', async () => {
  const code = [
    `import { CognitoIdentityProviderClient, ListUsersCommand, type UserType } from '${SDK}';`,
    `export const list = (client: CognitoIdentityProviderClient) => client.send(new ListUsersCommand({ UserPoolId: 'p' }));`,
    `export const invitation = (pool: { AdminCreateUserConfig?: object }) => pool.AdminCreateUserConfig;`,
    'export const users = new Map<string, UserType>();',
  ].join('\n');
  expect(await reported(code, 'tools/doctor/sample.ts')).toEqual([]);
});

test("tests/self sends the emulator the admin calls it checks, but deletes only through the guard; the team's handler alone is loaded by a path", async () => {
  expect(await reported(`import { AdminGetUserCommand } from '${SDK}';\nexport const c = new AdminGetUserCommand({ UserPoolId: 'p', Username: 'u' });`, 'tests/self/contract/sample.spec.ts')).toEqual([]);
  expect(await reported(FORMS[0]![1], 'tests/self/contract/sample.spec.ts')).toEqual([expect.stringMatching(/^1: no-restricted-imports/)]);
  expect(await reported(FORMS[8]![1], 'tests/self/contract/sample.spec.ts')).toHaveLength(2);
  const loadHandler = 'export const load = (file: string) => import(file);';
  expect(await reported(loadHandler, 'local/cognito/team-function.ts')).toEqual([]);
  expect(await reported(loadHandler, 'local/cognito/sample.ts')).toEqual([expect.stringMatching(/A module named at run time/)]);
  expect(await reported(`export const load = () => import('${SDK}');`, 'local/cognito/team-function.ts')).toHaveLength(1);
});
