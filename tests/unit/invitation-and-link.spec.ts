import { expect, test } from '@playwright/test';
import { COGNITO_DEFAULT_INVITATION_EMAIL, COGNITO_DEFAULT_LINK_EMAIL } from '../../common/cognito-texts';
import { extractConfirmationLink, extractLinkWithCode } from '../../helpers/mail/confirmation-link';
import { extractInvitation } from '../../helpers/mail/invitation';
import { VerificationCodeError } from '../../helpers/mail/verification-code';

test.describe('extractInvitation', () => {
  test("reads the user name and temporary password from AWS's default invitation", () => {
    const mail = { text: 'Your username is jane@example.test and temporary password is Xy7$k.Q2mN9!.' };
    expect(extractInvitation(mail, COGNITO_DEFAULT_INVITATION_EMAIL.message)).toEqual({ username: 'jane@example.test', temporaryPassword: 'Xy7$k.Q2mN9!' });
  });

  test('reads them from a branded HTML invitation by its own words, wherever the lines wrap', () => {
    const template = '<p>Welcome to Acme!</p><p>Sign in as <b>{username}</b>\nwith the password <code>{####}</code> within 7 days.</p><p>© 2026 Acme, 123456 Example Street</p>';
    const html = template.replace('{username}', 'jane@example.test').replace('{####}', 'a1B2c3D4$');
    expect(extractInvitation({ html }, template)).toEqual({ username: 'jane@example.test', temporaryPassword: 'a1B2c3D4$' });
  });

  test('a mail that does not read like the template says what it expected', () => {
    expect(() => extractInvitation({ text: 'Welcome! Your account is ready.' }, COGNITO_DEFAULT_INVITATION_EMAIL.message)).toThrow(
      new VerificationCodeError('No user name in the invitation: expected text like "Your username is {username} and temporary", but the mail reads: "Welcome! Your account is ready."'),
    );
  });
});

test.describe('extractConfirmationLink', () => {
  const link = 'http://127.0.0.1:9230/confirmUser?client_id=abc&amp;user_name=u-1&amp;confirmation_code=123456';

  test("finds the link by the template's {##…##} words, and decodes the HTML", () => {
    const html = `Please click the link below to verify your email address. <a href="${link}">Verify Email</a> `;
    expect(extractConfirmationLink({ html }, COGNITO_DEFAULT_LINK_EMAIL.message)).toBe(link.replaceAll('&amp;', '&'));
  });

  test("ignores the logo's, the tracking and the unsubscribe links", () => {
    const html =
      `<a href="https://acme.test"><img src="logo.png"></a><p>Confirm <a href="${link}"><b>Verify  Email</b></a></p>` +
      '<a href="https://t.acme.test/u/123456">Unsubscribe</a><img src="https://t.acme.test/open/123456.gif">';
    expect(extractConfirmationLink({ html }, COGNITO_DEFAULT_LINK_EMAIL.message)).toBe(link.replaceAll('&amp;', '&'));
  });

  test('no link, or two different ones with the words, fails saying so', () => {
    expect(() => extractConfirmationLink({ text: 'Your verification code is 123456.' }, COGNITO_DEFAULT_LINK_EMAIL.message)).toThrow(/No link "Verify Email" in the mail \(it has no HTML part\)/);
    const two = '<a href="https://a.test/confirmUser?x=1">Verify Email</a><a href="https://b.test/confirmUser?x=2">Verify Email</a>';
    expect(() => extractConfirmationLink({ html: two }, COGNITO_DEFAULT_LINK_EMAIL.message)).toThrow(/More than one link "Verify Email"/);
  });
});

test.describe('extractLinkWithCode', () => {
  const link = 'https://acme.auth.eu-west-1.amazoncognito.com/confirmUser?client_id=abc&amp;user_name=u-1&amp;confirmation_code=123456';

  test("a trigger's link, whatever its words: the one carrying confirmation_code, in the HTML or the text part", () => {
    const html = `<a href="https://acme.test/?ref=123456"><img src="logo.png"></a><p><a href="${link}">Finish signing up</a></p><a href="https://acme.test/unsubscribe">Unsubscribe</a>`;
    expect(extractLinkWithCode({ html })).toBe(link.replaceAll('&amp;', '&'));
    expect(extractLinkWithCode({ text: `Finish signing up: ${link.replaceAll('&amp;', '&')}.`, html })).toBe(link.replaceAll('&amp;', '&'));
  });

  test('none, or two different ones, fails saying so', () => {
    expect(() => extractLinkWithCode({ html: '<a href="https://acme.test/welcome">Start</a>' })).toThrow(
      new VerificationCodeError('No link carrying confirmation_code= in the mail (its links: https://acme.test/welcome): the mail reads "Start"'),
    );
    const two = `<a href="${link}">Confirm</a> <a href="${link.replace('123456', '654321')}">Confirm</a>`;
    expect(() => extractLinkWithCode({ html: two })).toThrow(/^More than one link carrying confirmation_code= in the mail/);
  });
});
