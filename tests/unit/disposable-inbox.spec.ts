import { codeRulesFromEnv } from '../../helpers/mail/code-rules';
import { codeReading, type CodeReading } from '../../helpers/mail/code-reading';
import { DisposableInbox } from '../../helpers/mail/disposable-inbox';
import { EmailTimeoutError, type MailBackend, type ReceivedEmail, type WaitForEmailOptions } from '../../helpers/mail/types';
import type { MailBody } from '../../helpers/mail/verification-code';
import {
  COGNITO_DEFAULT_INVITATION_EMAIL,
  COGNITO_DEFAULT_LINK_EMAIL,
  COGNITO_DEFAULT_VERIFICATION_EMAIL,
  verificationTemplate,
} from '../../common/cognito-texts';
import { localFunctionArn } from '../../common/lambda-triggers';
import { SIGN_IN_CODE, TABLE_LAYOUT, TWO_CODES } from './branded-mails';
import { expect, test } from '@playwright/test';

/** A backend that hands out the given mails in order and records each wait. */
function scriptedBackend(mails: ReceivedEmail[]) {
  const waits: WaitForEmailOptions[] = [];
  const backend = {
    description: 'a scripted backend',
    clockSkewAllowanceMs: 0,
    waitForEmail: async (_inbox, options) => {
      waits.push({ ...options, excludeIds: new Set(options.excludeIds) });
      const mail = mails.shift();
      if (!mail) throw new EmailTimeoutError('no more mail');
      return mail;
    },
  } as Pick<MailBackend, 'description' | 'clockSkewAllowanceMs' | 'waitForEmail'> as MailBackend;
  return { backend, waits };
}

const mail = (id: string, receivedAt: Date, code = '123456'): ReceivedEmail => ({
  id,
  from: COGNITO_DEFAULT_VERIFICATION_EMAIL.from,
  to: ['a@inbox.test'],
  subject: COGNITO_DEFAULT_VERIFICATION_EMAIL.subject,
  text: `Your verification code is ${code}. `,
  html: '',
  receivedAt,
});

const inboxWith = (backend: MailBackend) =>
  new DisposableInbox(backend, { id: 'a', address: 'a@inbox.test' }, verificationTemplate({}), 3_000);

test.describe('DisposableInbox.waitForVerificationEmail', () => {
  test('the deadline counts from the action, not from the call', async () => {
    const since = new Date(Date.now() - 2_000);
    const { backend, waits } = scriptedBackend([mail('m1', new Date())]);
    await inboxWith(backend).waitForVerificationEmail({ since, kind: 'signUp' });
    expect(waits[0]!.timeout).toBeGreaterThan(500);
    expect(waits[0]!.timeout).toBeLessThanOrEqual(1_000);
  });

  test('still takes one look when the deadline has already passed', async () => {
    const since = new Date(Date.now() - 10_000);
    const { backend, waits } = scriptedBackend([mail('m1', new Date(since.getTime() + 1_000))]);
    await expect(inboxWith(backend).waitForVerificationEmail({ since, kind: 'signUp' })).resolves.toMatchObject({ code: '123456' });
    expect(waits[0]!.timeout).toBe(500);
  });

  test('a mail that arrived after the deadline fails, saying how late it was', async () => {
    const since = new Date(Date.now() - 6_000);
    const { backend } = scriptedBackend([mail('m1', new Date(since.getTime() + 4_500))]);
    await expect(inboxWith(backend).waitForVerificationEmail({ since, kind: 'signUp' })).rejects.toThrow(
      'The email "Your verification code" reached a@inbox.test at a scripted backend, but 4500 ms after the action that sent it: later than the 3000 ms deadline (EMAIL_TIMEOUT_MS).',
    );
  });

  test('never hands the same mail out twice, and extracts each code', async () => {
    const now = new Date();
    const { backend, waits } = scriptedBackend([mail('m1', now, '111111'), mail('m2', now, '222222')]);
    const inbox = inboxWith(backend);
    expect((await inbox.waitForVerificationEmail({ since: now, kind: 'signUp' })).code).toBe('111111');
    expect((await inbox.waitForVerificationEmail({ since: now, kind: 'signUp' })).code).toBe('222222');
    expect([...waits[0]!.excludeIds!]).toEqual([]);
    expect([...waits[1]!.excludeIds!]).toEqual(['m1']);
  });

  test('a mail without a code fails with the mail named', async () => {
    const { backend } = scriptedBackend([{ ...mail('m1', new Date()), text: 'Welcome aboard!' }]);
    await expect(inboxWith(backend).waitForVerificationEmail({ since: new Date(Date.now() - 10), kind: 'signUp' })).rejects.toThrow(
      /^The mail "Your verification code" from no-reply@verificationemail\.com to a@inbox\.test \(.+\): No verification code in the mail/,
    );
  });
});

