import { randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  DescribeUserPoolClientCommand,
  GetUserPoolMfaConfigCommand,
  DescribeUserPoolCommand,
  ListUsersCommand,
  type CognitoIdentityProviderClient,
  type UserPoolClientType,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { chromium } from '@playwright/test';
import { MailSlurp } from 'mailslurp-client';
import { UIS, type UiName } from '../../pages/index.js';
import { chromiumExecutablePath } from '../../config/browser.js';
import { createCognitoClient } from '../../helpers/cognito/client.js';
import { CognitoUsers } from '../../helpers/cognito/users.js';
import { DeletionGuard, ownedAddresses, vetTestEmailPattern } from '../../helpers/cognito/deletion-guard.js';
import { MailDevBackend } from '../../helpers/mail/maildev.js';
import { loadSettings, SettingsError, type Settings } from '../../config/settings.js';
import { linkOriginOf, poolsFor, resolveTarget, type Target } from '../../config/target.js';
import { MAILS_PER_STORY, STORIES, plannedEmails, storySupport, type StoryKey, type Support } from '../../helpers/cognito/story-support.js';
import { deliveryRecordChecks, sesChecks } from './delivery-checks.js';
import { senderCheck } from './sender-check.js';
import { stackTriggerCheck, triggerChecks } from './trigger-checks.js';
import { triggerSampleChecks } from './trigger-sample-checks.js';
import { explicitAuthFlowsOf } from '../../common/auth-flows.js';
import { CODE_PLACEHOLDER, messageTemplate, verificationTemplate } from '../../common/cognito-texts.js';

import { configurationProblems, type CheckResult, type CheckStatus } from './check-result.js';

export type { CheckResult, CheckStatus } from './check-result.js';

const MARK: Record<CheckStatus, string> = { ok: '✓', warn: '⚠', fail: '✗' };

async function timed<T>(work: () => Promise<T>): Promise<{ value?: T; error?: Error; ms: number }> {
  const started = performance.now();
  try {
    return { value: await work(), ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { error: error as Error, ms: Math.round(performance.now() - started) };
  }
}

/** Allowed means: AWS let the call through, and it failed (if at all) only because the probe user does not exist. */
async function allowed(call: () => Promise<unknown>): Promise<{ ok: boolean; why?: string }> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    const name = (error as Error).name;
    return name === 'UserNotFoundException' ? { ok: true } : { ok: false, why: (error as Error).message };
  }
}

