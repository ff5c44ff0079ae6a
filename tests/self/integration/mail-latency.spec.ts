import { CognitoAppClient } from '../../../helpers/cognito/app-client';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { MailDevBackend } from '../../../helpers/mail/maildev';
import { generatePassword } from '../../../helpers/password';
import { localTarget, mailDevUrl } from '../../../config/target';
import { expect, test } from '../fixtures';
import { parseLatency } from '../../../local/stack-settings';

test('LOCAL_MAIL_LATENCY_MS: the emulator answers first and mails later, as Cognito does', async ({ startPrivateStack }) => {
  test.setTimeout(60_000);
  const { env } = await startPrivateStack({ mailLatencyMs: { min: 1_500, max: 1_500 } });
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
    const mailedMs = email.receivedAt.getTime() - since.getTime();
    expect(answeredMs, 'SignUp answers without waiting for the mail').toBeLessThan(1_000);
    expect(mailedMs, 'the mail comes after the latency').toBeGreaterThanOrEqual(1_500);
  } finally {
    client.destroy();
    await mail.close();
  }
});

test('LOCAL_MAIL_LATENCY_MS takes a delay or a range, and says what is wrong with anything else', () => {
  expect(parseLatency(undefined)).toEqual({ min: 0, max: 0 });
  expect(parseLatency('250')).toEqual({ min: 250, max: 250 });
  expect(parseLatency('500-5000')).toEqual({ min: 500, max: 5_000 });
  expect(() => parseLatency('5000-500')).toThrow('LOCAL_MAIL_LATENCY_MS="5000-500" is not a delay in milliseconds: a number (250) or a range (500-5000)');
  expect(() => parseLatency('soon')).toThrow(/is not a delay in milliseconds/);
});
