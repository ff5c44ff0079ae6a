import { redactUrl } from '../../common/urls.js';
import type { Target } from '../../config/target.js';
import { MailDevBackend } from '../../helpers/mail/maildev.js';
import type { CheckResult } from './check-result.js';
import { timed } from './timed.js';

/** Where the tests read their mail: MailDev answers and pushes its events, or MailSlurp takes the key and the account can create inboxes. */
export async function inboxChecks(target: Target): Promise<CheckResult[]> {
  if (target.mail.kind === 'maildev') {
    const url = target.mail.url;
    const shown = redactUrl(url);
    const health = await timed(async () => (await fetch(`${url}/api/healthz`)).ok || Promise.reject(new Error('not healthy')));
    if (health.error) {
      return [{ status: 'fail', title: `MailDev is unreachable at ${shown}`, detail: health.error.message, fix: 'Start the stack (npm run stack) or check LOCAL_MAIL_WEB_PORT.' }];
    }
    const push = await timed(async () => (await MailDevBackend.connect(url, 3_000)).close());
    return [
      { status: 'ok', title: `MailDev reachable at ${shown}`, detail: `${health.ms} ms` },
      push.error
        ? { status: 'fail', title: "MailDev's push events do not connect", detail: push.error.message, fix: 'Check that nothing between here and MailDev blocks websockets.' }
        : { status: 'ok', title: "MailDev's push events connect", detail: `${push.ms} ms` },
    ];
  }
  // Loaded here: a local run's doctor never needs the MailSlurp client, a third of a second to load.
  const { MailSlurp } = await import('mailslurp-client');
  const mailslurp = new MailSlurp({ apiKey: target.mail.apiKey, ...(target.mail.basePath ? { basePath: target.mail.basePath } : {}) });
  const where = redactUrl(target.mail.basePath ?? 'https://javascript.api.mailslurp.com');
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
