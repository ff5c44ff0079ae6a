import { diagnoseMissingEmail, type MissingEmailEvidence } from '../../helpers/diagnosis/missing-email';
import { expect, test } from '@playwright/test';

const base: MissingEmailEvidence = {
  address: 'a@inbox.test',
  calls: [],
  userStatus: 'UNCONFIRMED',
  sendingAccount: 'COGNITO_DEFAULT',
  autoVerifiedAttributes: ['email'],
  remote: true,
};
const signUp = (status: number, body: object) => ({ operation: 'SignUp', status, body, at: new Date() });
const delivered = signUp(200, { CodeDeliveryDetails: { Destination: 'a***@i***', DeliveryMedium: 'EMAIL' } });

test.describe('diagnoseMissingEmail', () => {
  test('no call seen: the form was not sent, or the server calls Cognito', () => {
    const { lines, likelyCause } = diagnoseMissingEmail(base);
    expect(lines).toContain('Cognito calls from the page since the action: none seen');
    expect(likelyCause).toMatch(/^The page made no call that sends mail \(SignUp, ResendConfirmationCode\) after the action/);
  });

  test('a refused call: the exception and what to do about it', () => {
    const { lines, likelyCause } = diagnoseMissingEmail({
      ...base,
      calls: [signUp(400, { __type: 'LimitExceededException', message: 'Exceeded daily email limit for the operation or the account.' })],
    });
    expect(lines[1]).toBe('Cognito calls from the page since the action: SignUp → LimitExceededException: Exceeded daily email limit for the operation or the account.');
    expect(likelyCause).toMatch(/^Cognito refused SignUp \(LimitExceededException: Exceeded daily email limit.*\)\. Cognito's own email sender allows only about 50 emails a day/);
  });

  test('accepted without delivery details: no auto-verification of email', () => {
    expect(diagnoseMissingEmail({ ...base, calls: [signUp(200, {})], autoVerifiedAttributes: [] }).likelyCause).toBe(
      "Cognito created the user but sent no code: the pool's AutoVerifiedAttributes does not include email.",
    );
    expect(diagnoseMissingEmail({ ...base, calls: [signUp(200, {})], userStatus: 'CONFIRMED' }).likelyCause).toMatch(/confirmed without a code/);
  });

  test('accepted and "sent", on Cognito\'s own sender: the daily quota', () => {
    const { lines, likelyCause } = diagnoseMissingEmail({ ...base, calls: [delivered] });
    expect(lines).toEqual([
      'Address: a@inbox.test',
      'Cognito calls from the page since the action: SignUp → 200, CodeDeliveryDetails {"Destination":"a***@i***","DeliveryMedium":"EMAIL"}',
      'User status in Cognito: UNCONFIRMED',
      'Pool: EmailSendingAccount COGNITO_DEFAULT; AutoVerifiedAttributes email',
    ]);
    expect(likelyCause).toMatch(/^Cognito says it sent the code to a\*\*\*@i\*\*\* by EMAIL, but nothing arrived\. With COGNITO_DEFAULT/);
  });

  test('accepted and "sent" through SES, or by the emulator: lost on the way', () => {
    expect(diagnoseMissingEmail({ ...base, calls: [delivered], sendingAccount: 'DEVELOPER' }).likelyCause).toMatch(/SES bounce or suppression list/);
    expect(diagnoseMissingEmail({ ...base, calls: [delivered], remote: false }).likelyCause).toMatch(/LOCAL_COGNITO_SMTP_HOST\/PORT/);
  });

  test('accepted, but the user is gone', () => {
    expect(diagnoseMissingEmail({ ...base, calls: [delivered], userStatus: undefined }).likelyCause).toMatch(/the user no longer exists/);
  });
});

test('a page configured for another Cognito: names both endpoints', () => {
  const call = { ...delivered, url: 'https://cognito-idp.eu-west-1.amazonaws.com/' };
  const { lines, likelyCause } = diagnoseMissingEmail({ ...base, remote: false, calls: [call], endpoint: 'http://127.0.0.1:9230' });
  expect(lines).toContain("Cognito endpoint the page called: https://cognito-idp.eu-west-1.amazonaws.com; this run's pool is at http://127.0.0.1:9230");
  expect(likelyCause).toMatch(/^The page sent SignUp to https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com, not to http:\/\/127\.0\.0\.1:9230/);
  expect(diagnoseMissingEmail({ ...base, remote: false, calls: [{ ...delivered, url: 'http://127.0.0.1:9230/' }], endpoint: 'http://127.0.0.1:9230' }).likelyCause).not.toMatch(/not to/);
});
