// What .github/workflows/e2e.yml must keep about AWS credentials, each rule a
// function from the workflow to its problems, so that workflow.spec.ts runs it
// on the real file and on copies broken on purpose: a check that cannot fail
// proves nothing.

export interface Step {
  name?: string;
  id?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
export interface Job {
  name?: string;
  needs?: string;
  if?: string;
  environment?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
  strategy?: { matrix: { shard?: number[]; node?: number[] } };
}
export interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** The action that exchanges the job's OIDC token for the role's credentials. */
export const CREDENTIALS_ACTION = 'aws-actions/configure-aws-credentials';
/** The variables the SDK reads credentials from, and the output of the credentials step each must come from. */
const CREDENTIAL_VARIABLES: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'aws-access-key-id',
  AWS_SECRET_ACCESS_KEY: 'aws-secret-access-key',
  AWS_SESSION_TOKEN: 'aws-session-token',
};
/** Any mention of the credentials a credentials step put in its outputs. */
const CREDENTIAL_OUTPUT = /steps\.[\w-]+\.outputs\.aws-(?:access-key-id|secret-access-key|session-token)\b/;
/** A command that installs packages, and with them runs their install scripts unless told not to. */
const INSTALL = /\bnpm (?:ci|install|i)\b/;

const isCredentialsStep = (step: Step) => step.uses?.split('@')[0] === CREDENTIALS_ACTION;
const label = (job: string, step: Step) => `${job}: "${step.name ?? step.run ?? step.uses}"`;
const holdsCredentials = (env: Record<string, string> | undefined) => Object.keys(env ?? {}).some((name) => name in CREDENTIAL_VARIABLES);

/**
 * A step that runs the suite: the tests (the doctor is one of their projects) or
 * the janitor, as one command with nothing chained to it. The only steps that may
 * hold AWS credentials: everything before them (installs, builds, lint) and every
 * action is someone else's code.
 */
export const runsTheSuite = (step: Step) => !step.uses && /^(?:npx playwright test|npm run janitor)(?: |$)/.test(step.run ?? '') && !/[;&|\n`]|\$\(/.test(step.run ?? '');

/**
 * No stored key anywhere: no `secrets.AWS_…` key and no access key ID in the
 * text; every credential variable, in any env, is the output of the same name of
 * a credentials step earlier in its job; no action is handed keys; the
 * credentials step assumes a role.
 */
export function staticKeyProblems(workflow: Workflow, text: string): string[] {
  const problems: string[] = [];
  for (const [, name] of text.matchAll(/secrets\.(AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN))\b/g)) problems.push(`a stored key: secrets.${name}`);
  if (/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/.test(text)) problems.push('an access key ID written into the workflow');
  if (holdsCredentials(workflow.env)) problems.push("the workflow's env sets AWS credentials");
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    if (holdsCredentials(job.env)) problems.push(`${jobName}: the job's env sets AWS credentials`);
    job.steps.forEach((step, index) => {
      const earlier = new Set(job.steps.slice(0, index).filter(isCredentialsStep).map((s) => s.id));
      for (const [name, value] of Object.entries(step.env ?? {})) {
        const output = CREDENTIAL_VARIABLES[name];
        if (!output) continue;
        const from = new RegExp(`^\\$\\{\\{ steps\\.([\\w-]+)\\.outputs\\.${output} \\}\\}$`).exec(value)?.[1];
        if (!from || !earlier.has(from)) problems.push(`${label(jobName, step)}: ${name} is ${value}, not the ${output} output of a credentials step before it`);
      }
      const keys = Object.keys(step.with ?? {}).filter((input) => Object.values(CREDENTIAL_VARIABLES).includes(input));
      if (keys.length) problems.push(`${label(jobName, step)}: handed keys (${keys.join(', ')})`);
      if (isCredentialsStep(step) && !step.with?.['role-to-assume']) problems.push(`${label(jobName, step)}: assumes no role`);
    });
  }
  return problems;
}

/**
 * AWS credentials reach the steps that run the suite and nothing else. A step
 * holds them when its env or inputs name them (a credential variable, or a
 * credentials step's outputs), and so does every step after a credentials step
 * that exports them to the job's environment (the action's default, unless
 * `output-env-credentials: false`). No such step may be an action, an install
 * (`npm ci`, whose install scripts run) or any command but the suite's. And each
 * credentials step stands right before a step that runs the suite, after every
 * install and every other action of its job.
 */
export function credentialReachProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    let exported = holdsCredentials(workflow.env) || holdsCredentials(job.env);
    job.steps.forEach((step, index) => {
      const holds = exported || holdsCredentials(step.env) || CREDENTIAL_OUTPUT.test(JSON.stringify({ env: step.env, with: step.with, run: step.run }));
      if (holds && !runsTheSuite(step)) {
        const what = step.uses ? 'an action' : INSTALL.test(step.run ?? '') ? 'an install' : 'a command that is not the suite';
        problems.push(`${label(jobName, step)}: ${what} holds AWS credentials`);
      }
      if (isCredentialsStep(step)) {
        if (step.with?.['output-env-credentials'] !== false) exported = true;
        const next = job.steps[index + 1];
        if (!next || !runsTheSuite(next)) problems.push(`${label(jobName, step)}: not right before a step that runs the suite (next: ${next ? `"${next.name ?? next.run ?? next.uses}"` : 'nothing'})`);
      }
    });
  }
  return problems;
}

/**
 * Only a job that assumes the role may ask GitHub for an OIDC token (never the
 * whole workflow), and such a job: installs with `--ignore-scripts`, since any of
 * its steps could ask for a token itself; and runs code that is not on main only
 * in the approval environment the role trusts (E2E_ENVIRONMENT).
 */
export function tokenProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  if (workflow.permissions?.['id-token']) problems.push('the workflow grants id-token to every job');
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    const assumes = job.steps.some(isCredentialsStep);
    const mayAsk = job.permissions?.['id-token'] === 'write';
    if (assumes && !mayAsk) problems.push(`${jobName}: assumes the role without id-token: write`);
    if (!assumes && mayAsk) problems.push(`${jobName}: may ask for a token, and assumes no role`);
    if (!mayAsk) continue;
    for (const step of job.steps.filter((s) => INSTALL.test(s.run ?? '') && !/--ignore-scripts\b/.test(s.run ?? ''))) {
      problems.push(`${label(jobName, step)}: installs with scripts in a job that may ask for a token`);
    }
    const environment = job.environment ?? '';
    if (!environment.includes("github.ref != 'refs/heads/main'") || !environment.includes('vars.E2E_ENVIRONMENT')) {
      problems.push(`${jobName}: code not on main is not held in the approval environment (environment: ${environment || 'none'})`);
    }
  }
  return problems;
}

/** `pull_request_target` runs with the base repository's secrets and token on a pull request's event: not anywhere, not even in a comment. */
export function pullRequestTargetProblems(text: string): string[] {
  return /pull_request_target/.test(text) ? ['pull_request_target appears in the workflow'] : [];
}

/** An action from outside GitHub's own `actions/` is pinned to a commit, not a tag its owner can move. */
export function pinProblems(workflow: Workflow): string[] {
  return Object.entries(workflow.jobs).flatMap(([jobName, job]) =>
    job.steps
      .filter((step) => step.uses && !step.uses.startsWith('actions/') && !/@[0-9a-f]{40}$/.test(step.uses))
      .map((step) => `${label(jobName, step)}: ${step.uses} is not pinned to a commit`),
  );
}
