import { createCognitoClient } from '../../helpers/cognito/client.js';
import { redactUrl } from '../../common/urls.js';
import { networkWarning, stackSettings } from '../../local/stack-settings.js';
import { describeAppClient, describeUserPool, withEmailMfaConfiguration } from '../../helpers/cognito/pool-description.js';
import { STORY_KEYS } from '../../plan/stories.js';
import { descriptionOf, descriptionFile } from '../../pages/index.js';
import { withPageSupport } from '../../plan/page-support.js';
import { plannedEmails, storySupport } from '../../plan/story-support.js';
import { loadSettings, SettingsError, type Settings } from '../../config/settings.js';
import { abilitiesOf, poolsFor, resolveTarget, separatePools, type Target } from '../../config/target.js';
import { appClientChecks } from './app-client-checks.js';
import { configurationProblems, type CheckResult } from './check-result.js';
import { deliveryRecordChecks, sesChecks } from './delivery-checks.js';
import { inboxChecks } from './inbox-checks.js';
import { limitHistoryCheck } from './limit-history-check.js';
import { pageOriginCheck } from './page-origin-check.js';
import { passkeyCheck } from './passkey-check.js';
import { permissionChecks } from './permission-checks.js';
import { poolChecks } from './pool-checks.js';
import { senderCheck } from './sender-check.js';
import { keptPageCheck } from './page-check-cache.js';
import { signUpFormCheck } from './sign-up-form-check.js';
import { storyChecks } from './story-checks.js';
import { testEmailPatternCheck } from './test-email-pattern-check.js';
import { timed } from './timed.js';
import { stackTriggerCheck, triggerChecks } from './trigger-checks.js';
import { triggerSampleChecks } from './trigger-sample-checks.js';

/**
 * Everything that must hold before a sign-up test can mean anything: the
 * configuration, every service, the pool's and the client's settings, the
 * permissions, the mail account. Each finding is ✓, ⚠ or ✗ with a fix.
 */
