import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { mailTriggers } from '../../common/lambda-triggers.js';
import { CODE_PLACEHOLDER } from '../../common/cognito-texts.js';
import { CodeRuleError, DEFAULT_CODE_RULE_VARIABLE, codeRulesFromEnv, type CodeRule } from '../../helpers/mail/code-rules.js';
import { MAIL_KINDS, codeRuleVariable, mailKindWords, type MailKind } from '../../common/cognito-operations.js';
import { SIGN_UP_MAIL_STORIES, STORIES, STORY_KEYS, type StoryKey } from '../../plan/stories.js';
import { configurationProblems, type CheckResult } from './check-result.js';
import { lambdaConfigOf, stackSettings } from '../../local/stack-settings.js';

const FALLBACK = "the one number of the code's length standing alone in the mail's text (no rule set)";
// extractBrandedCode reads digits, and so does a words rule (extractVerificationCode): a temporary password has letters too.
// Without a rule, an invitation is read by the template's words (right when the function leaves invitations alone): a temporary password is no number.
const NO_TEMPORARY_PASSWORD = ": no rule set, so by the words of the pool's invitation template, which a branded invitation does not have";
const WORDS_READ_DIGITS = 'a words rule, which reads digits only, and a temporary password is not';
const HOW = `a /regex/ with one capture group, or the words around ${CODE_PLACEHOLDER}`;

type Rules = Partial<Record<MailKind, CodeRule>>;
const KINDS = Object.keys(MAIL_KINDS) as MailKind[];

/** How the code of one kind of mail is found, after the kind's name, for a pool whose mails are not its templates (branded) or are. */
function source(kind: MailKind, rule: CodeRule | undefined, branded: boolean): string {
  if (kind === 'invitation' && rule?.form === 'words') return ` by ${rule.variable}: ${WORDS_READ_DIGITS}`;
  if (rule) return ` by ${rule.variable}`;
  if (!branded) return " by the words of the pool's template";
  return kind === 'invitation' ? NO_TEMPORARY_PASSWORD : ` by ${FALLBACK}`;
}

/** "sign-up, resent code by CODE_IN_MAIL; invitation by …": the kinds grouped by how their code is found, in MAIL_KINDS' order. */
function whereTheCodeIs(rules: Rules, branded: boolean): string {
  const groups = new Map<string, string[]>();
  for (const kind of KINDS) {
    const how = source(kind, rules[kind], branded);
    groups.set(how, [...(groups.get(how) ?? []), mailKindWords(kind)]);
  }
  return `the code is found in: ${[...groups].map(([how, kinds]) => `${kinds.join(', ')}${how}`).join('; ')}`;
}

/** What to set where the function's mails may defeat the fallback, and what the invitation's temporary password needs; with every kind ruled, to keep the rules in step. */
function ruleAdvice(rules: Rules): string {
  const invitation = rules.invitation;
  const needsPattern =
    invitation?.form === 'pattern'
      ? ''
      : ` The invitation needs ${codeRuleVariable('invitation')} as a /regex/ that captures the temporary password, e.g. ${codeRuleVariable('invitation')}="/password: (\\S+)/".`;
  const unruled = KINDS.some((kind) => kind !== 'invitation' && !rules[kind]);
  const fallback = unruled
    ? `Where a mail shows another number of the code's length, or the code in groups, say where the code stands: ${DEFAULT_CODE_RULE_VARIABLE} for every kind, or CODE_IN_<KIND>_MAIL for one (${HOW}).`
    : 'Keep the CODE_IN_*_MAIL rules in step with the function\'s mails.';
  return `${fallback}${needsPattern}`;
}

function storyNames(keys: readonly StoryKey[]): string {
  return keys.map((key) => `"${STORIES[key].name}"`).join(', ');
}

/**
 * The pool's Lambda triggers that change its mail (LambdaConfig, from
 * DescribeUserPool), each by its function's name, with what it means for the
 * stories and for finding the code; and the CODE_IN_*_MAIL rules, by name only.
 * `willRun`: the stories the pool and client can run (all, when unknown).
 */
