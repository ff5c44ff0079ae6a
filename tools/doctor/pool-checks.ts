import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { CODE_PLACEHOLDER, messageTemplate, verificationTemplate } from '../../common/cognito-texts.js';
import { linkOriginOf, type Target } from '../../config/target.js';
import type { CheckResult } from './check-result.js';

/** The pool's settings that decide whether its sign-up mail has anything to read: a code sent to email, email as the username, where the code or link stands. */
export function poolChecks(pool: UserPoolType, target: Target): CheckResult[] {
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