export async function runDoctor(
  env: Record<string, string | undefined> = process.env,
  options: {
    repeatEach?: number;
    /** Keep the page check's pass while the page, its build and the page object's words are unchanged (a test run's doctor; `npm run doctor` always looks). */
    keepPageCheck?: boolean;
    /** Where that pass is kept: node_modules/.cache by default; a test's own file, for the suite's self-tests. */
    pageCheckFile?: string;
  } = {},
): Promise<CheckResult[]> {
  let settings: Settings;
  try {
    settings = loadSettings(env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return configurationProblems(error.problems);
  }
  const results: CheckResult[] = [{ status: 'ok', title: 'The configuration is complete', detail: `target ${settings.target}: ${settings.targetReason}` }];
  const network = settings.target === 'local' ? networkWarning(stackSettings(env)) : undefined;
  if (network) {
    results.push({ status: 'warn', title: 'The embedded stack listens on the network', detail: network, fix: 'Unset LOCAL_HOST and LOCAL_ALLOW_NETWORK unless another machine must reach the stack.' });
  }

  let target: Target;
  try {
    target = await resolveTarget(settings, env);
  } catch (error) {
    results.push({ status: 'fail', title: 'The embedded stack is not running', detail: (error as Error).message, fix: 'Start it with `npm run stack`.' });
    return results;
  }

  const client = createCognitoClient(target.cognito);
  try {
    const where = target.cognito.endpoint ? redactUrl(target.cognito.endpoint) : `AWS ${target.cognito.region}`;
    const pool = await timed(() => describeUserPool(client, target.cognito.userPoolId));
    results.push(
      pool.error
        ? { status: 'fail', title: `Cognito: pool ${target.cognito.userPoolId} could not be read`, detail: pool.error.message, fix: 'Check COGNITO_USER_POOL_ID, the region and the credentials.' }
        : { status: 'ok', title: `Cognito reachable (${where}), pool ${target.cognito.userPoolId}`, detail: `${pool.ms} ms` },
    );
    const app = await timed(() => fetch(target.appUrl, { signal: AbortSignal.timeout(10_000) }));
    results.push(
      app.value && app.value.status < 400
        ? { status: 'ok', title: `App reachable at ${redactUrl(target.appUrl)}`, detail: `HTTP ${app.value.status}, ${app.ms} ms` }
        : { status: 'fail', title: `App unreachable at ${redactUrl(target.appUrl)}`, detail: app.value ? `HTTP ${app.value.status}` : app.error?.message, fix: 'Check BASE_URL (or LOCAL_APP_PORT), and that the app is deployed and up.' },
    );
    if (app.value && app.value.status < 400) {
      const pageCheck = () => signUpFormCheck(target.appUrl, settings.signupPage);
      results.push(await (options.keepPageCheck ? keptPageCheck(target.appUrl, descriptionOf(settings.signupPage), pageCheck, options.pageCheckFile) : pageCheck()));
    }
    if (settings.localAppUrl && target.cognito.endpoint) results.push(await pageOriginCheck(target.cognito.endpoint, settings.localAppUrl));
    results.push(...(await inboxChecks(target)));
    if (pool.value) results.push(...poolChecks(pool.value, target));

    const appClient = await timed(() => describeAppClient(client, target.cognito.userPoolId, target.cognito.userPoolClientId));
    if (appClient.value) results.push(...appClientChecks(appClient.value, settings));
    // Without the MFA configuration (refused: the permissions below say so), the pool as DescribeUserPool shows it.
    const described = pool.value && (await withEmailMfaConfiguration(client, target.cognito.userPoolId, pool.value).catch(() => pool.value));
    // Which stories will run: read once, for the story lines, the trigger lines and the mails this run causes.
    // The page's description on top (SIGNUP_PAGE's; the demo's Authenticator, which has every screen, by default).
    const page = { name: settings.signupPage, file: descriptionFile(settings.signupPage), description: descriptionOf(settings.signupPage) };
    const support =
      appClient.value && described ? withPageSupport(storySupport(described, appClient.value, poolsFor(target, described), abilitiesOf(target)), page, separatePools(target, described)) : undefined;
    if (support && described) results.push(...storyChecks(described, support));
    // Without GetUserPoolMfaConfig the relying party is unknown: the permissions' line says why, and this one would be a guess.
    if (described && described !== pool.value) results.push(...passkeyCheck(described, target.appUrl));
    else results.push({ status: 'fail', title: `The app client ${target.cognito.userPoolClientId} could not be read`, detail: appClient.error?.message, fix: 'Check COGNITO_CLIENT_ID: it must be a client of this pool.' });
    if (described) {
      const willRun = support && STORY_KEYS.filter((key) => support[key].runs);
      results.push(...triggerChecks(described, env, willRun));
      if (target.name === 'local') results.push(stackTriggerCheck(described, env), ...(await triggerSampleChecks(described, env)));
      // The mails this run causes, against the sender's daily quota: the stories that will run (all, when the client is unreadable), times --repeat-each.
      const planned = support
        ? plannedEmails(support, options.repeatEach)
        : plannedEmails('every story', options.repeatEach);
      results.push(await senderCheck(described, target, planned), ...(await sesChecks(described, target, planned)));
    }

    if (!pool.error) results.push(...(await permissionChecks(client, target.cognito.userPoolId)));
    if (!pool.error) results.push(...(await deliveryRecordChecks(client, target)));
    if (!pool.error && settings.testEmailPattern) results.push(await testEmailPatternCheck(client, target.cognito.userPoolId, settings.testEmailPattern));
    // The embedded stack's refusals are a story's own or a restart away; AWS's last an hour.
    if (target.name === 'remote') results.push(limitHistoryCheck(target.cognito.userPoolId));
  } finally {
    client.destroy();
  }
  return results;
}
