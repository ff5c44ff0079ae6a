// A pool's Lambda triggers that change its mail (LambdaConfig), kept by the
// Cognito emulator as AWS keeps them, and named by the doctor in remote mode
// against it. Proves the emulator's DescribeUserPool and the doctor's reading;
// no trigger runs here (the emulator invokes none).
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolCommand,
  type LambdaConfigType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mailTriggers } from '../../../common/lambda-triggers';
import { POOL_CREATION_SETTINGS, poolSettings } from '../../../common/pool-settings';
import { runCommand } from '../../../tools/child-run';
import { STAND_IN_API_KEY, expect, standInRemoteEnv, test as base } from '../fixtures';

const arn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;
const TRIGGERS: LambdaConfigType = {
  CustomMessage: arn('acme-branded-mail'),
  PreSignUp: arn('acme-pre-sign-up'),
  CustomEmailSender: { LambdaArn: arn('acme-mail-sender'), LambdaVersion: 'V1_0' },
  // AWS demands the key that encrypts the codes handed to a CustomEmailSender.
  KMSKeyID: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
};

interface TeamPool {
  userPoolId: string;
  clientId: string;
}

/** Pools made for one test through the emulator, as a team's own, each deleted after it. */
const test = base.extend<{ teamPool: (name: string, lambdaConfig?: LambdaConfigType) => Promise<TeamPool> }>({
  teamPool: async ({ cognitoClient }, use) => {
    const made: string[] = [];
    await use(async (name, lambdaConfig) => {
      const { UserPool } = await cognitoClient.send(
        new CreateUserPoolCommand({
          PoolName: `${name}-${test.info().testId}`,
          ...POOL_CREATION_SETTINGS,
          ...poolSettings({ confirmBy: 'code', keepOriginalEmail: false }),
          ...(lambdaConfig ? { LambdaConfig: lambdaConfig } : {}),
        }),
      );
      const userPoolId = UserPool?.Id as string;
      made.push(userPoolId);
      const { UserPoolClient } = await cognitoClient.send(
        new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: name, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
      );
      return { userPoolId, clientId: UserPoolClient?.ClientId as string };
    });
    for (const UserPoolId of made) await cognitoClient.send(new DeleteUserPoolCommand({ UserPoolId }));
  },
});

test.describe("the doctor names a pool's mail triggers (LambdaConfig)", () => {
  test.skip(({ settings }) => settings.target !== 'local', 'needs the embedded stack as the stand-in for AWS Cognito');
  test.setTimeout(120_000);

  test('CreateUserPool and UpdateUserPool keep LambdaConfig, and DescribeUserPool shows it as given', async ({ cognitoClient, teamPool }) => {
    const described = async (UserPoolId: string) => (await cognitoClient.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool?.LambdaConfig;
    // No triggers: the emulator answers LambdaConfig {} after CreateUserPool and none after UpdateUserPool; the suite reads both alike.
    const branded = await teamPool('branded');
    expect(mailTriggers(await described(branded.userPoolId))).toEqual({});
    await cognitoClient.send(new UpdateUserPoolCommand({ UserPoolId: branded.userPoolId, AutoVerifiedAttributes: ['email'], LambdaConfig: TRIGGERS }));
    expect(await described(branded.userPoolId)).toEqual(TRIGGERS);
    // As on AWS, an UpdateUserPool without it takes the triggers off.
    await cognitoClient.send(new UpdateUserPoolCommand({ UserPoolId: branded.userPoolId, AutoVerifiedAttributes: ['email'] }));
    expect(mailTriggers(await described(branded.userPoolId))).toEqual({});
    expect(await described((await teamPool('created-with-triggers', TRIGGERS)).userPoolId)).toEqual(TRIGGERS);
  });

  test("remote mode: a ⚠ for each trigger naming its function; a pool without triggers has none of those lines", async ({ target, mailslurpStandIn, teamPool }) => {
    const remote = (pool: TeamPool) => ({
      ...standInRemoteEnv(target, { url: mailslurpStandIn.url, apiKey: STAND_IN_API_KEY }),
      COGNITO_USER_POOL_ID: pool.userPoolId,
      COGNITO_CLIENT_ID: pool.clientId,
    });
    const doctor = async (pool: TeamPool) => {
      const run = await runCommand('node', ['--import', 'tsx', 'tools/doctor/main.ts'], remote(pool));
      await test.info().attach(`doctor checklist, pool ${pool.userPoolId}`, { body: run.output, contentType: 'text/plain' });
      return run;
    };
    const [withTriggers, plain] = [await teamPool('all-three-triggers', TRIGGERS), await teamPool('plain')];

    await test.step('the pool with CustomMessage, CustomEmailSender and PreSignUp', async () => {
      const run = await doctor(withTriggers);
      expect(run.output).toContain(
        "⚠ The pool's mails are written by its CustomMessage trigger, function acme-branded-mail (the mails are the trigger's, not the pool's templates; the code is found in: " +
          "sign-up, resent code, password reset, email change, sign-in code by the one number of the code's length standing alone in the mail's text (no rule set); invitation: no rule set",
      );
      expect(run.output).toContain(
        "⚠ The pool's mails are sent by its CustomEmailSender trigger, function acme-mail-sender, through the team's own provider (Cognito hands it each code encrypted with KMS",
      );
      expect(run.output).toContain("\n    → Let acme-mail-sender deliver to the suite's test addresses");
      expect(run.output).toMatch(
        /^⚠ The pool runs a PreSignUp trigger, function acme-pre-sign-up, before every sign-up \(.*stories that wait for the sign-up mail: "sign-up", "resend", "wrong code", "existing user", "re-signup", "re-signup of a confirmed user", "forgot password"/m,
      );
      // Cognito sends none of its mail: its own sender's 50 a day do not apply.
      expect(run.output).toMatch(/^✓ Email goes out through the pool's CustomEmailSender function acme-mail-sender \(Cognito sends none itself/m);
      expect(run.output).not.toContain("Email goes out through Cognito's own sender");
      expect(run.output).not.toContain(STAND_IN_API_KEY);
    });

    await test.step('the pool without triggers', async () => {
      const run = await doctor(plain);
      expect(run.output).toMatch(/^✓ Cognito reachable \(http:\/\/127\.0\.0\.1:\d+\), pool local_\w+/m);
      expect(run.output).not.toMatch(/(CustomMessage|CustomEmailSender|PreSignUp) trigger|CODE_IN_/);
      expect(run.output).toContain("⚠ Email goes out through Cognito's own sender (COGNITO_DEFAULT)");
    });
  });
});