function poolChecks(pool: UserPoolType, target: Target): CheckResult[] {
  const results: CheckResult[] = [];
  const autoVerified = pool.AutoVerifiedAttributes ?? [];
  results.push(
    autoVerified.includes('email')
      ? { status: 'ok', title: 'The pool sends a verification code to email', detail: `AutoVerifiedAttributes: ${autoVerified.join(', ')}` }
      : {
          status: 'fail',
          title: 'The pool sends no verification code to email',
          detail: `AutoVerifiedAttributes: ${autoVerified.join(', ') || 'none'}`,
          fix: "Set AutoVerifiedAttributes to ['email'] (console: Sign-up experience, attribute verification), or Cognito sends no code at all.",
        },
  );
  const emailSignIn = pool.UsernameAttributes?.includes('email') || pool.AliasAttributes?.includes('email');
  results.push(
    emailSignIn
      ? { status: 'ok', title: 'Email is the username or an alias', detail: pool.UsernameAttributes?.includes('email') ? 'UsernameAttributes: email' : 'AliasAttributes: email' }
      : {
          status: 'fail',
          title: 'Email is neither the username nor an alias',
          fix: 'The suite signs users up by email: create the pool with email as a username attribute (or alias); this cannot be changed later.',
        },
  );
  const option = pool.VerificationMessageTemplate?.DefaultEmailOption;
  const message = verificationTemplate(pool).message;
  if (option === 'CONFIRM_WITH_LINK') {
    // A link pool runs the link story and the invitation; the code stories are skipped, each saying why (below).
    const byLink = messageTemplate('SignUp', pool).message;
    const linkOrigin = linkOriginOf(target, pool);
    results.push(
      /\{##[\s\S]*?##\}/.test(byLink)
        ? { status: 'ok', title: 'The pool confirms sign-ups by link, and its message holds {##…##}', detail: JSON.stringify(byLink.slice(0, 60)) }
        : {
            status: 'fail',
            title: 'The pool confirms sign-ups by link, but its message has no {##…##}',
            detail: JSON.stringify(byLink.slice(0, 60)),
            fix: 'Put {##Verify Email##} in VerificationMessageTemplate.EmailMessageByLink: it is where Cognito writes the link.',
          },
      linkOrigin
        ? { status: 'ok', title: `The pool's links point to ${linkOrigin}`, detail: target.cognito.endpoint ? 'COGNITO_ENDPOINT, the stand-in' : 'its hosted domain' }
        : {
            status: 'warn',
            title: 'The pool confirms by link, but has no domain for its links',
            fix: 'Give the pool a Cognito domain (console: App integration, Domain): its links point there, and the link story is skipped until then.',
          },
    );
  } else {
    results.push(
      message.includes(CODE_PLACEHOLDER)
        ? { status: 'ok', title: `The verification message contains ${CODE_PLACEHOLDER}`, detail: JSON.stringify(message.slice(0, 60)) }
        : {
            status: 'fail',
            title: `The verification message has no ${CODE_PLACEHOLDER}`,
            detail: JSON.stringify(message.slice(0, 60)),
            fix: `Put ${CODE_PLACEHOLDER} in VerificationMessageTemplate.EmailMessage (and EmailVerificationMessage): it is where Cognito writes the code.`,
          },
    );
  }
  return results;
}

/** The stories this pool and client can run, and the ones that will be skipped, each with its reason (the report says the same). */
function storyChecks(pool: UserPoolType, support: Record<StoryKey, Support>): CheckResult[] {
  // A pool that mails nothing at sign-up is a ✗ of the pool's checks, and stops the run; a link pool skips the code stories, saying so.
  const mailsAtSignUp = (pool.AutoVerifiedAttributes ?? []).includes('email');
  const stories = Object.entries(support).filter(([key, s]) => key !== 'signUpByCode' || s.runs || mailsAtSignUp);
  return stories.map(([key, support]) =>
    support.runs
      ? { status: 'ok', title: `Story "${STORIES[key as StoryKey]}" will run`, detail: support.why }
      : {
          status: 'warn',
          title: `Story "${STORIES[key as StoryKey]}" will be skipped`,
          detail: support.why,
          fix: 'Set the pool up for it (see docs/flows.md, "Flows"), or accept the skip: the report names it.',
        },
  );
}

function clientChecks(client: UserPoolClientType, settings: Settings): CheckResult[] {
  const results: CheckResult[] = [{ status: 'ok', title: 'The app client exists', detail: `${client.ClientName ?? ''} ${client.ClientId}`.trim() }];
  const flows = explicitAuthFlowsOf(client);
  const needed = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'];
  results.push(
    needed.some((flow) => flows.includes(flow))
      ? { status: 'ok', title: 'The app client allows the sign-in the UI uses', detail: flows.join(', ') }
      : {
          status: 'fail',
          title: 'The app client allows no sign-in the UI can use',
          detail: flows.join(', '),
          fix: `Add ${needed.join(' or ')} to the client's ExplicitAuthFlows: the UI signs the new user in after confirmation.`,
        },
  );
  const configured = settings.remote?.clientSecret;
  if (!client.ClientSecret) {
    results.push({ status: 'ok', title: 'The app client is public (no secret)', detail: 'as a browser app needs' });
  } else if (!configured) {
    results.push({
      status: 'warn',
      title: 'The app client has a secret',
      detail: 'a browser app (Amplify) cannot sign up with it: Cognito demands SECRET_HASH',
      fix: 'Set COGNITO_CLIENT_SECRET so the suite can compute SECRET_HASH, or point COGNITO_CLIENT_ID at a public client.',
    });
  } else if (configured === client.ClientSecret) {
    results.push({ status: 'ok', title: 'The app client has a secret, and COGNITO_CLIENT_SECRET matches it', detail: 'calls carry SECRET_HASH' });
  } else {
    results.push({
      status: 'fail',
      title: 'COGNITO_CLIENT_SECRET does not match the app client',
      fix: "Copy the client's secret into COGNITO_CLIENT_SECRET again (its value is not shown here).",
    });
  }
  return results;
}

async function permissionChecks(client: CognitoIdentityProviderClient, userPoolId: string): Promise<CheckResult[]> {
  // A probe address no user can have: the calls either are allowed (and find nobody) or are refused.
  const probe = `doctor-probe-${randomBytes(8).toString('hex')}@example.invalid`;
  const users = new CognitoUsers({ client, userPoolId, guard: new DeletionGuard(ownedAddresses([], 'nothing: the doctor deletes no one')) });
  const calls: [string, () => Promise<{ ok: boolean; why?: string }>][] = [
    ['ListUsers', () => allowed(() => client.send(new ListUsersCommand({ UserPoolId: userPoolId, Limit: 1 })))],
    ['AdminGetUser', () => allowed(() => client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: probe })))],
    // The template of sign-in codes: every run reads it once per worker.
    ['GetUserPoolMfaConfig', () => allowed(() => client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId })))],
    ['AdminDeleteUser', async () => users.mayDeleteUsers().then(({ allowed: ok, why }) => ({ ok, why }))],
  ];
  const results: CheckResult[] = [];
  for (const [name, call] of calls) {
    const { ok, why } = await call();
    results.push(
      ok
        ? { status: 'ok', title: `Allowed: cognito-idp:${name}` }
        : { status: 'fail', title: `Not allowed: cognito-idp:${name}`, detail: why, fix: 'Grant the IAM policy in docs/adopting.md "Least privilege" on this pool.' },
    );
  }
  // Only the invitation story needs it. RESEND to a name no user has creates nobody: allowed → UserNotFoundException.
  const invite = await allowed(() => client.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: probe, MessageAction: 'RESEND' })));
  results.push(
    invite.ok
      ? { status: 'ok', title: 'Allowed: cognito-idp:AdminCreateUser' }
      : {
          status: 'warn',
          title: 'Not allowed: cognito-idp:AdminCreateUser',
          detail: invite.why,
          fix: 'The admin invitation story will fail: grant it (docs/adopting.md "Least privilege"), or leave that story out.',
        },
  );
  return results;
}

