// ESLint: typescript-eslint's recommended rules everywhere, a few type-aware
// rules that matter for async test code, and eslint-plugin-playwright's
// recommended rules for everything that runs under Playwright Test.
import js from '@eslint/js';
import playwright from 'eslint-plugin-playwright';
import tseslint from 'typescript-eslint';

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
      // One guarded deletion path for the whole project: CognitoUsers.deleteUserIfExists.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@aws-sdk/client-cognito-identity-provider',
              importNames: ['AdminDeleteUserCommand'],
              message: 'Delete users only through CognitoUsers.deleteUserIfExists (helpers/cognito/users.ts), which passes the deletion guard.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='AdminDeleteUserCommand']",
          message: 'Delete users only through CognitoUsers.deleteUserIfExists (helpers/cognito/users.ts), which passes the deletion guard.',
        },
      ],
    },
  },
  {
    // The one module allowed to build AdminDeleteUserCommand, behind the guard.
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
