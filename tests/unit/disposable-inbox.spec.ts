import { DisposableInbox } from '../../helpers/mail/disposable-inbox';
import { EmailTimeoutError, type MailBackend, type ReceivedEmail, type WaitForEmailOptions } from '../../helpers/mail/types';
import { COGNITO_DEFAULT_VERIFICATION_EMAIL, verificationTemplate } from '../../common/cognito-texts';
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
    await inboxWith(backend).waitForVerificationEmail({ since });
    expect(waits[0]!.timeout).toBeGreaterThan(500);
    expect(waits[0]!.timeout).toBeLessThanOrEqual(1_000);
  });

  test('still takes one look when the deadline has already passed', async () => {
    const since = new Date(Date.now() - 10_000);
    const { backend, waits } = scriptedBackend([mail('m1', new Date(since.getTime() + 1_000))]);
    await expect(inboxWith(backend).waitForVerificationEmail({ since })).resolves.toMatchObject({ code: '123456' });
    expect(waits[0]!.timeout).toBe(500);
  });

  test('a mail that arrived after the deadline fails, saying how late it was', async () => {
    const since = new Date(Date.now() - 6_000);
    const { backend } = scriptedBackend([mail('m1', new Date(since.getTime() + 4_500))]);
    await expect(inboxWith(backend).waitForVerificationEmail({ since })).rejects.toThrow(
      'The email "Your verification code" reached a@inbox.test at a scripted backend, but 4500 ms after the action that sent it: later than the 3000 ms deadline (EMAIL_TIMEOUT_MS).',
    );
  });

  test('never hands the same mail out twice, and extracts each code', async () => {
    const now = new Date();
    const { backend, waits } = scriptedBackend([mail('m1', now, '111111'), mail('m2', now, '222222')]);
    const inbox = inboxWith(backend);
    expect((await inbox.waitForVerificationEmail({ since: now })).code).toBe('111111');
    expect((await inbox.waitForVerificationEmail({ since: now })).code).toBe('222222');
    expect([...waits[0]!.excludeIds!]).toEqual([]);
    expect([...waits[1]!.excludeIds!]).toEqual(['m1']);
  });

  test('a mail without a code fails with the mail named', async () => {
    const { backend } = scriptedBackend([{ ...mail('m1', new Date()), text: 'Welcome aboard!' }]);
    await expect(inboxWith(backend).waitForVerificationEmail({ since: new Date(Date.now() - 10) })).rejects.toThrow(
      /^The mail "Your verification code" from no-reply@verificationemail\.com to a@inbox\.test \(.+\): No verification code in the mail/,
    );
  });
});

test.describe('one action, one mail', () => {
  /** An inbox that has handed out `waited` mails and now holds `held`. */
  async function inboxHolding(waited: ReceivedEmail[], held: ReceivedEmail[]) {
    const { backend } = scriptedBackend([...waited]);
    const inbox = new DisposableInbox({ ...backend, listEmails: async () => held } as MailBackend, { id: 'a', address: 'a@inbox.test' }, verificationTemplate({}), 3_000);
    for (const _ of waited) await inbox.waitForVerificationEmail({ since: new Date(Date.now() - 10) });
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
