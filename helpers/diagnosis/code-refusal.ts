import { withAdvice } from '../cognito/advice.js';
import type { VerificationEmail } from '../mail/types.js';

/** ": message." for Cognito's message, which may or may not end its own sentence; "." when there is none. */
export const sentence = (message?: string) => (message ? `: ${message}${/[.!?]$/.test(message) ? '' : '.'}` : '.');

/**
 * Why Cognito refused a code: the exception, and whose code it was, judged
 * from the mails the test received: an earlier mail's (replaced since), or
 * the latest mail's (then the mail carries a code Cognito did not issue).
 */
export function codeRefusal(
  refusal: { operation: string; exception: string; message?: string },
  code: string,
  mails: readonly VerificationEmail[],
): { cause: string; likely?: string } {
  const { operation, exception } = refusal;
  const refused = `Cognito refused the code ${code}: ${operation} answered ${exception}${sentence(refusal.message)}`;
  const from = mails.findLast((m) => m.code === code);
  const latest = mails.at(-1);
  if (exception === 'CodeMismatchException' && from && latest && from === latest) {
    return {
      cause: `${refused} It is the code of the latest mail (received ${latest.receivedAt.toISOString()}).`,
      likely:
        'The mail carries a code Cognito did not issue: something between Cognito and the inbox changed it (a CustomMessage trigger, ' +
        'a template that rewrites {####}, a mail path that alters the body), or another action replaced the code after this mail.',
    };
  }
  if (from && latest && from !== latest) {
    return { cause: `${refused} It is the code of an earlier mail (received ${from.receivedAt.toISOString()}); the latest mail holds ${latest.code}.` };
  }
  return { cause: withAdvice(exception, refused) };
}
