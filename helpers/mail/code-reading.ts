import { extractBrandedCode, extractCodeByRule, type CodeRule } from './code-rules.js';
import { extractConfirmationLink, extractLinkWithCode } from './confirmation-link.js';
import { extractInvitation } from './invitation.js';
import { VerificationCodeError, extractSignInCode, extractVerificationCode, mailText, type MailBody } from './verification-code.js';
import { clip, escapeRegExp } from '../text.js';
import type { VerificationTemplate } from '../../common/cognito-texts.js';
import { mailTriggers, type MailLambdaConfig, type MailTriggers } from '../../common/lambda-triggers.js';
import { codeDigitsOf, codeRuleVariable, mailKindWords, type MailKind } from '../../common/cognito-operations.js';

/** How the inbox reads mail that the pool's templates may not have written. */
export interface CodeReading {
  /** Where the code stands in each kind of mail (CODE_IN_*: settings.codeRules); a kind without one has none. */
  rules: Partial<Record<MailKind, CodeRule>>;
  /** The Lambda trigger that writes or sends the pool's mail, as messages name it; none: Cognito's templates do. */
  trigger?: string;
  /** The pool's mail triggers by function name (PreSignUp too): a trigger's error then names its function. */
  functions?: MailTriggers;
}

/** The rules, and the trigger that writes the pool's mail when it has one (DescribeUserPool's LambdaConfig). */
export function codeReading(rules: CodeReading['rules'], lambdaConfig: MailLambdaConfig | undefined): CodeReading {
  const { customMessage, customEmailSender } = mailTriggers(lambdaConfig);
  const trigger = customMessage ? `CustomMessage trigger \`${customMessage}\`` : customEmailSender ? `CustomEmailSender trigger \`${customEmailSender}\`` : undefined;
  return { rules, ...(trigger ? { trigger } : {}), functions: mailTriggers(lambdaConfig) };
}

/** A message that ends as a sentence, so another can follow it. */
const sentence = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);

/** What the reader reads mail by: the pool's templates, and the address the mail went to. */
export interface PoolMail {
  readonly template: VerificationTemplate;
  readonly templates: { readonly invitation?: VerificationTemplate; readonly signInCode?: VerificationTemplate };
  readonly address: string;
}

/**
 * How the code, the invitation or the link is read out of each kind of mail:
 * by the kind's CODE_IN_* rule; else, when a trigger writes the pool's mail,
 * as branded mail; else by the words of the pool's templates, as without
 * either. Its errors say which kind of mail it was, who wrote it, and the
 * setting that says where its code stands.
 */
export class CodeReader {
  constructor(
    private readonly pool: PoolMail,
    private readonly reading: CodeReading,
  ) {}

  /**
   * What a verification mail's subject must be: exactly the template's. With a
   * trigger writing the mail, the subject is the trigger's own, unknown to the
   * suite: then only that there is one (any visible character), no more.
   */
  get expectedSubject(): RegExp {
    return this.reading.trigger ? /\S/ : new RegExp(`^${escapeRegExp(this.pool.template.subject)}$`);
  }

  /**
   * The code of one kind of mail, by the first that applies: the kind's rule
   * (its own CODE_IN_*_MAIL, or CODE_IN_MAIL); with a trigger writing the
   * pool's mail, the one code-length number standing alone in it; else, as
   * without any of this, the words of the pool's template.
   */
  code(mail: MailBody, kind: Exclude<MailKind, 'invitation'>): string {
    const rule = this.reading.rules[kind];
    if (rule) return this.explained(kind, () => extractCodeByRule(mail, rule, rule.variable));
    if (this.reading.trigger) return this.explained(kind, () => brandedCode(mail, kind));
    return kind === 'signInCode' ? extractSignInCode(mail, this.pool.templates.signInCode?.message) : extractVerificationCode(mail, this.pool.template.message);
  }