async function mailChecks(target: Target): Promise<CheckResult[]> {
  if (target.mail.kind === 'maildev') {
    const url = target.mail.url;
    const health = await timed(async () => (await fetch(`${url}/api/healthz`)).ok || Promise.reject(new Error('not healthy')));
    if (health.error) {
      return [{ status: 'fail', title: `MailDev is unreachable at ${url}`, detail: health.error.message, fix: 'Start the stack (npm run stack) or check LOCAL_MAIL_WEB_PORT.' }];
    }
    const push = await timed(async () => (await MailDevBackend.connect(url, 3_000)).close());
    return [
      { status: 'ok', title: `MailDev reachable at ${url}`, detail: `${health.ms} ms` },
      push.error
        ? { status: 'fail', title: "MailDev's push events do not connect", detail: push.error.message, fix: 'Check that nothing between here and MailDev blocks websockets.' }
        : { status: 'ok', title: "MailDev's push events connect", detail: `${push.ms} ms` },
    ];
  }
  const mailslurp = new MailSlurp({ apiKey: target.mail.apiKey, ...(target.mail.basePath ? { basePath: target.mail.basePath } : {}) });
  const where = target.mail.basePath ?? 'https://javascript.api.mailslurp.com';
  const info = await timed(() => mailslurp.userController.getUserInfo({ signal: AbortSignal.timeout(10_000) }));
  if (info.error || !info.value) {
    const status = info.error instanceof Response ? info.error.status : undefined;
    return [
      status === 401 || status === 403
        ? { status: 'fail', title: `MailSlurp refused the API key (HTTP ${status})`, fix: 'Check MAILSLURP_API_KEY in .env, or the CI secret of that name.' }
        : { status: 'fail', title: `MailSlurp is unreachable at ${where}`, detail: status ? `HTTP ${status}` : String(info.error?.message ?? info.error), fix: 'Check the network, or MAILSLURP_BASE_URL.' },
    ];
  }
  return [
    { status: 'ok', title: `MailSlurp reachable at ${where}, and the key is valid`, detail: `${info.ms} ms` },
    info.value.accountState === 'ACTIVE'
      ? { status: 'ok', title: 'The MailSlurp account can create inboxes', detail: `account ${info.value.accountState}, ${info.value.subscriptionType ?? 'no subscription'}` }
      : { status: 'fail', title: `The MailSlurp account is ${info.value.accountState}`, fix: 'A frozen account creates no inboxes: check the plan in the MailSlurp dashboard.' },
  ];
}

/**
 * Everything that must hold before a sign-up test can mean anything: the
 * configuration, every service, the pool's and the client's settings, the
 * permissions, the mail account. Each finding is ✓, ⚠ or ✗ with a fix.
 */
