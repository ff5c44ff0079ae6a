// Cognito's quotas in the embedded emulator, on private stacks with lowered
// limits so that they are met in a few calls: a category's request rate
// (TooManyRequestsException "Rate exceeded", which the suite's own client
// retries), and the daily mails of Cognito's own sender (LimitExceededException).
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand, ResendConfirmationCodeCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { generatePassword } from '../../../helpers/password';
import { localTarget } from '../../../config/target';
import { QUOTAS_PATH } from '../../../common/cognito-quotas';
import type { QuotaReport } from '../../../local/cognito/quotas';
import { expect, test } from '../fixtures';

/** The error a call ended with, as `name: message (HTTP status)`. */
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => 'accepted',
    (error: Error & { $metadata?: { httpStatusCode?: number } }) => `${error.name}: ${error.message} (HTTP ${error.$metadata?.httpStatusCode})`,
  );

/** The SDK's own client, without retries: each refusal is seen as the emulator gave it. */
const rawClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } });

const quotaReport = async (cognitoUrl: string) => (await (await fetch(new URL(QUOTAS_PATH, cognitoUrl))).json()) as QuotaReport;

test('over a category\'s rate: TooManyRequestsException "Rate exceeded", nothing done, other categories untouched, and the suite\'s client retries it', async ({
  startPrivateStack,
}) => {
  test.setTimeout(60_000);
  const { env, urls, listUsers } = await startPrivateStack({ quotas: { rateLimits: { UserCreation: 1 } } });
  const target = await localTarget(env);
  const ClientId = target.cognito.userPoolClientId;
  const raw = rawClient(urls.cognito);
  const suite = createCognitoClient(target.cognito);
  const signUp = (client: CognitoIdentityProviderClient, Username: string) => client.send(new SignUpCommand({ ClientId, Username, Password: generatePassword() }));
  try {
    await test.step('a second SignUp within the second is refused, and creates no user', async () => {
      expect(await refusal(signUp(raw, 'first@quota.test'))).toBe('accepted');
      expect(await refusal(signUp(raw, 'second@quota.test'))).toBe('TooManyRequestsException: Rate exceeded (HTTP 400)');
      expect((await listUsers()).map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value)).toEqual(['first@quota.test']);
    });

    await test.step('ResendConfirmationCode counts as UserResourceRead, not UserCreation: it passes', async () => {
      expect(await refusal(raw.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'first@quota.test' })))).toBe('accepted');
    });

    await test.step("the suite's client backs off and retries: three sign-ups at once all succeed", async () => {
      await Promise.all(['third', 'fourth', 'fifth'].map((name) => signUp(suite, `${name}@quota.test`)));
      expect(await listUsers()).toHaveLength(4);
      const { throttled } = await quotaReport(urls.cognito);
      expect(throttled.SignUp, 'the second SignUp, and at least one of the three').toBeGreaterThanOrEqual(2);
      expect(throttled.ResendConfirmationCode).toBeUndefined();
    });
  } finally {
    raw.destroy();
    suite.destroy();
  }
});

test("Cognito's own sender's daily mails: over the limit, LimitExceededException in Cognito's words; a pool on SES is not counted", async ({ startPrivateStack }) => {
  test.setTimeout(60_000);
  const { env, urls } = await startPrivateStack({ quotas: { emailDailyLimit: 2 } });
  const target = await localTarget(env);
  const raw = rawClient(urls.cognito);
  const signUp = (ClientId: string, Username: string) => raw.send(new SignUpCommand({ ClientId, Username, Password: generatePassword() }));
  try {
    await test.step('the third mail of the day is refused, naming SES as the way out', async () => {
      const ClientId = target.cognito.userPoolClientId;
      expect(await refusal(signUp(ClientId, 'one@quota.test'))).toBe('accepted');
      expect(await refusal(signUp(ClientId, 'two@quota.test'))).toBe('accepted');
      expect(await refusal(signUp(ClientId, 'three@quota.test'))).toBe(
        'LimitExceededException: Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email. (HTTP 400)',
      );
      expect(await quotaReport(urls.cognito)).toMatchObject({ emailDailyLimit: 2, emailsToday: 2 });
    });

    await test.step('a pool that sends through SES (DEVELOPER) is not limited by it', async () => {
      const { UserPool } = await raw.send(
        new CreateUserPoolCommand({
          PoolName: 'on-ses',
          UsernameAttributes: ['email'],
          AutoVerifiedAttributes: ['email'],
          EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', From: 'no-reply@quota.test', SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/quota.test' },
        }),
      );
      const { UserPoolClient } = await raw.send(new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'on-ses' }));
      expect(await refusal(signUp(UserPoolClient!.ClientId!, 'four@quota.test'))).toBe('accepted');
      expect((await quotaReport(urls.cognito)).emailsToday).toBe(2);
    });
  } finally {
    raw.destroy();
  }
});
