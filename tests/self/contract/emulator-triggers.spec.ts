// The team's own Lambda triggers in the embedded emulator (LOCAL_CUSTOM_MESSAGE_TRIGGER,
// LOCAL_PRE_SIGN_UP_TRIGGER), on a private stack running the handlers of
// tests/self/support/team-triggers.ts: the event Cognito gives them, and what
// Cognito does with their answer, their error and their silence.
import path from 'node:path';
import {
  AdminCreateUserCommand,
  AdminResetUserPasswordCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  SignUpCommand,
  type SignUpCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { localTarget } from '../../../config/target';
import { generatePassword } from '../../../helpers/password';
import { EMULATOR_NOTE_HEADER } from '../../../common/emulator-note';
import { expect, test } from '../fixtures';

const HANDLERS = path.resolve('tests/self/support/team-triggers.ts');
const module = (exportName: string) => ({ file: HANDLERS, exportName, name: `team-${exportName}` });

interface CaughtMail {
  subject: string;
  html?: string;
  text: string;
  headers: Record<string, string>;
}

/** The SDK's own client, without retries: each answer is seen as the emulator gave it. */
const rawClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } });

/** `name: message`, or the answer when there was no error. */
const outcome = <T>(call: Promise<T>) => call.then((answer) => answer, (error: Error) => `${error.name}: ${error.message}`);

/** The event a handler of team-triggers.ts was given, as the mail shows it. */
const eventIn = (mail: CaughtMail) => JSON.parse(Buffer.from(/<pre id="event">([\w+/=]*)<\/pre>/.exec(mail.html ?? '')?.[1] ?? '', 'base64').toString() || '{}') as Record<string, unknown>;

