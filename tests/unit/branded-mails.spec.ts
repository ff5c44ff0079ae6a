import {
  CodeRuleError,
  codeRulesFromEnv,
  extractBrandedCode,
  extractCodeByRule,
  parseCodeRule,
  type CodeRule,
} from '../../helpers/mail/code-rules';
import { VerificationCodeError, type MailBody } from '../../helpers/mail/verification-code';
import {
  CODE_IN_TWO_GROUPS,
  DIGIT_PER_CELL,
  PREHEADER_WITH_OTHER_NUMBER,
  READ_WITHOUT_SETTING,
  SHOP_REFERENCES,
  SIGN_IN_CODE,
  SIX_DIGIT_POSTCODE,
  TWO_CODES,
} from './branded-mails';
import { expect, test } from '@playwright/test';

/** The message of what `run` throws, to compare whole: a start-up message is read by people, word for word. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}

const fallback = (mail: MailBody, codeLength = 6) => extractBrandedCode(mail, codeLength, 'CODE_IN_SIGN_UP_MAIL');
const byRule = (mail: MailBody, variable: string, value: string) => extractCodeByRule(mail, parseCodeRule(variable, value), variable);

test.describe('extractBrandedCode: a branded mail, no setting', () => {
  for (const branded of READ_WITHOUT_SETTING) {
    test(`reads the code: ${branded.name}`, () => {
      expect(fallback(branded.mail('048213'))).toBe('048213');
      expect(fallback(branded.mail('930157'))).toBe('930157');
    });
  }

  test('reads an eight-digit sign-in code when told the length, past six-digit numbers and a reference', () => {
    expect(fallback(SIGN_IN_CODE.mail('04715528'), 8)).toBe('04715528');
  });

  test('two different codes fail, showing both with their words and the setting that decides', () => {
    expect(messageOf(() => fallback(TWO_CODES.mail('048213')))).toBe(
      'More than one candidate for the code in the mail: 048213 ("… new Acme code is 048213 . Earlier code …"), ' +
        '905112 ("… 048213 . Earlier code 905112 no longer works."). Cannot tell which one Cognito sent. ' +
        'Say which one is the code with CODE_IN_SIGN_UP_MAIL: the words just before the code with {####} in its place, ' +
        'or a regular expression whose one capture group is the code; ' +
        'if 048213 is the code, CODE_IN_SIGN_UP_MAIL="Acme code is {####}" or CODE_IN_SIGN_UP_MAIL="/Acme\\s+code\\s+is\\s*(\\d{6})/".',
    );
    expect(() => fallback(TWO_CODES.mail('048213'))).toThrow(VerificationCodeError);
  });

  test('hidden text is read: a preheader with another six-digit number is a second candidate, not skipped', () => {
    expect(() => fallback(PREHEADER_WITH_OTHER_NUMBER.mail('048213'))).toThrow(
      /candidate for the code in the mail: 700100 \("Your 700100 bonus points are …"\), 048213 \("… Your Orbit code is 048213"\).*if 048213 is the code, CODE_IN_SIGN_UP_MAIL="Orbit code is \{####\}"/,
    );
  });

  test('a six-digit postcode in the footer is a second candidate; the words setting the error suggests reads the code', () => {
    const mail = SIX_DIGIT_POSTCODE.mail('048213');
    expect(() => fallback(mail)).toThrow(/048213 \(.*\), 560001 \("… MG Road, Bengaluru, Karnataka 560001, India"\)/);
    expect(() => fallback(mail)).toThrow(/if 048213 is the code, CODE_IN_SIGN_UP_MAIL="verification code is \{####\}"/);
    expect(byRule(mail, 'CODE_IN_SIGN_UP_MAIL', 'verification code is {####}')).toBe('048213');
  });

  test('a mail without the code lists the numbers it set aside, and why', () => {
    const message = messageOf(() => fallback(SHOP_REFERENCES.mail('')));
    expect(message).toContain('No code in the mail: no number of exactly 6 digits stands on its own in the mail\'s text (styles, tags and links left out). Set aside: ');
    expect(message).toContain('304918: a reference or phone number (after "no.")');
    expect(message).toContain('123456: part of a longer number, a phone number or a date, in "… Questions? Call +49 30 123456 or (555) 123-4567, …"');
    expect(message).toContain('e.g. CODE_IN_SIGN_UP_MAIL="Your code is {####}"');
  });

  test('a code in two groups of three is not guessed: only a regular expression reads it', () => {
    const mail = CODE_IN_TWO_GROUPS.mail('048213');
    expect(() => fallback(mail)).toThrow(/No code in the mail: no number of exactly 6 digits/);
    expect(() => byRule(mail, 'CODE_IN_SIGN_UP_MAIL', 'Your Parcelly code {####}')).toThrow(
      /CODE_IN_SIGN_UP_MAIL="Your Parcelly code \{####\}" found "048", but Cognito's codes have 6 to 8 digits/,
    );
    expect(byRule(mail, 'CODE_IN_SIGN_UP_MAIL', '/Parcelly code (\\d{3} \\d{3})/')).toBe('048213');
  });
});

test.describe('code rules: checked at start-up', () => {
  test('a regular expression with one capture group, searched through the whole mail', () => {
    const rule = parseCodeRule('CODE_IN_SIGN_UP_MAIL', ' /code: (\\d{6})/i ');
    expect(rule).toMatchObject({ form: 'pattern', variable: 'CODE_IN_SIGN_UP_MAIL', value: '/code: (\\d{6})/i' });
    expect((rule as Extract<CodeRule, { form: 'pattern' }>).pattern.flags).toBe('gi');
  });

  test('words around the code, like a template', () => {
    expect(parseCodeRule('CODE_IN_MAIL', 'Your Acme code: {####}')).toEqual({
      form: 'words',
      variable: 'CODE_IN_MAIL',
      value: 'Your Acme code: {####}',
      template: 'Your Acme code: {####}',
    });
  });

  test('non-capturing groups and look-arounds are not capture groups', () => {
    expect(parseCodeRule('CODE_IN_MAIL', '/(?:code|PIN)(?<=[eN]): (\\d{6})(?!\\d)/').form).toBe('pattern');
  });

  test('no capture group: the fix wraps the digits', () => {
    expect(messageOf(() => parseCodeRule('CODE_IN_SIGN_UP_MAIL', '/code: \\d{6}/'))).toBe(
      'CODE_IN_SIGN_UP_MAIL="/code: \\d{6}/" has no capture group: wrap the code in one, e.g. /code: (\\d{6})/',
    );
    expect(messageOf(() => parseCodeRule('CODE_IN_MAIL', '/Your code/i'))).toBe(
      'CODE_IN_MAIL="/Your code/i" has no capture group: wrap the code in one, e.g. /code: (\\d{6})/',
    );
  });

  test('two capture groups, named ones included: the fix keeps only the code\'s', () => {
    expect(messageOf(() => parseCodeRule('CODE_IN_RESEND_MAIL', '/(code|PIN): ([0-9]{6,8})/'))).toBe(
      'CODE_IN_RESEND_MAIL="/(code|PIN): ([0-9]{6,8})/" has 2 capture groups, but the code must be the only one: ' +
        'make the others non-capturing with (?:…), e.g. /(?:code|PIN): ([0-9]{6,8})/',
    );
    expect(messageOf(() => parseCodeRule('CODE_IN_MAIL', '/(?<label>code|PIN): (?<code>\\d{6})/'))).toBe(
      'CODE_IN_MAIL="/(?<label>code|PIN): (?<code>\\d{6})/" has 2 capture groups, but the code must be the only one: ' +
        'make the others non-capturing with (?:…), e.g. /(?:code|PIN): (\\d{6})/',
    );
  });

  test('a regular expression that does not compile, or has unknown flags', () => {
    expect(messageOf(() => parseCodeRule('CODE_IN_PASSWORD_RESET_MAIL', '/code: (\\d{6}/'))).toBe(
      'CODE_IN_PASSWORD_RESET_MAIL="/code: (\\d{6}/" is not a valid regular expression ' +
        '(Invalid regular expression: /code: (\\d{6}/: Unterminated group): fix it, e.g. /code: (\\d{6})/',
    );
    expect(messageOf(() => parseCodeRule('CODE_IN_MAIL', '/code: (\\d{6})/q'))).toBe(
      'CODE_IN_MAIL="/code: (\\d{6})/q" is not a valid regular expression (Invalid flags supplied to RegExp constructor \'q\'): fix it, e.g. /code: (\\d{6})/',
    );
  });

  test('the sticky flag, which would look only at the mail\'s first characters', () => {
    expect(messageOf(() => parseCodeRule('CODE_IN_MAIL', '/code: (\\d{6})/iy'))).toBe(
      'CODE_IN_MAIL="/code: (\\d{6})/iy" has the sticky flag y, which matches only at the very start of the mail: drop it, e.g. /code: (\\d{6})/i',
    );
  });

  test('words without {####}, and a regular expression missing its closing slash', () => {
    expect(messageOf(() => parseCodeRule('CODE_IN_SIGN_UP_MAIL', 'Your Acme code:'))).toBe(
      'CODE_IN_SIGN_UP_MAIL="Your Acme code:" has no {####}: put {####} where the code stands, e.g. CODE_IN_SIGN_UP_MAIL="Your Acme code: {####}"',
    );
    expect(messageOf(() => parseCodeRule('CODE_IN_SIGN_IN_MAIL', '/code: (\\d{6})'))).toBe(
      'CODE_IN_SIGN_IN_MAIL="/code: (\\d{6})" has no {####}: it starts with "/" but does not end with "/" and flags, ' +
        'as a regular expression must: write /…/flags, e.g. /code: (\\d{6})/',
    );
  });

  test('nothing but {####}, which any number would match', () => {
    const expected = (value: string) =>
      `CODE_IN_ATTRIBUTE_MAIL="${value}" has no words around {####}, so any number in the mail would do: ` +
      'add the words just before the code, e.g. CODE_IN_ATTRIBUTE_MAIL="Your code is {####}"';
    expect(messageOf(() => parseCodeRule('CODE_IN_ATTRIBUTE_MAIL', '{####}'))).toBe(expected('{####}'));
    expect(messageOf(() => parseCodeRule('CODE_IN_ATTRIBUTE_MAIL', '<b> {####} </b>'))).toBe(expected('<b> {####} </b>'));
  });
});

test.describe('codeRulesFromEnv', () => {
  test('no rule when nothing is set, or only empty values as in .env.example', () => {
    expect(codeRulesFromEnv({})).toEqual({});
    expect(codeRulesFromEnv({ CODE_IN_MAIL: '', CODE_IN_SIGN_UP_MAIL: '  ' })).toEqual({});
  });

  test('CODE_IN_MAIL fills every kind not set on its own', () => {
    const rules = codeRulesFromEnv({ CODE_IN_MAIL: 'Your Acme code: {####}', CODE_IN_SIGN_IN_MAIL: '/sign-in code (\\d{8})/' });
    expect(Object.keys(rules).sort()).toEqual(['attributeVerification', 'invitation', 'passwordReset', 'resend', 'signInCode', 'signUp']);
    expect(rules.signUp).toMatchObject({ form: 'words', variable: 'CODE_IN_MAIL' });
    expect(rules.resend).toBe(rules.signUp);
    expect(rules.signInCode).toMatchObject({ form: 'pattern', variable: 'CODE_IN_SIGN_IN_MAIL' });
  });

  test('a kind set on its own, without CODE_IN_MAIL, leaves the others unset', () => {
    expect(Object.keys(codeRulesFromEnv({ CODE_IN_PASSWORD_RESET_MAIL: 'Reset code {####}' }))).toEqual(['passwordReset']);
  });

  test('every wrong value is reported at once, and a wrong one is never replaced by CODE_IN_MAIL', () => {
    const env = { CODE_IN_MAIL: '/code (\\d{6})/', CODE_IN_SIGN_UP_MAIL: '{####}', CODE_IN_RESEND_MAIL: '/code \\d{6}/' };
    expect(() => codeRulesFromEnv(env)).toThrow(CodeRuleError);
    expect(messageOf(() => codeRulesFromEnv(env)).split('\n')).toEqual([
      expect.stringMatching(/^CODE_IN_SIGN_UP_MAIL="\{####\}" has no words around/),
      expect.stringMatching(/^CODE_IN_RESEND_MAIL="\/code \\d\{6\}\/" has no capture group/),
    ]);
  });
});

test.describe('extractCodeByRule', () => {
  test('a regular expression picks the code out of a mail with two', () => {
    expect(byRule(TWO_CODES.mail('048213'), 'CODE_IN_SIGN_UP_MAIL', '/new acme code is (\\d{6})/i')).toBe('048213');
  });

  test('a regular expression reads one digit per table cell, dropping the spaces between them', () => {
    expect(byRule(DIGIT_PER_CELL.mail('048213'), 'CODE_IN_SIGN_UP_MAIL', '/sign-up page: ((?:\\d\\s*){6})/')).toBe('048213');
  });

  test('the rule CODE_IN_MAIL gave a kind is named in its errors', () => {
    const rule = codeRulesFromEnv({ CODE_IN_MAIL: '/Your Acme code is (\\d{6})/' }).passwordReset as CodeRule;
    expect(() => extractCodeByRule(SIX_DIGIT_POSTCODE.mail('048213'), rule, rule.variable)).toThrow(
      'No code in the mail by CODE_IN_MAIL="/Your Acme code is (\\d{6})/": the regular expression does not match the mail\'s readable text ' +
        '(tags gone, white space single). The mail reads: "Your Chai Pay verification code is 048213. It is valid for 10 minutes.',
    );
  });

  test('a regular expression matching two different codes fails, naming both', () => {
    expect(() => byRule(TWO_CODES.mail('048213'), 'CODE_IN_RESEND_MAIL', '/(\\d{6})/')).toThrow(
      'CODE_IN_RESEND_MAIL="/(\\d{6})/" matches 2 different codes in the mail (048213, 905112): make it match only the code, e.g. by more of the words just before it.',
    );
  });

  test('words not in the mail fail, naming the variable and what the mail reads', () => {
    expect(() => byRule(TWO_CODES.mail('048213'), 'CODE_IN_MAIL', 'Your Orbit code: {####}')).toThrow(
      /^CODE_IN_MAIL="Your Orbit code: \{####\}": No verification code in the mail: expected text like "Your Orbit code: \{####\}", but the mail reads: "Your new Acme code is 048213/,
    );
  });

  test('words that find only one digit of a code spread over cells say so, and what would read it', () => {
    expect(() => byRule(DIGIT_PER_CELL.mail('048213'), 'CODE_IN_SIGN_UP_MAIL', 'sign-up page: {####}')).toThrow(
      'CODE_IN_SIGN_UP_MAIL="sign-up page: {####}" found "0", but Cognito\'s codes have 6 to 8 digits (a temporary password, at least 6 characters): ' +
        'the rule matched something else. If the mail spreads the code over cells or spaces, a regular expression can take them all, ' +
        'e.g. CODE_IN_SIGN_UP_MAIL="/code:? ((?:\\d\\s*){6})/".',
    );
  });
});