  /**
   * An invitation's user name and temporary password: by the pool's template's
   * words, without a rule or a trigger. With CODE_IN_INVITATION_MAIL, the rule
   * finds the temporary password, and the user name is the address the mail went to,
   * which the mail must name (with email as the user name, {username} is the
   * address). With a trigger and no rule, the template's words still, if the
   * trigger kept them: a temporary password is no code-length number for the
   * branded mails' fallback to find.
   */
  invitation(mail: MailBody): { username: string; temporaryPassword: string } {
    const template = this.pool.templates.invitation;
    if (!template) throw new Error('The inbox was given no invitation template (templates.invitation): the fixture that made it must set one.');
    const rule = this.reading.rules.invitation;
    if (!rule && !this.reading.trigger) return extractInvitation(mail, template.message);
    return this.explained('invitation', () => {
      if (rule) return { temporaryPassword: extractCodeByRule(mail, rule, rule.variable), username: this.namedAddress(mail) };
      try {
        return extractInvitation(mail, template.message);
      } catch (error) {
        if (!(error instanceof VerificationCodeError)) throw error;
        throw new VerificationCodeError(
          `${sentence(error.message)} Say where the temporary password stands with ${codeRuleVariable('invitation')}: a regular expression whose one capture group is the password ` +
            `(a words rule reads digits only), e.g. ${codeRuleVariable('invitation')}="/password:? (\\S+)/".`,
          { cause: error },
        );
      }
    });
  }

  /** This inbox's address, as the invitation must name it: the user name of a pool whose users sign in with their email. */
  private namedAddress(mail: MailBody): string {
    const text = mailText(mail);
    if (text.toLowerCase().includes(this.pool.address.toLowerCase())) return this.pool.address;
    throw new VerificationCodeError(
      `The invitation does not name ${this.pool.address}, the user it was sent to: with email as the user name, an invitation carries {username}, ` +
        `the address the user signs in with. The mail reads: ${JSON.stringify(clip(text, 300))}`,
    );
  }

  /**
   * A mail whose code could not be read, said as which kind of mail it was,
   * who wrote it, and the setting that says where its code stands.
   */
  private explained<T>(kind: MailKind, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof VerificationCodeError)) throw error;
      const own = codeRuleVariable(kind);
      const shared = this.reading.rules[kind]?.variable;
      const note = shared && shared !== own ? ` ${own} sets a rule for the ${mailKindWords(kind)} mail alone.` : '';
      const author = this.reading.trigger ? ` from ${this.reading.trigger}` : '';
      throw new VerificationCodeError(`The ${mailKindWords(kind)} mail${author}: ${note ? `${sentence(error.message)}${note}` : error.message}`, { cause: error });
    }
  }

  /**
   * A CONFIRM_WITH_LINK mail's link and its confirmation_code: by the words of
   * `template` (the pool's EmailMessageByLink); in a trigger's mail, whose
   * words are the team's, the one link carrying `confirmation_code`.
   */
  link(mail: MailBody, template: string): { link: string; code: string } {
    const link = this.reading.trigger ? this.explained('signUp', () => extractLinkWithCode(mail)) : extractConfirmationLink(mail, template);
    return { link, code: URL.canParse(link) ? (new URL(link).searchParams.get('confirmation_code') ?? '') : '' };
  }
}

/**
 * The code of a mail a trigger wrote, with no rule for its kind: the one
 * number of a code's length standing alone in it (extractBrandedCode), whose
 * errors name the kind's setting. A sign-in code may have six digits (email
 * MFA) or eight (passwordless): the inbox does not know which it waits for.
 */
function brandedCode(mail: MailBody, kind: Exclude<MailKind, 'invitation'>): string {
  const setting = codeRuleVariable(kind);
  const lengths = codeDigitsOf(kind);
  if (lengths.length === 1) return extractBrandedCode(mail, lengths[0], setting);
  const tries = lengths.map((length) => {
    try {
      return { length, code: extractBrandedCode(mail, length, setting) };
    } catch (error) {
      if (!(error instanceof VerificationCodeError)) throw error;
      return { length, error };
    }
  });
  const found = tries.filter((t) => t.code !== undefined);
  if (found.length === 1) return found[0]?.code as string;
  throw new VerificationCodeError(
    found.length
      ? `Both a ${found.map((t) => `${t.length}-digit number (${t.code})`).join(' and a ')} stand alone in the mail: cannot tell which one is the sign-in code. ` +
          `Say which with ${setting}: the words just before the code with {####} in its place, or a regular expression whose one capture group is the code.`
      : `Neither a 6-digit (email MFA) nor an 8-digit (passwordless) code stands alone in the mail. ${tries[0]?.error?.message}`,
  );
}
