import { VerificationCodeError, extractSignInCode, extractVerificationCode, anotherCode } from '../../helpers/mail/verification-code';
import { COGNITO_DEFAULT_VERIFICATION_EMAIL } from '../../common/cognito-texts';
import { expect, test } from '@playwright/test';

const BRANDED_TEMPLATE = `<html><head><style>
  body { color: #202123; background: #F7F7F8; }
  .code { font-size: 32px; letter-spacing: 4px; color: #10a37f; }
</style></head><body>
  <table><tr><td><img src="https://example.com/logo.png" width="120" height="40"></td></tr>
  <tr><td><p>Welcome to Acme!</p>
  <p>Your Acme confirmation code is <span class="code">{####}</span>. It expires in 24 hours.</p>
  <p style="color:#202123">Order 100200 is not a code. Call 555123 if you need help.</p>
  <p>&copy; 2026 Acme Inc. &nbsp;&middot;&nbsp; 123456 Example Street</p></td></tr></table>
</body></html>`;
const BRANDED_MAIL = (code: string) => ({ html: BRANDED_TEMPLATE.replace('{####}', code) });

test.describe('extractVerificationCode', () => {
  test('reads the code from Cognito\'s default plain-text mail', () => {
    expect(extractVerificationCode({ text: 'Your verification code is 493817. ' })).toBe('493817');
  });

  test('keeps a leading zero', () => {
    expect(extractVerificationCode({ text: 'Your verification code is 012345. ' })).toBe('012345');
  });

  test('reads an HTML-only mail by the template\'s words, ignoring CSS colours, years and other numbers', () => {
    expect(extractVerificationCode(BRANDED_MAIL('804211'), BRANDED_TEMPLATE)).toBe('804211');
    expect(extractVerificationCode(BRANDED_MAIL('000917'), BRANDED_TEMPLATE)).toBe('000917');
  });

  test('prefers the text part when the mail has one', () => {
    const mail = { text: 'Your verification code is 111222. ', html: '<p>Your verification code is 333444. </p>' };
    expect(extractVerificationCode(mail)).toBe('111222');
  });

  test('tolerates line wrapping inside the template\'s words', () => {
    expect(extractVerificationCode({ text: 'Your verification\r\n  code is\n 654321.\n' })).toBe('654321');
  });

  test('a template that is only the placeholder takes the one six-digit number, not "#202123"', () => {
    const html = '<div style="color:#202123">&#160;<b>246810</b> &copy; 2026</div>';
    expect(extractVerificationCode({ html }, '{####}')).toBe('246810');
  });

  test('fails, quoting the mail, when there is no code', () => {
    expect(() => extractVerificationCode({ text: 'Welcome! Please confirm your address.' })).toThrow(
      /No verification code in the mail: expected text like "Your verification code is \{####\} \."/,
    );
    expect(() => extractVerificationCode({ text: 'Welcome! Please confirm your address.' })).toThrow(/Welcome! Please confirm/);
    expect(() => extractVerificationCode({ text: '', html: '' })).toThrow(VerificationCodeError);
  });

  test('fails when the mail holds two different codes', () => {
    const text = 'Your verification code is 123456. Sorry, wrong one. Your verification code is 654321. ';
    expect(() => extractVerificationCode({ text })).toThrow(/More than one verification code in the mail \(123456, 654321\)/);
  });

  test('accepts the same code twice', () => {
    const text = 'Your verification code is 778899. Again: Your verification code is 778899. ';
    expect(extractVerificationCode({ text })).toBe('778899');
  });

  test('fails clearly when the template has no placeholder', () => {
    expect(() => extractVerificationCode({ text: 'Your code is 123456' }, 'Your code is ready')).toThrow(
      /template has no \{####\} placeholder/,
    );
  });

  test('the default template is the one Cognito documents', () => {
    expect(COGNITO_DEFAULT_VERIFICATION_EMAIL).toEqual({
      from: 'no-reply@verificationemail.com',
      subject: 'Your verification code',
      message: 'Your verification code is {####}. ',
    });
  });
});

test.describe('extractSignInCode', () => {
  test("by the pool's own template words, when it has one", () => {
    expect(extractSignInCode({ text: 'Sign in to Acme with 12345678 (valid 3 minutes).' }, 'Sign in to Acme with {####} (valid 3 minutes).')).toBe('12345678');
  });

  test('without a template: the one whole run of six to eight digits, not a year, a phone number, an order number or part of a longer one', () => {
    const text = 'Your sign-in code is 04715528. Order #2024113 · call +1 555-123-4567 · © 2026 · ref 123456789 · 12.345678';
    expect(extractSignInCode({ text })).toBe('04715528');
    expect(extractSignInCode({ html: '<p style="color:#202123">Code: <b>481516</b>.</p>' })).toBe('481516');
  });

  test('without a template, none or two candidates fail, showing them and the setting that helps', () => {
    expect(() => extractSignInCode({ text: 'Welcome back!' })).toThrow(/No sign-in code in the mail: expected one run of six to eight digits/);
    expect(() => extractSignInCode({ text: 'Code 12345678, or 87654321.' })).toThrow(
      /More than one candidate for the sign-in code in the mail \(12345678, 87654321\).*EmailMfaConfiguration\.Message/,
    );
  });
});

test('anotherCode: a code of the same length, never the same', () => {
  expect(['482913', '999999', '00000042', '99999999'].map(anotherCode)).toEqual(['482914', '000000', '00000043', '00000000']);
});