test.describe('one action, one mail', () => {
  /** An inbox that has handed out `waited` mails and now holds `held`. */
  async function inboxHolding(waited: ReceivedEmail[], held: ReceivedEmail[]) {
    const { backend } = scriptedBackend([...waited]);
    const inbox = new DisposableInbox({ ...backend, listEmails: async () => held } as MailBackend, { id: 'a', address: 'a@inbox.test' }, verificationTemplate({}), 3_000);
    for (const _ of waited) await inbox.waitForVerificationEmail({ since: new Date(Date.now() - 10), kind: 'signUp' });
    return inbox;
  }
  const at = new Date('2026-11-26T12:00:00Z');

  test('as many mails as actions: nothing to say', async () => {
    const one = mail('m1', at, '111111');
    expect(await (await inboxHolding([one], [one])).extraMails()).toBeUndefined();
  });

  test('the same mail twice: a duplicate delivery, named with its code', async () => {
    const one = mail('m1', at, '111111');
    expect(await (await inboxHolding([one], [one, { ...one, id: 'm1b' }])).extraMails()).toMatch(
      /^2 mails reached a@inbox\.test where the test's actions caused 1: .* The same code came more than once \(111111\): the mail path delivers each mail more than once\./,
    );
  });

  test('a mail nobody asked for; and a test that says it expects one', async () => {
    const one = mail('m1', at, '111111');
    const inbox = await inboxHolding([one], [one, mail('m2', at, '222222')]);
    expect(await inbox.extraMails()).toMatch(/Different codes: something sent mails no action of the test asked for\./);
    inbox.expectExtraMails(1, 'the welcome mail');
    expect(await inbox.extraMails()).toBeUndefined();
  });

  test('a service that lists no bodies cannot compare codes, and says so', async () => {
    const one = mail('m1', at, '111111');
    const preview = { ...one, id: 'm1b', text: '', html: '' };
    expect(await (await inboxHolding([one], [{ ...one, text: '' }, preview])).extraMails()).toMatch(/lists no bodies here, so the codes cannot be compared/);
  });
});

