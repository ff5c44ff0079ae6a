import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { mailTriggers } from '../../common/lambda-triggers.js';
import { COGNITO_DEFAULT_DAILY_EMAILS, QUOTAS_PATH } from '../../common/cognito-quotas.js';
import type { QuotaReport } from '../../local/cognito/quotas.js';
import type { Target } from '../../config/target.js';
import type { CheckResult } from './check-result.js';

const USE_SES = 'Send through SES: EmailConfiguration with EmailSendingAccount DEVELOPER and a verified SES identity (docs/adopting.md "Against your real services").';
const FEWER = 'Or run fewer stories: --grep, one project, no --repeat-each.';

/**
 * Who sends the pool's mail, and whether it can send this run's: Cognito's
 * own sender (COGNITO_DEFAULT) sends at most 50 a day for the whole account
 * and region, and AWS shows nobody how many are left today; so a run that
 * needs more is stopped here, with the numbers, before it spends them. A pool
 * on SES is weighed against SES's quota (sesChecks).
 */
export async function senderCheck(pool: UserPoolType, target: Target, plannedEmails: number): Promise<CheckResult> {
  // The function must deliver every mail itself: Cognito's sender and its quota, or SES's, are not used (the trigger's own line warns).
  const customSender = mailTriggers(pool.LambdaConfig).customEmailSender;
  if (customSender) {
    return { status: 'ok', title: `Email goes out through the pool's CustomEmailSender function ${customSender}`, detail: `Cognito sends none itself; this run's ${plannedEmails} mails count against that provider's limits, not Cognito's` };
  }
  if (pool.EmailConfiguration?.EmailSendingAccount === 'DEVELOPER') {
    const source = pool.EmailConfiguration.From ?? pool.EmailConfiguration.SourceArn ?? 'an SES identity';
    return { status: 'ok', title: 'Email goes out through Amazon SES', detail: `EmailSendingAccount DEVELOPER, from ${source}` };
  }
  const title = "Email goes out through Cognito's own sender (COGNITO_DEFAULT)";
  if (target.name === 'local') {
    const quotas = await emulatorQuotas(target);
    if (!quotas || quotas.emailDailyLimit === 'off') {
      return { status: 'ok', title, detail: `the emulator's daily limit is off (LOCAL_EMAIL_DAILY_LIMIT); on AWS this run's ${plannedEmails} mails would count against ${COGNITO_DEFAULT_DAILY_EMAILS} a day` };
    }
    const left = Math.max(0, quotas.emailDailyLimit - quotas.emailsToday);
    const numbers = `${left} of the emulator's ${quotas.emailDailyLimit} a day left (LOCAL_EMAIL_DAILY_LIMIT); this run sends about ${plannedEmails}`;
    return left >= plannedEmails
      ? { status: 'ok', title, detail: numbers }
      : { status: 'fail', title: `${title} cannot send this run's mails`, detail: numbers, fix: `Raise or unset LOCAL_EMAIL_DAILY_LIMIT (a restarted emulator counts afresh). ${FEWER}` };
  }
  const numbers = `this run sends about ${plannedEmails} mails; Cognito's own sender sends at most ${COGNITO_DEFAULT_DAILY_EMAILS} a day for the whole account and region, from 09:00 UTC, and AWS does not show how many are left`;
  return plannedEmails > COGNITO_DEFAULT_DAILY_EMAILS
    ? { status: 'fail', title: `${title} cannot send this run's mails`, detail: numbers, fix: `${USE_SES} ${FEWER}` }
    : { status: 'warn', title, detail: `${numbers}; past them, every mail is refused (LimitExceededException)`, fix: USE_SES };
}

/** The embedded emulator's quotas and today's count; undefined from a Cognito that has no such endpoint. */
async function emulatorQuotas(target: Target): Promise<QuotaReport | undefined> {
  if (!target.cognito.endpoint) return undefined;
  const response = await fetch(new URL(QUOTAS_PATH, target.cognito.endpoint), { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  return response?.ok ? ((await response.json()) as QuotaReport) : undefined;
}