test.describe('the team\'s Lambda triggers, run by the emulator', () => {
  test.setTimeout(90_000);

  test('CustomMessage writes the mail from the event Cognito gives it; a message Cognito cannot send is set aside for the template, with a note', async ({
    startPrivateStack,
  }) => {
    const { env, urls } = await startPrivateStack({ triggers: { customMessage: module('customMessage') } });
    const target = await localTarget(env);
    const raw = rawClient(urls.cognito);
    const mailsTo = async (address: string) =>
      expect
        .poll(async () => (await (await fetch(`${urls.mailWeb}/api/email?to.address=${encodeURIComponent(address)}`)).json()) as CaughtMail[], {
          message: `mail to ${address}`,
        })
        .toHaveLength(1)
        .then(async () => ((await (await fetch(`${urls.mailWeb}/api/email?to.address=${encodeURIComponent(address)}`)).json()) as CaughtMail[])[0] as CaughtMail);
    const signUp = (Username: string) =>
      outcome(raw.send(new SignUpCommand({ ClientId: target.cognito.userPoolClientId, Username, Password: generatePassword(), ClientMetadata: { campaign: 'spring' } })));
    try {
      await test.step('the pool names the function in its LambdaConfig, as DescribeUserPool shows it on AWS', async () => {
        const { UserPool } = await raw.send(new DescribeUserPoolCommand({ UserPoolId: target.cognito.userPoolId }));
        expect(UserPool?.LambdaConfig).toEqual({ CustomMessage: 'arn:aws:lambda:local:000000000000:function:team-customMessage' });
      });

      await test.step('a sign-up mail is the trigger\'s: its subject, its words, every {####} filled; the event is CustomMessage_SignUp', async () => {
        expect(await signUp('branded@trigger.test')).toMatchObject({ UserConfirmed: false });
        const mail = await mailsTo('branded@trigger.test');
        expect(mail.subject).toBe('Branded CustomMessage_SignUp');
        expect(mail.text).toMatch(/^Your code: (\d{6}) ?, and again: \1$/m);
        expect(mail.headers[EMULATOR_NOTE_HEADER.toLowerCase()]).toBeUndefined();
        expect(eventIn(mail)).toMatchObject({
          version: '1',
          triggerSource: 'CustomMessage_SignUp',
          userPoolId: target.cognito.userPoolId,
          callerContext: { clientId: target.cognito.userPoolClientId },
          request: {
            codeParameter: '{####}',
            linkParameter: '{##Click Here##}',
            usernameParameter: null,
            clientMetadata: { campaign: 'spring' },
            userAttributes: { email: 'branded@trigger.test', 'cognito:user_status': 'UNCONFIRMED' },
          },
          response: { emailMessage: null, emailSubject: null },
        });
      });

      await test.step('an invitation\'s event names {username}, and no client; both placeholders are filled', async () => {
        await raw.send(new AdminCreateUserCommand({ UserPoolId: target.cognito.userPoolId, Username: 'invited@trigger.test', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'email', Value: 'invited@trigger.test' }] }));
        const mail = await mailsTo('invited@trigger.test');
        expect(mail.subject).toBe('Branded CustomMessage_AdminCreateUser');
        expect(mail.text).toContain('User: invited@trigger.test');
        expect(eventIn(mail)).toMatchObject({ request: { usernameParameter: '{username}' }, callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' } });
      });

      await test.step("an admin's password reset is written as ForgotPassword's mail (AWS names no source of its own for it), with no client", async () => {
        const Username = 'reset@trigger.test';
        const UserAttributes = [{ Name: 'email', Value: Username }, { Name: 'email_verified', Value: 'true' }];
        await raw.send(new AdminCreateUserCommand({ UserPoolId: target.cognito.userPoolId, Username, MessageAction: 'SUPPRESS', UserAttributes }));
        await raw.send(new AdminResetUserPasswordCommand({ UserPoolId: target.cognito.userPoolId, Username }));
        const mail = await mailsTo(Username);
        expect(mail.subject).toBe('Branded CustomMessage_ForgotPassword');
        expect(eventIn(mail)).toMatchObject({ triggerSource: 'CustomMessage_ForgotPassword', callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' } });
      });

      await test.step('a message without {####}, or over 20,000 characters, is set aside: the template goes out, and a header says why', async () => {
        expect(await signUp('drop-code@trigger.test')).toMatchObject({ UserConfirmed: false });
        const dropped = await mailsTo('drop-code@trigger.test');
        expect(dropped.subject).toBe('Your verification code');
        expect(dropped.text).toMatch(/^Your verification code is \d{6}\./);
        expect(dropped.headers[EMULATOR_NOTE_HEADER.toLowerCase()]).toBe(
          "CustomMessage trigger team-customMessage (CustomMessage_SignUp): Cognito sends the pool's own template instead, because its emailMessage has no {####} (request.codeParameter) for the code.",
        );
        await signUp('too-long@trigger.test');
        expect((await mailsTo('too-long@trigger.test')).headers[EMULATOR_NOTE_HEADER.toLowerCase()]).toContain('its emailMessage has 20824 characters, over Cognito\'s 20000');
      });

      await test.step('a subject alone is the trigger\'s, with the template\'s body; no note, as nothing was set aside', async () => {
        await signUp('subject-only@trigger.test');
        const mail = await mailsTo('subject-only@trigger.test');
        expect([mail.subject, mail.text.trim(), mail.headers[EMULATOR_NOTE_HEADER.toLowerCase()]]).toEqual(['Branded subject, template body', expect.stringMatching(/^Your verification code is \d{6}\.$/), undefined]);
      });

      await test.step('a trigger that throws fails the call in Cognito\'s words, and nothing is mailed', async () => {
        expect(await signUp('throws@trigger.test')).toBe('UserLambdaValidationException: CustomMessage failed with error Template "welcome" not found.');
      });

      await test.step('a trigger that does not answer within 5 seconds fails the call as UnexpectedLambdaException', async () => {
        const started = Date.now();
        expect(await signUp('slow@trigger.test')).toMatch(/^UnexpectedLambdaException: CustomMessage invocation failed due to error Socket timeout while invoking Lambda function\./);
        expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
      });

      await test.step('no mail went to the addresses whose call failed', async () => {
        const all = (await (await fetch(`${urls.mailWeb}/api/email`)).json()) as { to: { address: string }[] }[];
        expect(all.map((m) => m.to[0]?.address).sort()).toEqual([
          'branded@trigger.test',
          'drop-code@trigger.test',
          'invited@trigger.test',
          'reset@trigger.test',
          'subject-only@trigger.test',
          'too-long@trigger.test',
        ]);
      });
    } finally {
      raw.destroy();
    }
  });

  test('PreSignUp: a rejection fails SignUp with the handler\'s words and creates no user; auto-confirmation mails no code', async ({ startPrivateStack }) => {
    const { env, urls, listUsers } = await startPrivateStack({ triggers: { preSignUp: module('preSignUp') } });
    const target = await localTarget(env);
    const raw = rawClient(urls.cognito);
    const signUp = (Username: string) => outcome<SignUpCommandOutput>(raw.send(new SignUpCommand({ ClientId: target.cognito.userPoolClientId, Username, Password: generatePassword() })));
    try {
      await test.step('rejected: UserLambdaValidationException "PreSignUp failed with error …." and no user', async () => {
        expect(await signUp('rejected@trigger.test')).toBe('UserLambdaValidationException: PreSignUp failed with error Sign-ups from this domain are closed.');
        expect(await listUsers()).toEqual([]);
      });

      await test.step("an admin's user is refused the same way (PreSignUp_AdminCreateUser)", async () => {
        const invite = raw.send(
          new AdminCreateUserCommand({ UserPoolId: target.cognito.userPoolId, Username: 'rejected@trigger.test', UserAttributes: [{ Name: 'email', Value: 'rejected@trigger.test' }] }),
        );
        expect(await outcome(invite)).toBe('UserLambdaValidationException: PreSignUp failed with error Sign-ups from this domain are closed.');
        expect(await listUsers()).toEqual([]);
      });

      await test.step('auto-confirmed: UserConfirmed, no CodeDeliveryDetails, the address verified, and no mail', async () => {
        const answer = await signUp('auto-confirmed@trigger.test');
        expect(answer).toMatchObject({ UserConfirmed: true });
        expect(answer).not.toHaveProperty('CodeDeliveryDetails');
        const user = await raw.send(new AdminGetUserCommand({ UserPoolId: target.cognito.userPoolId, Username: 'auto-confirmed@trigger.test' }));
        expect([user.UserStatus, user.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value]).toEqual(['CONFIRMED', 'true']);
      });

      await test.step('let through: UNCONFIRMED, and the code is mailed as before', async () => {
        expect(await signUp('welcome@trigger.test')).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } });
        await expect
          .poll(async () => ((await (await fetch(`${urls.mailWeb}/api/email`)).json()) as { to: { address: string }[] }[]).map((m) => m.to[0]?.address))
          .toEqual(['welcome@trigger.test']);
      });
    } finally {
      raw.destroy();
    }
  });
});
