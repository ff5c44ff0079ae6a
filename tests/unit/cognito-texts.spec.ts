// Every default text compared with the literal words AWS uses, never with the
// module's own constants:
// - verification code: "Your verification code is {####}. " / "Your verification code"
// - link (console defaults for EmailMessageByLink / EmailSubjectByLink):
//   "Please click the link below to verify your email address. {##Verify Email##} " / "Your verification link"
// - invitation (CDK's UserInvitationConfig documents AWS's defaults,
//   https://docs.aws.amazon.com/cdk/api/v1/docs/@aws-cdk_aws-cognito.UserInvitationConfig.html):
//   "Your username is {username} and temporary password is {####}." / "Your temporary password"
// - which template each mail uses (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-message-customizations.html):
//   "Amazon Cognito sends links with your link-based template in the verification messages when users sign up
//   or resend a confirmation code. Emails from attribute-update and password-reset operations use the code template."
import { expect, test } from '@playwright/test';
import { messageFor, messageTemplate, verificationTemplate } from '../../common/cognito-texts';
import type { TriggerSource } from '../../common/cognito-operations';

const LINK = 'http://127.0.0.1:9230/confirmUser?client_id=abc&user_name=u-1&confirmation_code=123456';
const codeKinds: TriggerSource[] = ['SignUp', 'ResendCode', 'ForgotPassword', 'UpdateUserAttribute', 'VerifyUserAttribute'];

test.describe('messageFor, on a pool with no templates of its own', () => {
  for (const kind of codeKinds) {
    test(`${kind}: AWS's default verification code mail`, () => {
      expect(messageFor(kind, {}, { code: '012345' })).toEqual({
        subject: 'Your verification code',
        body: 'Your verification code is 012345. ',
        html: false,
      });
    });
  }

  test("AdminCreateUser: AWS's default invitation, with the username and the temporary password", () => {
    expect(messageFor('AdminCreateUser', {}, { code: 'Tmp-Pa55word!', username: 'ann@example.com' })).toEqual({
      subject: 'Your temporary password',
      body: 'Your username is ann@example.com and temporary password is Tmp-Pa55word!.',
      html: false,
    });
  });

  test('a temporary password holding "$$", "$&" or "$\'" is mailed as it is, not read as a replacement pattern', () => {
    // A real failure: "dg$$8BKAchdd" was mailed as "dg$8BKAchdd", and Cognito rightly refused it.
    for (const code of ['dg$$8BKAchdd', 'Ab$&cd2!efgh', "Ab$'cd2!efgh", 'Ab$`cd2!efgh']) {
      expect(messageFor('AdminCreateUser', {}, { code, username: 'a$$b@example.com' }).body).toBe(
        `Your username is a$$b@example.com and temporary password is ${code}.`,
      );
    }
  });

  test("Authentication: a sign-in code, in the emulator's own words (AWS documents no default)", () => {
    expect(messageFor('Authentication', {}, { code: '01234567' })).toEqual({ subject: 'Your sign-in code', body: 'Your sign-in code is 01234567.', html: false });
    expect(messageFor('Authentication', { EmailMfaConfiguration: { Subject: 'Acme', Message: 'Code: {####}' } }, { code: '012345' })).toEqual({
      subject: 'Acme',
      body: 'Code: 012345',
      html: false,
    });
  });
});

test.describe('messageFor, on a pool that confirms with a link', () => {
  const linkPool = { VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } };

  for (const kind of ['SignUp', 'ResendCode'] as const) {
    test(`${kind}: AWS's default link mail, in HTML, the link's text from the placeholder`, () => {
      expect(messageFor(kind, linkPool, { code: '123456', link: LINK })).toEqual({
        subject: 'Your verification link',
        body:
          'Please click the link below to verify your email address. ' +
          '<a href="http://127.0.0.1:9230/confirmUser?client_id=abc&amp;user_name=u-1&amp;confirmation_code=123456">Verify Email</a> ',
        html: true,
      });
    });
  }

  for (const kind of ['ForgotPassword', 'UpdateUserAttribute', 'VerifyUserAttribute'] as const) {
    test(`${kind}: still the code mail`, () => {
      expect(messageFor(kind, linkPool, { code: '654321', link: LINK }).body).toBe('Your verification code is 654321. ');
    });
  }

  test("the pool's own link template and subject, every {##…##} a link", () => {
    const pool = {
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_LINK',
        EmailSubjectByLink: 'Welcome to Acme',
        EmailMessageByLink: '<p>{##Confirm your account##}</p><p>or {##this one##}</p>',
      },
    };
    expect(messageFor('SignUp', pool, { code: '1', link: 'https://x.test/c?a=1&b=2' })).toEqual({
      subject: 'Welcome to Acme',
      body: '<p><a href="https://x.test/c?a=1&amp;b=2">Confirm your account</a></p><p>or <a href="https://x.test/c?a=1&amp;b=2">this one</a></p>',
      html: true,
    });
  });

  test('without a link to put in, it says so rather than mail a dead placeholder', () => {
    expect(() => messageFor('SignUp', linkPool, { code: '1' })).toThrow('needs the link');
  });
});

test.describe("messageFor, on a pool's own templates", () => {
  test('the code template: VerificationMessageTemplate first, then the legacy EmailVerification fields', () => {
    const both = {
      VerificationMessageTemplate: { EmailMessage: 'Code: {####}', EmailSubject: 'New subject' },
      EmailVerificationMessage: 'Legacy {####}',
      EmailVerificationSubject: 'Legacy subject',
    };
    expect(messageFor('SignUp', both, { code: '111111' })).toEqual({ subject: 'New subject', body: 'Code: 111111', html: false });
    const legacy = { EmailVerificationMessage: 'Legacy {####}', EmailVerificationSubject: 'Legacy subject' };
    expect(messageFor('ForgotPassword', legacy, { code: '222222' })).toEqual({ subject: 'Legacy subject', body: 'Legacy 222222', html: false });
  });

  test('an HTML code template is sent as HTML', () => {
    const pool = { VerificationMessageTemplate: { EmailMessage: '<b>{####}</b>' } };
    expect(messageFor('SignUp', pool, { code: '333333' })).toEqual({ subject: 'Your verification code', body: '<b>333333</b>', html: true });
  });

  test("the pool's invitation template, every placeholder filled", () => {
    const pool = {
      AdminCreateUserConfig: { InviteMessageTemplate: { EmailSubject: 'Join Acme', EmailMessage: 'Hi {username}: {####} ({username})' } },
    };
    expect(messageFor('AdminCreateUser', pool, { code: 'Pw-1', username: 'bo' })).toEqual({ subject: 'Join Acme', body: 'Hi bo: Pw-1 (bo)', html: false });
  });
});

test('messageTemplate names the style; verificationTemplate still gives the code template of any pool', () => {
  const linkPool = { VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } };
  expect(messageTemplate('SignUp', linkPool).style).toBe('link');
  expect(messageTemplate('ForgotPassword', linkPool).style).toBe('code');
  expect(messageTemplate('AdminCreateUser', linkPool).style).toBe('invitation');
  expect(verificationTemplate(linkPool)).toEqual({ subject: 'Your verification code', message: 'Your verification code is {####}. ' });
});