export function triggerChecks(
  pool: Pick<UserPoolType, 'LambdaConfig'>,
  env: Record<string, string | undefined>,
  willRun: readonly StoryKey[] = STORY_KEYS,
): CheckResult[] {
  let rules: Rules;
  try {
    rules = codeRulesFromEnv(env);
  } catch (error) {
    if (!(error instanceof CodeRuleError)) throw error;
    return configurationProblems(error.problems);
  }
  const triggers = mailTriggers(pool.LambdaConfig);
  const branded = Boolean(triggers.customMessage || triggers.customEmailSender);
  const results: CheckResult[] = [];

  if (triggers.customMessage) {
    results.push({
      status: 'warn',
      title: `The pool's mails are written by its CustomMessage trigger, function ${triggers.customMessage}`,
      detail: `the mails are the trigger's, not the pool's templates; ${whereTheCodeIs(rules, true)}`,
      fix: ruleAdvice(rules),
    });
  }
  if (triggers.customEmailSender) {
    results.push({
      status: 'warn',
      title: `The pool's mails are sent by its CustomEmailSender trigger, function ${triggers.customEmailSender}, through the team's own provider`,
      detail:
        `Cognito hands it each code encrypted with KMS and sends no mail itself: a mail reaches the test inbox only if ${triggers.customEmailSender} sends to the suite's test addresses; ` +
        (triggers.customMessage ? 'the code is found as for the CustomMessage trigger' : whereTheCodeIs(rules, true)),
      fix: `Let ${triggers.customEmailSender} deliver to the suite's test addresses (a new inbox each test) as to any user. ${triggers.customMessage ? '' : ruleAdvice(rules)}`.trim(),
    });
  }
  if (triggers.preSignUp) {
    const waiting = SIGN_UP_MAIL_STORIES.filter((key) => willRun.includes(key));
    results.push({
      status: 'warn',
      title: `The pool runs a PreSignUp trigger, function ${triggers.preSignUp}, before every sign-up`,
      detail:
        `it may refuse the suite's test addresses, and the page shows "PreSignUp failed with error …", or confirm them at once, so that no mail is sent; ` +
        `stories that wait for the sign-up mail: ${waiting.length ? storyNames(waiting) : 'none of those that will run'}` +
        (willRun.includes('invitation') ? `; AdminCreateUser runs it too (${storyNames(['invitation'])})` : ''),
      fix: `Let ${triggers.preSignUp} pass the suite's test addresses through unconfirmed (neither autoConfirmUser nor autoVerifyEmail), or these stories fail: refused, or waiting for a mail that never comes.`,
    });
  }
  const variables = [...new Set(Object.values(rules).map((rule) => rule.variable))];
  if (!branded && variables.length) {
    results.push({
      status: 'ok',
      title: `${variables.join(', ')} set: the rules override the words of the pool's templates`,
      detail: `the pool has no CustomMessage or CustomEmailSender trigger; ${whereTheCodeIs(rules, false)}`,
    });
  }
  return results;
}

/**
 * On the embedded stack: the pool runs the handlers the settings name
 * (LOCAL_CUSTOM_MESSAGE_TRIGGER, LOCAL_PRE_SIGN_UP_TRIGGER), and no others. A
 * stack started by hand is reused by `npx playwright test`; started with other
 * settings, it would run other code than the one this run is meant to test.
 */
export function stackTriggerCheck(pool: Pick<UserPoolType, 'LambdaConfig'>, env: Record<string, string | undefined>): CheckResult {
  const wanted = mailTriggers(lambdaConfigOf(stackSettings(env).triggers));
  const running = mailTriggers(pool.LambdaConfig);
  const pairs = [
    ['LOCAL_CUSTOM_MESSAGE_TRIGGER', 'CustomMessage', wanted.customMessage, running.customMessage],
    ['LOCAL_PRE_SIGN_UP_TRIGGER', 'PreSignUp', wanted.preSignUp, running.preSignUp],
  ] as const;
  const differ = pairs.filter(([, , want, run]) => want !== run);
  const says = (name: string | undefined) => (name ? `function ${name}` : 'none');
  if (!differ.length) {
    const names = pairs.filter(([, , want]) => want).map(([, trigger, want]) => `${trigger} ${want}`);
    return { status: 'ok', title: names.length ? `The embedded stack runs your triggers: ${names.join(', ')}` : 'The embedded stack runs no Lambda trigger, as set' };
  }
  return {
    status: 'fail',
    title: 'The running embedded stack runs other Lambda triggers than the settings name',
    detail: differ.map(([variable, trigger, want, run]) => `${trigger}: ${variable} names ${says(want)}, the stack's pool runs ${says(run)}`).join('; '),
    fix: 'The stack was started with other settings, and is being reused (a stack started by hand, `npm run stack`, is). Stop it and run again, so that the run starts its own; or start it again with these settings.',
  };
}
