import { CODE_PLACEHOLDER, USERNAME_PLACEHOLDER, messageFor, messageTemplate, type PoolMessageSettings, type RenderedMessage } from './cognito-texts.js';
import type { TriggerSource } from './cognito-operations.js';
import { looksLikeHtml } from './html-text.js';

/** The placeholder a CustomMessage trigger puts where a CONFIRM_WITH_LINK mail's link goes, as Cognito gives it. */
export const LINK_PARAMETER = '{##Click Here##}';

/** `{##Click Here##}`: the words between the marks become the link's text. */
const LINK_MARKS = /\{##([^{}]+?)##\}/;

/** Cognito's limits on what a CustomMessage trigger returns (those of a pool's own templates). */
export const CUSTOM_MESSAGE_LIMITS = { emailMessage: 20_000, emailSubject: 140 } as const;

/** The event Cognito gives a CustomMessage trigger (email fields; SMS left empty). */
export interface CustomMessageEvent {
  version: '1';
  triggerSource: `CustomMessage_${TriggerSource}`;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: {
    userAttributes: Record<string, string>;
    codeParameter: string;
    linkParameter: string;
    usernameParameter: string | null;
    clientMetadata?: Record<string, string>;
  };
  response: { smsMessage: string | null; emailMessage: string | null; emailSubject: string | null };
}

export function customMessageEvent(
  source: TriggerSource,
  pool: PoolMessageSettings & { Id?: string },
  details: { userPoolId: string; userName: string; clientId: string | null; userAttributes: Record<string, string>; clientMetadata?: Record<string, string> },
): CustomMessageEvent {
  const style = messageTemplate(source, pool).style;
  return {
    version: '1',
    triggerSource: `CustomMessage_${source}`,
    // A pool's ID starts with its region: "eu-west-1_AbC123".
    region: details.userPoolId.split('_')[0] ?? '',
    userPoolId: details.userPoolId,
    userName: details.userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: details.clientId ?? 'CLIENT_ID_NOT_APPLICABLE' },
    request: {
      userAttributes: details.userAttributes,
      codeParameter: CODE_PLACEHOLDER,
      // Given with every message, as logged events show, though only a CONFIRM_WITH_LINK mail uses it.
      linkParameter: LINK_PARAMETER,
      usernameParameter: style === 'invitation' ? USERNAME_PLACEHOLDER : null,
      ...(details.clientMetadata ? { clientMetadata: details.clientMetadata } : {}),
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}

/** The mail Cognito sends after the trigger answered, and, when it set the trigger's message aside for the pool's template, why. */
export interface CustomMessageOutcome extends RenderedMessage {
  /** Why the trigger's message was set aside for the pool's template, whole; undefined when it was used, or none was given. */
  setAside?: string;
}

/**
 * What Cognito mails once the trigger has answered: the trigger's subject and
 * message, with every placeholder filled in; the pool's own template where the
 * trigger left a field empty; and the pool's template, whole, when the
 * trigger's message cannot carry what the mail must: the code (or the link),
 * the user name of an invitation, or when it is over Cognito's limits.
 */
export function renderCustomMessage(
  source: TriggerSource,
  pool: PoolMessageSettings,
  response: Partial<CustomMessageEvent['response']> | undefined,
  values: { code: string; username?: string; link?: string },
): CustomMessageOutcome {
  const template = messageFor(source, pool, values);
  const style = messageTemplate(source, pool).style;
  const message = typeof response?.emailMessage === 'string' && response.emailMessage !== '' ? response.emailMessage : undefined;
  const subject = typeof response?.emailSubject === 'string' && response.emailSubject !== '' ? response.emailSubject : template.subject;
  const aside = (why: string): CustomMessageOutcome => ({ ...template, setAside: why });
  // A trigger that leaves a kind of mail alone (it handles only CustomMessage_SignUp, say) gets the template: not a fault.
  if (!message) return { ...template, subject };
  if (message.length > CUSTOM_MESSAGE_LIMITS.emailMessage) {
    return aside(`its emailMessage has ${message.length} characters, over Cognito's ${CUSTOM_MESSAGE_LIMITS.emailMessage}`);
  }
  if (subject.length > CUSTOM_MESSAGE_LIMITS.emailSubject) {
    return aside(`its emailSubject has ${subject.length} characters, over Cognito's ${CUSTOM_MESSAGE_LIMITS.emailSubject}`);
  }
  // Replaced by functions: a string replacement reads "$&" and "$'" as patterns, and a temporary password may hold them.
  const withCode = (text: string) => text.replaceAll(CODE_PLACEHOLDER, () => values.code);
  if (style === 'link') {
    // The code first: {####} would otherwise read as {##…##} with no words.
    const filled = withCode(message);
    if (!LINK_MARKS.test(filled)) return aside(`its emailMessage has no ${LINK_PARAMETER} (request.linkParameter) for the confirmation link`);
    const href = (values.link ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return { subject, body: filled.replace(new RegExp(LINK_MARKS, 'g'), (_, text: string) => `<a href="${href}">${text}</a>`), html: true };
  }
  if (!message.includes(CODE_PLACEHOLDER)) {
    return aside(`its emailMessage has no ${CODE_PLACEHOLDER} (request.codeParameter) for the ${style === 'invitation' ? 'temporary password' : 'code'}`);
  }
  if (style === 'invitation' && !message.includes(USERNAME_PLACEHOLDER)) {
    return aside(`its emailMessage has no ${USERNAME_PLACEHOLDER} (request.usernameParameter) for the user name`);
  }
  // A mail with a code has no link to give: AWS does not say what becomes of {##words##} there; the stack keeps the words.
  let body = withCode(message).replace(new RegExp(LINK_MARKS, 'g'), (_, text: string) => text);
  if (style === 'invitation') body = body.replaceAll(USERNAME_PLACEHOLDER, () => values.username ?? '');
  return { subject, body, html: looksLikeHtml(body) };
}
