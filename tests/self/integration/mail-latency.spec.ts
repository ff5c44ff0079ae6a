import { CognitoAppClient } from '../../../helpers/cognito/app-client';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { MailDevBackend } from '../../../helpers/mail/maildev';
import { generatePassword } from '../../../helpers/password';
import { localTarget, mailDevUrl } from '../../../config/target';
import { expect, test } from '../fixtures';
import { DEFAULT_MAIL_LATENCY_MS, parseLatency } from '../../../local/stack-settings';

/** Signs up a new inbox on a private stack: how long SignUp took to answer, and how long the mail took to arrive, from the call. */
async function signUpTimings(env: Record<string, string>): Promise<{ answeredMs: number; mailedMs: number }> {
  const target = await localTarget(env);
  const client = createCognitoClient(target.cognito);
  const mail = await MailDevBackend.connect(mailDevUrl(target));
  try {
    const inbox = await mail.createInbox('late mail');
    const app = new CognitoAppClient(client, { clientId: target.cognito.userPoolClientId });
    const since = new Date();
    await app.signUp(inbox.address, generatePassword());
    const answeredMs = Date.now() - since.getTime();
    const email = await mail.waitForEmail(inbox, { since, timeout: 10_000 });
    return { answeredMs, mailedMs: email.receivedAt.getTime() - since.getTime() };
  } finally {
    client.destroy();
    await mail.close();
  }
}

test('LOCAL_MAIL_LATENCY_MS: the emulator answers first and mails later, as Cognito does', async ({ startPrivateStack }) => {
  test.setTimeout(60_000);
  const { env } = await startPrivateStack({ mailLatencyMs: { min: 1_500, max: 1_500 } });
  const { answeredMs, mailedMs } = await signUpTimings(env);
  expect(answeredMs, 'SignUp answers without waiting for the mail').toBeLessThan(1_000);
  expect(mailedMs, 'the mail comes after the latency').toBeGreaterThanOrEqual(1_500);
});

test('by default the mail comes after the answer too, tens of milliseconds late, so every local run waits for it', async ({ startPrivateStack }) => {
  test.setTimeout(60_000);
  const { env, settings } = await startPrivateStack();
  expect(settings.mailLatencyMs).toEqual(DEFAULT_MAIL_LATENCY_MS);
  const { answeredMs, mailedMs } = await signUpTimings(env);
  expect(mailedMs, 'the mail comes no sooner than the smallest latency').toBeGreaterThanOrEqual(DEFAULT_MAIL_LATENCY_MS.min);
  expect(mailedMs, 'the mail comes after SignUp answered').toBeGreaterThan(answeredMs);
});

test('LOCAL_MAIL_LATENCY_MS takes a delay or a range, and says what is wrong with anything else', () => {
  expect(parseLatency(undefined)).toEqual({ min: 20, max: 80 });
  expect(parseLatency('')).toEqual(DEFAULT_MAIL_LATENCY_MS);
  expect(parseLatency('0'), 'an explicit 0 mails before answering').toEqual({ min: 0, max: 0 });
  expect(parseLatency('250')).toEqual({ min: 250, max: 250 });
  expect(parseLatency('500-5000')).toEqual({ min: 500, max: 5_000 });
  expect(() => parseLatency('5000-500')).toThrow('LOCAL_MAIL_LATENCY_MS="5000-500" is not a delay in milliseconds: a number (250) or a range (500-5000)');
  expect(() => parseLatency('soon')).toThrow(/is not a delay in milliseconds/);
});
