import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { messageTemplate, signInCodeTemplate, verificationTemplate, type PoolMessageSettings } from '../../common/cognito-texts.js';
import { MAIL_KINDS, codeRuleVariable, mailKindWords, triggerSourceOf, type MailKind } from '../../common/cognito-operations.js';
import { customMessageEvent, renderCustomMessage, type CustomMessageEvent } from '../../common/custom-message.js';
import { htmlToText } from '../../common/html-text.js';
import { CodeReader, codeReading } from '../../helpers/mail/code-reading.js';
import { CodeRuleError, codeRulesFromEnv } from '../../helpers/mail/code-rules.js';
import { VerificationCodeError } from '../../helpers/mail/verification-code.js';
import { TeamFunction } from '../../local/cognito/team-function.js';
import { stackSettings } from '../../local/stack-settings.js';
import type { CheckResult } from './check-result.js';

/** Every kind of mail the suite reads: a sample of each is written with the trigger source of the first operation that mails it. */
const KINDS = Object.keys(MAIL_KINDS) as MailKind[];

const SAMPLE_ADDRESS = 'sample-user@doctor.example';
// A code, and a temporary password as a pool's policy makes them: what Cognito would fill {####} with.
const SAMPLE_CODE = '530917';
const SAMPLE_PASSWORD = 'Tq7#mZ2k!pL9';

/**
 * On the embedded stack with a CustomMessage handler (LOCAL_CUSTOM_MESSAGE_TRIGGER):
 * the handler writes a sample of each kind of mail, with a known code, and
 * the suite reads it as a story would (its CODE_IN_* rule, else the branded
 * fallback). A rule that matches nothing, a fallback that finds two numbers,
 * or a message Cognito would set aside stops the run here, before any user
 * signs up, with what was wrong and the setting to change.
 */
export async function triggerSampleChecks(pool: UserPoolType & PoolMessageSettings, env: Record<string, string | undefined>): Promise<CheckResult[]> {
  const module = stackSettings(env).triggers.customMessage;
  if (!module) return [];
  let rules;
  try {
    rules = codeRulesFromEnv(env);
  } catch (error) {
    if (error instanceof CodeRuleError) return []; // Reported by triggerChecks, with the fix.
    throw error;
  }
  const handler = new TeamFunction('CustomMessage', module);
  const signInCode = signInCodeTemplate(pool);
  const reader = new CodeReader(
    {
      template: verificationTemplate(pool),
      templates: { invitation: messageTemplate('AdminCreateUser', pool), ...(signInCode.own ? { signInCode } : {}) },
      address: SAMPLE_ADDRESS,
    },
    codeReading(rules, pool.LambdaConfig),
  );
  const problems: CheckResult[] = [];
  for (const kind of KINDS) {
    const problem = await sampleProblem(kind, pool, handler, reader);
    if (problem) problems.push({ status: 'fail', title: `${module.name} on a sample ${mailKindWords(kind)} mail (CustomMessage_${triggerSourceOf(kind)})`, ...problem });
  }
  if (problems.length) return problems;
  const kinds = KINDS.map(mailKindWords).join(', ');
  return [{ status: 'ok', title: `The code is read from ${module.name}'s own mails`, detail: `a sample of each (${kinds}), written by the handler with a known code, read as the stories will` }];
}

async function sampleProblem(kind: MailKind, pool: UserPoolType & PoolMessageSettings, handler: TeamFunction, reader: CodeReader): Promise<Pick<CheckResult, 'detail' | 'fix'> | undefined> {
  const source = triggerSourceOf(kind);
  const code = kind === 'invitation' ? SAMPLE_PASSWORD : SAMPLE_CODE;
  const event = customMessageEvent(source, pool, {
    userPoolId: pool.Id ?? 'local_sample',
    userName: 'sample-user-sub',
    clientId: kind === 'invitation' ? null : 'sample-client',
    userAttributes: { sub: 'sample-user-sub', email: SAMPLE_ADDRESS, email_verified: 'false', 'cognito:user_status': 'UNCONFIRMED' },
  });
  let answered: CustomMessageEvent;
  try {
    answered = await handler.invoke(event);
  } catch (error) {
    return { detail: `Cognito would refuse the call: ${(error as Error).message}`, fix: `Fix the handler (${handler.description}); the stack's log has its stack trace when a story runs it.` };
  }
  const mail = renderCustomMessage(source, pool, answered.response, { code, username: SAMPLE_ADDRESS });
  if (mail.setAside) {
    return { detail: `Cognito would send the pool's own template instead, because ${mail.setAside}`, fix: `Fix the handler (${handler.description}) so that its message carries what Cognito fills in.` };
  }
  const body = mail.html ? { html: mail.body, text: htmlToText(mail.body) } : { text: mail.body };
  try {
    const found = kind === 'invitation' ? reader.invitation(body).temporaryPassword : reader.code(body, kind);
    if (found === code) return undefined;
    return { detail: `read "${found}" where the sample's code is "${code}"`, fix: `Say where the code stands with ${codeRuleVariable(kind)} (see docs/adopting.md "Where the code stands in your own mails").` };
  } catch (error) {
    if (!(error instanceof VerificationCodeError)) throw error;
    return { detail: error.message, fix: `Set ${codeRuleVariable(kind)} (or CODE_IN_MAIL) so that it reads the sample's code, ${code}.` };
  }
}
