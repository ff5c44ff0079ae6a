// ESLint: typescript-eslint's recommended rules everywhere, a few type-aware
// rules that matter for async test code, eslint-plugin-playwright's
// recommended rules for everything that runs under Playwright Test, and one
// module for every admin call on a user pool (tests/unit/admin-calls-lint.spec.ts).
import js from '@eslint/js';
import playwright from 'eslint-plugin-playwright';
import tseslint from 'typescript-eslint';

const THROUGH_USERS =
  'Admin calls on a user pool are made only in helpers/cognito/users.ts (CognitoUsers), where the deletion guard stands: add a method there.';
/** Admin* commands, the aggregated client (whose adminDeleteUser() needs no command), and the module as one object. */
const ADMIN_IMPORTS = /^(?:Admin\w*|CognitoIdentityProvider|default)$/;
/** no-restricted-imports for the Cognito SDK (and its deep paths): the names matching `names`, and `import * as`. */
const cognitoAdminImports = (names) => [
  'error',
  { patterns: [{ regex: '^@aws-sdk/client-cognito-identity-provider(?:/.*)?$', importNamePattern: names.source, message: THROUGH_USERS }] },
];
const IMPORT_NAMED_AT_RUN_TIME = {
  selector: "ImportExpression:not([source.type='Literal'])",
  message: 'A module named at run time may be the Cognito SDK, whose Admin* commands go through helpers/cognito/users.ts: import it by its name.',
};
/** The ways to an Admin* command that no import list sees: the SDK loaded at run time, its members, a constructor chosen at run time. */
const ADMIN_CALL_SYNTAX = [
  { selector: 'ImportExpression[source.value=/^@aws-sdk\\/client-cognito-identity-provider/]', message: THROUGH_USERS },
  { selector: "CallExpression[callee.name='require'][arguments.0.value=/^@aws-sdk\\/client-cognito-identity-provider/]", message: THROUGH_USERS },
  { selector: 'MemberExpression[property.name=/^Admin\\w*Command$/], MemberExpression[property.value=/^Admin\\w*Command$/]', message: THROUGH_USERS },
  { selector: 'MemberExpression[property.name=/^admin[A-Z]/]', message: `The aggregated client's admin methods: ${THROUGH_USERS}` },
  { selector: 'NewExpression[callee.computed=true]', message: `A constructor chosen at run time (new x[name](…)) can build any Cognito command: name the class. ${THROUGH_USERS}` },
  {
    selector: "NewExpression:not([callee.type='Identifier'], [callee.type='MemberExpression'])",
    message: `A constructor from an expression (new (x as any)(…), new (a ?? b)(…)) hides which class it builds: name the class. ${THROUGH_USERS}`,
  },
  { selector: "CallExpression[callee.object.name='Reflect'][callee.property.name='construct']", message: `Reflect.construct hides which class it builds: use new with the class's name. ${THROUGH_USERS}` },
  IMPORT_NAMED_AT_RUN_TIME,
];

export default tseslint.config(
  // infra/ is a project of its own (its own install, its own `tsc --noEmit` in `npm --prefix infra test`).
  { ignores: ['.dependency-cruiser.cjs', 'node_modules/', 'local/app/dist/', 'playwright-report/', 'test-results/', 'blob-report/', 'bench-results/', '.stack/', 'infra/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An un-awaited promise in a test is a step that silently never happened.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One way to act on a pool's users as an admin: CognitoUsers (helpers/cognito/users.ts), behind the
    // deletion guard. Everywhere else, every way to an Admin* command is refused, not only the name of one.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { 'no-restricted-imports': cognitoAdminImports(ADMIN_IMPORTS), 'no-restricted-syntax': ['error', ...ADMIN_CALL_SYNTAX] },
  },
  {
    // The emulator's contract tests check that it answers admin calls as Cognito does, so they send them
    // themselves, to private embedded stacks only. Deletion stays the guarded path's, there too.
    files: ['tests/self/**'],
    rules: { 'no-restricted-imports': cognitoAdminImports(/^(?:AdminDeleteUserCommand|CognitoIdentityProvider|default)$/) },
  },
  {
    // A team's Lambda handler is loaded by the path its settings give, the stack from its bundle, whose name is
    // its content's hash, and the page descriptions by their file names in pages/ui/: these imports' modules are named at run time.
    files: ['local/cognito/team-function.ts', 'local/run-stack.mjs', 'pages/ui/index.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ADMIN_CALL_SYNTAX.filter((rule) => rule !== IMPORT_NAMED_AT_RUN_TIME)] },
  },
  {
    // The one module that builds Admin* commands, each behind the guard or with a name no user can have.
    files: ['helpers/cognito/users.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    ...playwright.configs['flat/recommended'],
    files: ['tests/**/*.ts', 'fixtures/**/*.ts', 'flows/**/*.ts', 'pages/**/*.ts', 'tools/bench/**/*.ts'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      // A skip must say why (test.skip(condition, 'reason')); a bare one is an error, not a warning.
      'playwright/no-skipped-test': ['error', { allowConditional: true }],
      'playwright/no-wait-for-timeout': 'error',
    },
  },
  {
    // A page object may branch on the form's shape (a second password field or not); a test may not.
    files: ['pages/**/*.ts'],
    rules: { 'playwright/no-conditional-in-test': 'off' },
  },
);