export async function runDoctor(env: Record<string, string | undefined> = process.env, options: { repeatEach?: number } = {}): Promise<CheckResult[]> {
  let settings: Settings;
  try {
    settings = loadSettings(env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return configurationProblems(error.problems);
  }
  const results: CheckResult[] = [{ status: 'ok', title: 'The configuration is complete', detail: `target ${settings.target}: ${settings.targetReason}` }];

  let target: Target;
  try {
    target = await resolveTarget(settings, env);
  } catch (error) {
    results.push({ status: 'fail', title: 'The embedded stack is not running', detail: (error as Error).message, fix: 'Start it with `npm run stack`.' });
    return results;
  }

  const client = createCognitoClient(target.cognito);
  try {
    const where = target.cognito.endpoint ?? `AWS ${target.cognito.region}`;
    const pool = await timed(() => client.send(new DescribeUserPoolCommand({ UserPoolId: target.cognito.userPoolId })));
    results.push(
      pool.error
        ? { status: 'fail', title: `Cognito: pool ${target.cognito.userPoolId} could not be read`, detail: pool.error.message, fix: 'Check COGNITO_USER_POOL_ID, the region and the credentials.' }
        : { status: 'ok', title: `Cognito reachable (${where}), pool ${target.cognito.userPoolId}`, detail: `${pool.ms} ms` },
    );
    const app = await timed(() => fetch(target.appUrl, { signal: AbortSignal.timeout(10_000) }));
    results.push(
      app.value && app.value.status < 400
        ? { status: 'ok', title: `App reachable at ${target.appUrl}`, detail: `HTTP ${app.value.status}, ${app.ms} ms` }
        : { status: 'fail', title: `App unreachable at ${target.appUrl}`, detail: app.value ? `HTTP ${app.value.status}` : app.error?.message, fix: 'Check BASE_URL (or LOCAL_APP_PORT), and that the app is deployed and up.' },
    );
    if (app.value && app.value.status < 400) results.push(await signUpFormCheck(target.appUrl, settings.signupPage));
    results.push(...(await mailChecks(target)));
    if (pool.value?.UserPool) results.push(...poolChecks(pool.value.UserPool, target));

    const appClient = await timed(() =>
      client.send(new DescribeUserPoolClientCommand({ UserPoolId: target.cognito.userPoolId, ClientId: target.cognito.userPoolClientId })),
    );
    if (appClient.value?.UserPoolClient) results.push(...clientChecks(appClient.value.UserPoolClient, settings));
    // The sign-in code's template and email MFA are in the MFA configuration, not DescribeUserPool; refused, the permissions below say so.
    const mfa = pool.value?.UserPool ? await timed(() => client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: target.cognito.userPoolId }))) : undefined;
    const described = pool.value?.UserPool && { ...pool.value.UserPool, EmailMfaConfiguration: mfa?.value?.EmailMfaConfiguration };
    // Which stories will run: read once, for the story lines, the trigger lines and the mails this run causes.
    const support = appClient.value?.UserPoolClient && described ? storySupport(described, appClient.value.UserPoolClient, poolsFor(target, described)) : undefined;
    if (support && described) results.push(...storyChecks(described, support));
    else results.push({ status: 'fail', title: `The app client ${target.cognito.userPoolClientId} could not be read`, detail: appClient.error?.message, fix: 'Check COGNITO_CLIENT_ID: it must be a client of this pool.' });
    if (described) {
      const willRun = support && (Object.keys(support) as StoryKey[]).filter((key) => support[key].runs);
      results.push(...triggerChecks(described, env, willRun));
      if (target.name === 'local') results.push(stackTriggerCheck(described, env), ...(await triggerSampleChecks(described, env)));
      // The mails this run causes, against the sender's daily quota: the stories that will run (all, when the client is unreadable), times --repeat-each.
      const planned = support
        ? plannedEmails(support, options.repeatEach)
        : Object.values(MAILS_PER_STORY).reduce((a, b) => a + b, 0) * (options.repeatEach ?? 1);
      results.push(await senderCheck(described, target, planned), ...(await sesChecks(described, target, planned)));
    }

    if (!pool.error) results.push(...(await permissionChecks(client, target.cognito.userPoolId)));
    if (!pool.error) results.push(...(await deliveryRecordChecks(client, target)));
    if (!pool.error && settings.testEmailPattern) results.push(await patternCheck(client, target.cognito.userPoolId, settings.testEmailPattern));
  } finally {
    client.destroy();
  }
  return results;
}

