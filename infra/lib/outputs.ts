/**
 * The stack's outputs, by the `.env` line each one fills: the stack names its
 * outputs from here and scripts/write-env.ts reads them back by the same keys.
 */
export const POOL_OUTPUTS = {
  main: { COGNITO_USER_POOL_ID: 'MainUserPoolId', COGNITO_CLIENT_ID: 'MainClientId', AWS_REGION: 'Region' },
  link: { COGNITO_USER_POOL_ID: 'LinkUserPoolId', COGNITO_CLIENT_ID: 'LinkClientId', AWS_REGION: 'Region' },
} as const;

/**
 * Not lines of `.env`: the repository variables the GitHub Actions workflow reads (`vars.<name>`), by
 * the output each comes from; scripts/github-variables.ts prints them for `gh variable set`.
 */
export const CI_OUTPUTS = { E2E_ROLE_ARN: 'CiRoleArn', E2E_ENVIRONMENT: 'CiEnvironment', AWS_REGION: 'Region' } as const;

/** Which pool each env file describes: the suite runs once per pool (docs/flows.md, "One pool per kind"). */
export const ENV_FILES = { main: '.env', link: '.env.link-verification' } as const;