test.describe('the code of each kind of mail: its rule, else a trigger\'s mail, else the template', () => {
  const ACME = { CustomMessage: localFunctionArn('acme-custom-message') };
  const at = new Date();
  const received = (id: string, body: MailBody, subject = 'Welcome to Acme'): ReceivedEmail => ({
    id,
    from: 'hello@acme.test',
    to: ['a@inbox.test'],
    subject,
    text: body.text ?? '',
    html: body.html ?? '',
    receivedAt: at,
  });
  /** An inbox whose backend hands out `bodies` in order, reading by the given settings and the pool's triggers. */
  const inboxReading = (reading: CodeReading, ...bodies: MailBody[]) => {
    // Without a trigger, Cognito's mail carries the pool's template's subject, whatever rule reads its code.
    const subject = reading.trigger ? undefined : COGNITO_DEFAULT_VERIFICATION_EMAIL.subject;
    const { backend } = scriptedBackend(bodies.map((body, i) => received(`m${i + 1}`, body, subject)));
    const inbox = new DisposableInbox(backend, { id: 'a', address: 'a@inbox.test' }, verificationTemplate({}), 3_000, {}, reading);
    inbox.templates.invitation = { ...COGNITO_DEFAULT_INVITATION_EMAIL };
    return inbox;
  };
  const since = () => new Date(Date.now() - 10);
  const templated = (code: string) => ({ text: COGNITO_DEFAULT_VERIFICATION_EMAIL.message.replace('{####}', code) });

  test("a kind's own rule reads its mail; another kind without one keeps the template's words", async () => {
    const rules = codeRulesFromEnv({ CODE_IN_SIGN_UP_MAIL: '/Acme code:? (\\d{6})/' });
    const inbox = inboxReading(codeReading(rules, undefined), { text: 'Your Acme code: 482913 (order 123456).' }, templated('551200'));
    expect((await inbox.waitForVerificationEmail({ since: since(), kind: 'signUp' })).code).toBe('482913');
    expect((await inbox.waitForVerificationEmail({ since: since(), kind: 'resend' })).code).toBe('551200');
  });

  test('CODE_IN_MAIL reads every kind without its own rule; its failure names the kind\'s own setting', async () => {
    const rules = codeRulesFromEnv({ CODE_IN_MAIL: '/Acme code:? (\\d{6,8})/', CODE_IN_RESEND_MAIL: 'New code {####}' });
    const inbox = inboxReading(
      codeReading(rules, undefined),
      { text: 'Reset with Acme code 300400.' },
      { text: 'Sign in with Acme code 30040050.' },
      { text: 'New code 777888, as asked.' },
      { text: 'Your code is 123456.' },
    );
    expect((await inbox.waitForVerificationEmail({ since: since(), kind: 'passwordReset' })).code).toBe('300400');
    expect((await inbox.waitForSignInCodeEmail({ since: since() })).code).toBe('30040050');
    expect((await inbox.waitForVerificationEmail({ since: since(), kind: 'resend' })).code).toBe('777888');
    await expect(inbox.waitForVerificationEmail({ since: since(), kind: 'attributeVerification' })).rejects.toThrow(
      /: The email change mail: No code in the mail by CODE_IN_MAIL="\/Acme code:\? \(\\d\{6,8\}\)\/".* CODE_IN_ATTRIBUTE_MAIL sets a rule for the email change mail alone\.$/,
    );
  });

  test("with a CustomMessage trigger and no rule: the one code standing alone in the trigger's mail; two name the trigger and the kind's setting", async () => {
    const inbox = inboxReading(codeReading({}, ACME), TABLE_LAYOUT.mail('048213'), TWO_CODES.mail('048213'), SIGN_IN_CODE.mail('04715528'));
    expect((await inbox.waitForVerificationEmail({ since: since(), kind: 'signUp' })).code).toBe('048213');
    await expect(inbox.waitForVerificationEmail({ since: since(), kind: 'resend' })).rejects.toThrow(
      /: The resent code mail from CustomMessage trigger `acme-custom-message`: More than one candidate for the code in the mail: .* Say which one is the code with CODE_IN_RESEND_MAIL:/,
    );
    // Passwordless codes have eight digits: the six-digit numbers beside this one make no code of six.
    expect((await inbox.waitForSignInCodeEmail({ since: since() })).code).toBe('04715528');
  });

  test('a CustomEmailSender trigger sends its own mail too', () => {
    expect(codeReading({}, { CustomEmailSender: { LambdaArn: localFunctionArn('acme-sender'), LambdaVersion: 'V1_0' } }).trigger).toBe(
      'CustomEmailSender trigger `acme-sender`',
    );
    expect(codeReading({}, { PreSignUp: localFunctionArn('acme-pre-sign-up') }).trigger).toBeUndefined();
  });

  test("without a rule or a trigger, only the template's words read the code, and the subject must be the template's", async () => {
    const subject = COGNITO_DEFAULT_VERIFICATION_EMAIL.subject;
    const { backend } = scriptedBackend([
      received('m1', templated('551200'), subject),
      received('m2', TABLE_LAYOUT.mail('048213'), subject),
      received('m3', templated('551201'), 'Welcome to Acme'),
    ]);
    const inbox = new DisposableInbox(backend, { id: 'a', address: 'a@inbox.test' }, verificationTemplate({}), 3_000, {}, codeReading({}, undefined));
    expect((await inbox.waitForVerificationEmail({ since: since(), kind: 'signUp' })).code).toBe('551200');
    await expect(inbox.waitForVerificationEmail({ since: since(), kind: 'signUp' })).rejects.toThrow(
      /^The mail "Your verification code" from hello@acme\.test to a@inbox\.test \(.+\): No verification code in the mail: expected/,
    );
    await expect(inbox.waitForVerificationEmail({ since: since(), kind: 'resend' })).rejects.toThrow(
      /^The mail to a@inbox\.test \(.+\) has the subject "Welcome to Acme", not the pool's template's subject "Your verification code", as the run read it/,
    );
  });

  test("an invitation by rule: the rule's temporary password, and the inbox's address as the user name, which the mail must name", async () => {
    const rules = codeRulesFromEnv({ CODE_IN_INVITATION_MAIL: '/password:? (\\S+)/' });
    const inbox = inboxReading(
      codeReading(rules, ACME),
      { html: '<p>Welcome to Acme, <b>a@inbox.test</b>!</p><p>Your one-time password: <code>Xy7$k.Q2mN9!</code></p>' },
      { html: '<p>Welcome to Acme!</p><p>Your one-time password: <code>Xy7$k.Q2mN9!</code></p>' },
    );
    expect(await inbox.waitForInvitationEmail({ since: since() })).toMatchObject({ username: 'a@inbox.test', temporaryPassword: 'Xy7$k.Q2mN9!', code: 'Xy7$k.Q2mN9!' });
    await expect(inbox.waitForInvitationEmail({ since: since() })).rejects.toThrow(
      /The invitation mail from CustomMessage trigger `acme-custom-message`: The invitation does not name a@inbox\.test, the user it was sent to/,
    );
  });

  test("an invitation from a trigger without a rule: the template's words if it kept them, else the setting to use", async () => {
    const inbox = inboxReading(
      codeReading({}, ACME),
      { text: 'Your username is a@inbox.test and temporary password is Xy7$k.Q2mN9!.' },
      { html: '<p>Welcome to Acme! Sign in with <code>Xy7$k.Q2mN9!</code></p>' },
    );
    expect((await inbox.waitForInvitationEmail({ since: since() })).temporaryPassword).toBe('Xy7$k.Q2mN9!');
    await expect(inbox.waitForInvitationEmail({ since: since() })).rejects.toThrow(
      /The invitation mail from CustomMessage trigger `acme-custom-message`: No user name in the invitation: .* Say where the temporary password stands with CODE_IN_INVITATION_MAIL: .*e\.g\. CODE_IN_INVITATION_MAIL="\/password:\? \(\\S\+\)\/"\.$/,
    );
  });

  test("a link from a trigger is the one link carrying confirmation_code; without one, the template's words find it", async () => {
    const link = 'https://acme.auth.eu-west-1.amazoncognito.com/confirmUser?client_id=abc&amp;user_name=u-1&amp;confirmation_code=123456';
    const branded = { html: `<a href="https://acme.test"><img src="logo.png"></a><p><a href="${link}">Finish signing up</a></p>` };
    const fromTrigger = inboxReading(codeReading({}, ACME), branded);
    expect(await fromTrigger.waitForLinkEmail({ since: since(), template: COGNITO_DEFAULT_LINK_EMAIL.message })).toMatchObject({
      link: link.replaceAll('&amp;', '&'),
      code: '123456',
    });
    const fromTemplate = inboxReading(codeReading({}, undefined), branded);
    await expect(fromTemplate.waitForLinkEmail({ since: since(), template: COGNITO_DEFAULT_LINK_EMAIL.message })).rejects.toThrow(/No link "Verify Email" in the mail/);
  });

  test("the subject expected: the template's, exactly; with a trigger, any subject at all", () => {
    const plain = inboxReading(codeReading({}, undefined)).expectedSubject;
    expect(COGNITO_DEFAULT_VERIFICATION_EMAIL.subject).toMatch(plain);
    expect(`Re: ${COGNITO_DEFAULT_VERIFICATION_EMAIL.subject}`).not.toMatch(plain);
    const triggered = inboxReading(codeReading({}, ACME)).expectedSubject;
    expect('Welcome to Acme').toMatch(triggered);
    expect(' ').not.toMatch(triggered);
  });

  test("extra mails are compared by the codes their kind's reading finds, and reading never throws", async () => {
    const one = TABLE_LAYOUT.mail('048213');
    const { backend } = scriptedBackend([received('m1', one)]);
    const held = [received('m1', one), received('m1b', one), received('m2', { html: '<p>Welcome aboard!</p>' })];
    const inbox = new DisposableInbox({ ...backend, listEmails: async () => held } as MailBackend, { id: 'a', address: 'a@inbox.test' }, verificationTemplate({}), 3_000, {}, codeReading({}, ACME));
    await inbox.waitForVerificationEmail({ since: since(), kind: 'signUp' });
    expect(await inbox.extraMails()).toMatch(/code 048213; .* code 048213; .* code no code\. The same code came more than once \(048213\)/);
  });

  test("extra mails of a kind with its own rule are read by that rule, not as a sign-up's", async () => {
    const resent = received('m1', { text: 'New code: 482913 (ticket 100200)' });
    const { backend } = scriptedBackend([resent]);
    const reading = codeReading(codeRulesFromEnv({ CODE_IN_RESEND_MAIL: '/New code:? (\\d{6})/' }), undefined);
    const inbox = new DisposableInbox({ ...backend, listEmails: async () => [resent, { ...resent, id: 'm1b' }] } as MailBackend, { id: 'a', address: 'a@inbox.test' }, verificationTemplate({}), 3_000, {}, reading);
    await inbox.waitForVerificationEmail({ since: since(), kind: 'resend' });
    expect(await inbox.extraMails()).toMatch(/The same code came more than once \(482913\)/);
  });
});