/**
 * Opens the page under test in a browser and looks for the sign-up form the
 * chosen page object expects, by its words: a page that answers 200 but is not
 * the sign-up page (a login wall, another route, the demo app instead of yours)
 * fails here, once, instead of in every story.
 */
async function signUpFormCheck(url: string, pageName: UiName): Promise<CheckResult> {
  const words = UIS[pageName].signUp;
  const expected = `"${words.submit}", "${words.email}", "${words.password}"`;
  const executablePath = chromiumExecutablePath();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  const started = performance.now();
  try {
    const page = await browser.newPage();
    await page.goto(url, { timeout: 15_000 });
    const wanted = [
      page.getByRole('button', { name: words.submit, exact: true }),
      page.getByLabel(words.email, { exact: true }),
      page.getByLabel(words.password, { exact: true }),
    ];
    try {
      for (const locator of wanted) await locator.waitFor({ state: 'visible', timeout: Math.max(1, 10_000 - (performance.now() - started)) });
    } catch {
      const headings = (await page.getByRole('heading').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
      const buttons = (await page.getByRole('button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
      return {
        status: 'fail',
        title: `The page at ${url} shows no sign-up form of page object "${pageName}"`,
        detail: `looked for ${expected} for ${Math.round(performance.now() - started)} ms; the page shows title "${await page.title()}", headings [${headings.join(', ')}], buttons [${buttons.join(', ')}]`,
        fix: 'Check BASE_URL (the sign-up page itself, not the site\'s home) and SIGNUP_PAGE (the page object whose words match your form).',
      };
    }
    return { status: 'ok', title: `The sign-up page at ${url} shows its form (page object "${pageName}")`, detail: `${expected}, ${Math.round(performance.now() - started)} ms` };
  } catch (error) {
    return { status: 'fail', title: `The sign-up page at ${url} did not load in a browser`, detail: (error as Error).message.split('\n')[0], fix: 'Check BASE_URL, and that the app is deployed and up.' };
  } finally {
    await browser.close();
  }
}

/** The doctor looks at this many users at most for TEST_EMAIL_PATTERN's dry run; the janitor looks at all. */
const PATTERN_DRY_RUN_USERS = 6_000;

/** TEST_EMAIL_PATTERN's dry run: what the janitor would delete with it, and whether the janitor will refuse it. */
async function patternCheck(client: CognitoIdentityProviderClient, userPoolId: string, pattern: RegExp): Promise<CheckResult> {
  const lister = new CognitoUsers({ client, userPoolId, guard: new DeletionGuard(ownedAddresses([], 'nothing: the doctor deletes no one')) });
  const users = await lister.listAllUsers(PATTERN_DRY_RUN_USERS);
  const vetting = vetTestEmailPattern(
    pattern,
    users.map((user) => ({ email: user.Attributes?.find((a) => a.Name === 'email')?.Value ?? '', status: user.UserStatus, created: user.UserCreateDate })),
  );
  const examples = vetting.matched.slice(0, 5).map((user) => user.email);
  const seen = users.length >= PATTERN_DRY_RUN_USERS ? `the first ${users.length} users` : `${users.length} user(s)`;
  const detail = `matches ${vetting.matched.length} of ${seen}${examples.length ? `: ${examples.join(', ')}${vetting.matched.length > examples.length ? ', …' : ''}` : ''}`;
  return vetting.refusals.length
    ? {
        status: 'warn',
        title: 'TEST_EMAIL_PATTERN would be refused by the janitor',
        detail: `${detail}; ${vetting.refusals.join('; ')}`,
        fix: 'Narrow the pattern to your test addresses; only if every match really is a test user, run the janitor with --i-know.',
      }
    : { status: 'ok', title: "TEST_EMAIL_PATTERN's dry run (the janitor's extra addresses)", detail };
}

/** The checklist as printed: one line per check, the fix under each ⚠ and ✗, then a count. */
export function formatChecklist(results: CheckResult[]): string {
  const lines = results.flatMap((r) => [
    `${MARK[r.status]} ${r.title}${r.detail ? ` (${r.detail})` : ''}`,
    ...(r.fix && r.status !== 'ok' ? [`    → ${r.fix}`] : []),
  ]);
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  lines.push(`${count('ok')} ✓, ${count('warn')} ⚠, ${count('fail')} ✗`);
  return lines.join('\n');
}

export const hasFailures = (results: CheckResult[]) => results.some((r) => r.status === 'fail');
