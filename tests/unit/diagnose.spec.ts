import { expect, test } from '@playwright/test';
import type { CognitoCall } from '../../helpers/diagnosis/cognito-calls';
import { deliveredTo } from '../../helpers/diagnosis/delivery';
import { diagnose, type Evidence } from '../../helpers/diagnosis/diagnose';

const NOW = Date.parse('2026-11-26T12:00:10Z');
const AT = new Date('2026-11-26T12:00:00Z');
const base: Evidence = {
  kind: 'missing email',
  address: 'a@inbox.test',
  calls: [],
  userStatus: 'UNCONFIRMED',
  sendingAccount: 'COGNITO_DEFAULT',
  autoVerifiedAttributes: ['email'],
  remote: true,
  now: NOW,
};
const call = (operation: string, status: number | undefined, body: CognitoCall['body'] = {}): CognitoCall => ({
  operation,
  at: AT,
  ...(status === undefined ? {} : { status, body, latencyMs: 23 }),
});
const delivered = call('SignUp', 200, { CodeDeliveryDetails: { Destination: 'a***@i***', DeliveryMedium: 'EMAIL' } });

test.describe('diagnose: a missing email', () => {
  test('no call seen: the form was not sent, or the server calls Cognito', () => {
    const { lines, likelyCause } = diagnose(base);
    expect(lines).toContain('Cognito calls from the page since the action: none seen');
    expect(likelyCause).toMatch(/^The page made no call that sends mail \(SignUp, ResendConfirmationCode, ForgotPassword[^)]*\) after the action/);
  });

  test('a call still pending, within its budget, when the wait ends: slow, not "answered without CodeDeliveryDetails"', () => {
    const pending = { ...call('SignUp', undefined), at: new Date(NOW - 800) };
    const { likelyCause } = diagnose({ ...base, calls: [pending] });
    expect(likelyCause).toMatch(/^SignUp had not answered 800 ms after the page sent it, when the wait for the mail ended: .*EMAIL_TIMEOUT_MS/);
  });

  test('a refused call: the exception and what to do about it', () => {
    const { lines, likelyCause } = diagnose({
      ...base,
      calls: [call('SignUp', 400, { __type: 'LimitExceededException', message: 'Exceeded daily email limit for the operation or the account.' })],
    });
    expect(lines[1]).toBe('Cognito calls from the page since the action: SignUp → LimitExceededException: Exceeded daily email limit for the operation or the account. (23 ms)');
    expect(likelyCause).toMatch(/^Cognito refused SignUp \(LimitExceededException: Exceeded daily email limit.*\)\. Cognito's own email sender allows only about 50 emails a day/);
  });

  test("Cognito's attempt limit: which operation, for which address, what AWS documents of the hour, and what to do", () => {
    const { likelyCause } = diagnose({
      ...base,
      calls: [delivered, call('ResendConfirmationCode', 400, { __type: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' })],
    });
    expect(likelyCause).toBe(
      'Cognito refused ResendConfirmationCode for a@inbox.test with LimitExceededException "Attempt limit exceeded, please try after some time.": ' +
        'AWS allows one user 5 ResendConfirmationCode requests an hour, wrong or right (the security table of "Quotas in Amazon Cognito"; for a range, its low end), ' +
        'counted per user over the past hour, so the address lifts on its own an hour after its first request. ' +
        'Give each run a new address, as the fixtures do (newUser, confirmedUser: never a fixed TEST_EMAIL); wait an hour before using this address again; ' +
        "and don't re-run one address in a loop (a retry loop, --repeat-each on a fixed address).",
    );
    expect(likelyCause, 'not the daily mail limit, which shares its exception').not.toContain('SES');
  });

  test('a throttled call the page retried refused nothing; one it could not retry is the cause', () => {
    const throttled = call('SignUp', 400, { __type: 'TooManyRequestsException', message: 'Rate exceeded' });
    const retried = diagnose({ ...base, calls: [throttled, delivered] });
    expect(retried.lines[1]).toContain('SignUp → TooManyRequestsException: Rate exceeded (23 ms); SignUp → 200');
    expect(retried.likelyCause).not.toMatch(/refused/);
    expect(retried.likelyCause).toMatch(/^Cognito says it sent the code to a\*\*\*@i\*\*\* by EMAIL, but nothing arrived/);
    expect(diagnose({ ...base, calls: [throttled] }).likelyCause).toMatch(/^Cognito refused SignUp \(TooManyRequestsException: Rate exceeded\)\./);
  });

  test('accepted without delivery details: no auto-verification of email', () => {
    expect(diagnose({ ...base, calls: [call('SignUp', 200)], autoVerifiedAttributes: [] }).likelyCause).toBe(
      "Cognito created the user but sent no code: the pool's AutoVerifiedAttributes does not include email.",
    );
    expect(diagnose({ ...base, calls: [call('SignUp', 200)], userStatus: 'CONFIRMED' }).likelyCause).toMatch(/confirmed without a code/);
  });

  test("accepted and \"sent\", on Cognito's own sender: the daily quota", () => {
    const { lines, likelyCause } = diagnose({ ...base, calls: [delivered] });
    expect(lines).toEqual([
      'Address: a@inbox.test',
      'Cognito calls from the page since the action: SignUp → 200 in 23 ms, CodeDeliveryDetails {"Destination":"a***@i***","DeliveryMedium":"EMAIL"}',
      'User status in Cognito: UNCONFIRMED',
      'Pool: EmailSendingAccount COGNITO_DEFAULT; AutoVerifiedAttributes email',
    ]);
    expect(likelyCause).toMatch(/^Cognito says it sent the code to a\*\*\*@i\*\*\* by EMAIL, but nothing arrived\. With COGNITO_DEFAULT/);
  });

  test('accepted and "sent" through SES, or by the emulator: lost on the way', () => {
    expect(diagnose({ ...base, calls: [delivered], sendingAccount: 'DEVELOPER' }).likelyCause).toMatch(/SES bounce or suppression list/);
    expect(diagnose({ ...base, calls: [delivered], remote: false }).likelyCause).toMatch(/LOCAL_COGNITO_SMTP_HOST\/PORT/);
  });

  test("AWS's own records: shown under the evidence, and when one explains the loss, it is the cause; when none does, the cause stays the general one", () => {
    const records = { lines: ["AWS records, SES's events in ses-events for a@inbox.test: Send, Bounce"], likelyCause: 'SES recorded Bounce for a@inbox.test: {…}' };
    const explained = diagnose({ ...base, calls: [delivered], sendingAccount: 'DEVELOPER', awsRecords: records });
    expect(explained.lines.at(-1)).toBe(records.lines[0]);
    expect(explained.likelyCause).toBe('Cognito says it sent the code to a***@i*** by EMAIL, but it never arrived: SES recorded Bounce for a@inbox.test: {…}');
    const silent = diagnose({ ...base, calls: [delivered], sendingAccount: 'DEVELOPER', awsRecords: { lines: records.lines } });
    expect(silent.likelyCause).toMatch(/SES bounce or suppression list/);
    // A refusal by Cognito comes before any record of delivery: nothing was sent.
    const refused = diagnose({ ...base, calls: [call('SignUp', 400, { __type: 'InvalidPasswordException', message: 'Password did not conform' })], awsRecords: records });
    expect(refused.likelyCause).toMatch(/^Cognito refused SignUp/);
  });

  test('accepted, but the user is gone', () => {
    expect(diagnose({ ...base, calls: [delivered], userStatus: undefined }).likelyCause).toMatch(/the user no longer exists/);
  });

  test('mail for another address arrived during the wait: misdelivered, not unsent', () => {
    const { lines, likelyCause } = diagnose({ ...base, remote: false, calls: [delivered], strangers: ['someone@elsewhere.test "Your verification code" at 2026-11-26T12:00:01.000Z'] });
    expect(lines).toContain('Mail for addresses that are no test inbox, since the action: someone@elsewhere.test "Your verification code" at 2026-11-26T12:00:01.000Z');
    expect(likelyCause).toBe('Mail did arrive during the wait, but for another address: the mail path delivered it to the wrong recipient.');
  });

  test('Cognito names another address in CodeDeliveryDetails', () => {
    const elsewhere = call('ResendConfirmationCode', 200, { CodeDeliveryDetails: { Destination: 'someone@elsewhere.test', DeliveryMedium: 'EMAIL' } });
    expect(diagnose({ ...base, remote: false, calls: [elsewhere] }).likelyCause).toBe(
      "Cognito answered ResendConfirmationCode that it sent the code to someone@elsewhere.test by EMAIL, which is not this test's inbox a@inbox.test.",
    );
  });

  test('a page configured for another Cognito: names both endpoints', () => {
    const away = { ...delivered, url: 'https://cognito-idp.eu-west-1.amazonaws.com/' };
    const { lines, likelyCause } = diagnose({ ...base, remote: false, calls: [away], endpoint: 'http://127.0.0.1:9230' });
    expect(lines).toContain("Cognito endpoint the page called: https://cognito-idp.eu-west-1.amazonaws.com; this run's pool is at http://127.0.0.1:9230");
    expect(likelyCause).toMatch(/^The page sent SignUp to https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com, not to http:\/\/127\.0\.0\.1:9230/);
    expect(diagnose({ ...base, remote: false, calls: [{ ...delivered, url: 'http://127.0.0.1:9230/' }], endpoint: 'http://127.0.0.1:9230' }).likelyCause).not.toMatch(/not to/);
  });
});

test.describe('diagnose: a failed step', () => {
  const step = { ...base, kind: 'failed step' as const, remote: false };

  test('a call still pending: names it, how long, and its budget', () => {
    const { lines, likelyCause } = diagnose({ ...step, calls: [delivered, call('ConfirmSignUp', undefined)], budgetMs: 1_000 });
    expect(lines[1]).toContain('ConfirmSignUp → still pending after 10000 ms');
    expect(likelyCause).toBe(
      'ConfirmSignUp has not answered after 10000 ms (its budget is 1000 ms): Cognito, or a Lambda trigger it runs, is slow or hanging, and the page is still waiting for it.',
    );
  });

  test('Cognito said success, but the user did not change', () => {
    expect(diagnose({ ...step, calls: [delivered, call('ConfirmSignUp', 200)] }).likelyCause).toBe(
      'Cognito answered ConfirmSignUp with 200, but the user is still UNCONFIRMED: Cognito claimed a confirmation that did not take.',
    );
  });

  test('a refused call of any operation names it', () => {
    const failed = call('SignUp', 500, { __type: 'InternalErrorException', message: 'An internal error occurred.' });
    expect(diagnose({ ...step, calls: [failed] }).likelyCause).toBe('Cognito refused SignUp (InternalErrorException: An internal error occurred.).');
  });

  test('every call fine: the UI, not Cognito', () => {
    expect(diagnose({ ...step, userStatus: 'CONFIRMED', calls: [delivered, call('ConfirmSignUp', 200)] }).likelyCause).toMatch(/^Cognito answered every call of the step without error/);
  });

  test("every call fine, and a control of the description not on the page: the description's role or name, not the UI's words in general", () => {
    const failure = { name: 'ControlNotFoundError', message: 'The page has no button "I already have a profile" …' };
    expect(diagnose({ ...step, calls: [delivered], failure }).likelyCause).toBe(
      "Cognito answered every call of the step without error, and the page has no control of the name and role the page's description gives (the error lists what it has instead): " +
        "correct the role or the name in the page's description (pages/ui/).",
    );
  });
});

test('CodeDeliveryDetails names the inbox: in full on the emulator, masked on AWS', () => {
  expect(deliveredTo({ Destination: 'cse2e-x@inbox.test', DeliveryMedium: 'EMAIL' }, 'cse2e-x@inbox.test')).toBe(true);
  expect(deliveredTo({ Destination: 'c***@i***', DeliveryMedium: 'EMAIL' }, 'cse2e-x@inbox.test')).toBe(true);
  expect(deliveredTo({ Destination: 'c***@m***', DeliveryMedium: 'EMAIL' }, 'cse2e-x@inbox.test')).toBe(false);
  expect(deliveredTo({ Destination: 'someone@elsewhere.test', DeliveryMedium: 'EMAIL' }, 'cse2e-x@inbox.test')).toBe(false);
  expect(deliveredTo({ Destination: '+*******1234', DeliveryMedium: 'SMS' }, 'cse2e-x@inbox.test')).toBe(false);
});

test.describe('diagnose: slow calls', () => {
  const step = { ...base, kind: 'failed step' as const, remote: false, budgetMs: 2_000 };

  test('a call over its budget is the cause', () => {
    const slow = { ...call('SignUp', 200), latencyMs: 3_131 };
    expect(diagnose({ ...step, calls: [slow] }).likelyCause).toMatch(/^SignUp took 3131 ms, over its budget of 2000 ms/);
  });

  test('a call in flight for a few milliseconds is not "hanging"', () => {
    const inFlight = { operation: 'InitiateAuth', at: new Date(NOW - 19) };
    expect(diagnose({ ...step, userStatus: 'CONFIRMED', calls: [delivered, inFlight] }).likelyCause).not.toMatch(/has not answered/);
  });
});

test.describe('diagnose: the error decides first', () => {
  const step: Evidence = { ...base, kind: 'failed step', calls: [delivered] };
  const template = { subject: 'Your verification code', message: 'Your verification code is {####}. ' };

  test('a mail that arrived but does not read as the template is about the mail, never the page', () => {
    const unreadable = { name: 'VerificationCodeError', message: 'No verification code in the mail: expected text like …' };
    const same = diagnose({ ...step, failure: unreadable, templateNow: template, templateAtStart: template });
    expect(same.likelyCause).toMatch(/^The mail arrived, but it does not read as the pool's verification template .*the pool still has the template the run read, so something else wrote the mail/);
    expect(same.likelyCause).not.toMatch(/page/);
    expect(same.lines).toContain(`The pool's verification template now (DescribeUserPool): subject "Your verification code", message "Your verification code is {####}. "`);
    const changed = diagnose({ ...step, failure: unreadable, templateNow: { ...template, message: 'Your code: {####}' }, templateAtStart: template });
    expect(changed.likelyCause).toMatch(/the pool's template changed while the run went on \(it now reads "Your code: \{####\}"/);
    // Without the error, the same evidence is the page's.
    expect(diagnose(step).likelyCause).toMatch(/the page did not show what the test expected/);
  });

  test("a trigger's message set aside is the trigger's fault", () => {
    const setAside = diagnose({ ...step, failure: { name: 'TriggerMessageSetAsideError', message: '…' } });
    expect(setAside.likelyCause).toMatch(/^The mail arrived, but it is the pool's own template, not its Lambda trigger's/);
  });

  test('a mail held for the address by its envelope, whose headers name another', () => {
    const held = diagnose({ ...base, calls: [delivered], strangers: ['x@elsewhere.test "Your verification code"'], heldByEnvelope: ['"Your verification code", To: x@elsewhere.test, at 2026-11-26T12:00:01Z'] });
    expect(held.lines).toContain('Mail for a@inbox.test by its envelope, whose To: header names another: "Your verification code", To: x@elsewhere.test, at 2026-11-26T12:00:01Z');
    expect(held.likelyCause).toMatch(/^A mail for a@inbox\.test reached the catcher \(its SMTP envelope names the address\), but its To: header names another address/);
  });
});
