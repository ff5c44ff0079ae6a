// AWS's own records of a mail, read by the doctor and by a missing mail's
// evidence, against STAND-INS for the SES v2 and CloudWatch Logs APIs (and the
// Cognito emulator as the pool): proves the calls we make, how we read the
// answers and how we word "not configured" and "access denied"; proves nothing
// about what AWS itself writes into those records.
import {
  DescribeUserPoolCommand,
  SetLogDeliveryConfigurationCommand,
  UpdateUserPoolCommand,
  type EmailConfigurationType,
  type UpdateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { DeliveryRecords, type DeliveryRecordSources } from '../../../helpers/diagnosis/delivery-records';
import { localTarget, type Target } from '../../../config/target';
import { freePort } from '../../../local/free-port';
import { startMailCatcher } from '../../../local/mail/catcher';
import { runCommand, runPlaywright } from '../../../tools/child-run';
import { STAND_IN_API_KEY, expect, standInRemoteEnv, test } from '../fixtures';
import { CognitoProxy } from '../support/cognito-proxy';
import { LogsStandIn, SesStandIn } from '../support/aws-records-stand-ins';
import { MailSlurpStandIn } from '../support/mailslurp-stand-in';

const SES_REGION = 'eu-west-1';
const IDENTITY = 'example.com';
const SOURCE_ARN = `arn:aws:ses:${SES_REGION}:123456789012:identity/${IDENTITY}`;
const CONFIGURATION_SET = 'signup-tests';
const ERROR_GROUP = '/aws/vendedlogs/cognito/tests/user-notification';
// As a CloudFormation GetAtt of a log group gives it, with the ":*" AWS refuses in FilterLogEvents.
const ERROR_GROUP_ARN = `arn:aws:logs:${SES_REGION}:123456789012:log-group:${ERROR_GROUP}:*`;
const SES_EVENTS_GROUP = 'ses-events';

/** The pool sends through SES from IDENTITY, its other settings as they were (UpdateUserPool puts back the defaults of what it is not given). */
async function sendThroughSes(target: Target, options: { configurationSet?: string; exportErrors?: boolean }): Promise<void> {
  const client = createCognitoClient(target.cognito);
  try {
    const UserPoolId = target.cognito.userPoolId;
    const { UserPool: pool = {} } = await client.send(new DescribeUserPoolCommand({ UserPoolId }));
    const kept: Partial<UpdateUserPoolCommandInput> = {
      Policies: pool.Policies,
      AutoVerifiedAttributes: pool.AutoVerifiedAttributes,
      EmailVerificationMessage: pool.EmailVerificationMessage,
      EmailVerificationSubject: pool.EmailVerificationSubject,
      VerificationMessageTemplate: pool.VerificationMessageTemplate,
      MfaConfiguration: pool.MfaConfiguration,
      AdminCreateUserConfig: pool.AdminCreateUserConfig,
      AccountRecoverySetting: pool.AccountRecoverySetting,
      UserAttributeUpdateSettings: pool.UserAttributeUpdateSettings,
    };
    await client.send(
      new UpdateUserPoolCommand({
        UserPoolId,
        ...kept,
        EmailConfiguration: {
          EmailSendingAccount: 'DEVELOPER',
          SourceArn: SOURCE_ARN,
          From: `Sign-up tests <no-reply@${IDENTITY}>`,
          ...(options.configurationSet ? { ConfigurationSet: options.configurationSet } : {}),
        },
      }),
    );
    if (options.exportErrors) {
      await client.send(
        new SetLogDeliveryConfigurationCommand({
          UserPoolId,
          LogConfigurations: [{ EventSource: 'userNotification', LogLevel: 'ERROR', CloudWatchLogsConfiguration: { LogGroupArn: ERROR_GROUP_ARN } }],
        }),
      );
    }
  } finally {
    client.destroy();
  }
}

/** In this process the SDK's default chain finds the stand-ins' worthless keys, as a child run's does (standInRemoteEnv); returns how to put back what was there. */
function useStandInKeys(): () => void {
  const saved = { AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIASTANDINFAKE00000', AWS_SECRET_ACCESS_KEY: 'stand-in-fake-secret' });
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

test.describe("AWS's delivery records, against stand-ins for SES and CloudWatch Logs", () => {
  test.setTimeout(150_000);

  let ses: SesStandIn;
  let logs: LogsStandIn;

  test.beforeEach(async () => {
    ses = await new SesStandIn().start();
    logs = await new LogsStandIn().start();
  });

  test.afterEach(async () => {
    await ses.stop();
    await logs.stop();
  });

  const standInEndpoints = () => ({ SES_ENDPOINT: ses.url, LOGS_ENDPOINT: logs.url });

  test("the doctor: the identity, the sandbox, today's quota against the run's mails, the configuration set, and where the records are read", async ({ startPrivateStack }) => {
    const { env } = await startPrivateStack();
    const target = await localTarget(env);
    await sendThroughSes(target, { configurationSet: CONFIGURATION_SET, exportErrors: true });
    const mailslurp = await new MailSlurpStandIn(STAND_IN_API_KEY).start();
    const doctor = (extra: Record<string, string> = {}, args: string[] = []) =>
      runCommand('node', ['--import', 'tsx', 'tools/doctor/main.ts', ...args], {
        ...standInRemoteEnv(target, { url: mailslurp.url, apiKey: STAND_IN_API_KEY }),
        ...standInEndpoints(),
        ...extra,
      });
    try {
      await test.step('set up right: every SES check and both record sources pass', async () => {
        ses.identities.set(IDENTITY, true);
        ses.configurationSets.set(CONFIGURATION_SET, [{ name: 'to-eventbridge', type: 'EventBridgeDestination', enabled: true }]);
        logs.groups.set(ERROR_GROUP, []);
        logs.groups.set(SES_EVENTS_GROUP, []);
        const run = await doctor({ SES_EVENTS_LOG_GROUP: SES_EVENTS_GROUP });
        expect(run.output).toContain(`✓ Email goes out through Amazon SES (EmailSendingAccount DEVELOPER, from Sign-up tests <no-reply@${IDENTITY}>)`);
        expect(run.output).toContain(`✓ The SES identity ${IDENTITY} is verified for sending (region ${SES_REGION})`);
        expect(run.output).toContain(`✓ The SES account in ${SES_REGION} has production access (it delivers to any address)`);
        expect(run.output).toMatch(new RegExp(`^✓ SES's daily quota in ${SES_REGION} covers this run \\(49880 of 50000 left in the last 24 hours; this run sends about \\d+\\)$`, 'm'));
        expect(run.output).toContain(`✓ The SES configuration set ${CONFIGURATION_SET} exists (its events go to EventBridge)`);
        expect(run.output).toContain(`✓ Cognito exports its message-delivery errors to CloudWatch Logs (${ERROR_GROUP_ARN.replace(/:\*$/, '')}, readable)`);
        expect(run.output).toContain(`✓ SES's events reach SES_EVENTS_LOG_GROUP (${SES_EVENTS_GROUP}, readable)`);
        expect(run.output).not.toMatch(/^✗ /m);
        expect(run.exitCode).toBe(0);
        // The error log's ARN without ":*", which AWS refuses; the SES calls in the identity's region, through the stand-in.
        expect(logs.calls).toEqual(['FilterLogEvents', 'FilterLogEvents']);
        expect(ses.calls).toEqual(['GetEmailIdentity', 'GetAccount', 'GetConfigurationSet', 'GetConfigurationSetEventDestinations']);
      });

      await test.step('set up wrong: a pending identity, the sandbox, a spent quota and a missing configuration set each fail, with the fix', async () => {
        ses.identities.set(IDENTITY, false);
        ses.configurationSets.clear();
        ses.account = { ProductionAccessEnabled: false, SendingEnabled: true, SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 190 } };
        logs.groups.delete(ERROR_GROUP);
        const run = await doctor({}, ['--repeat-each', '2']);
        expect(run.output).toContain(
          `✗ The SES identity ${IDENTITY} is not verified for sending (region ${SES_REGION}, VerificationStatus PENDING)\n    → Finish its verification in SES (${SES_REGION})`,
        );
        expect(run.output).toContain(
          `✗ The SES account in ${SES_REGION} is in the sandbox (it delivers only to verified addresses, and every test's inbox is a new random one)\n    → Request production access`,
        );
        const planned = /this run sends about (\d+)\)/.exec(run.output)?.[1];
        expect(run.output).toContain(`✗ SES's daily quota in ${SES_REGION} does not cover this run (10 of 200 left in the last 24 hours; this run sends about ${planned})`);
        expect(run.output).toContain(`✗ The pool names SES configuration set ${CONFIGURATION_SET}, which does not exist in ${SES_REGION}\n    → Create it in SES`);
        expect(run.output).toContain(`⚠ The log group ${ERROR_GROUP_ARN.replace(/:\*$/, '')} does not exist (Cognito exports its message-delivery errors to CloudWatch Logs)`);
        expect(run.exitCode).toBe(1);

        // The same run once: half the mails.
        const once = await doctor();
        expect(Number(/this run sends about (\d+)\)/.exec(once.output)?.[1]) * 2).toBe(Number(planned));
      });

      await test.step('an identity without the permissions: each SES check and the record source is a ⚠ naming the action, never a pass', async () => {
        for (const operation of ['GetEmailIdentity', 'GetAccount', 'GetConfigurationSet']) ses.denied.add(operation);
        logs.groups.set(ERROR_GROUP, []);
        logs.denied.add('FilterLogEvents');
        const run = await doctor();
        for (const action of ['ses:GetEmailIdentity', 'ses:GetAccount', 'ses:GetConfigurationSet', `logs:FilterLogEvents on ${ERROR_GROUP_ARN.replace(/:\*$/, '')}`]) {
          expect(run.output).toContain(`⚠ Not allowed: ${action} (`);
        }
        expect(run.output).toContain('    → Grant the "Delivery evidence" policy of docs/adopting.md "Least privilege"');
        expect(run.output).not.toMatch(/✓ .*(SES identity|SES account|daily quota|configuration set|exports its message-delivery errors)/);
      });
    } finally {
      await mailslurp.stop();
    }
  });

  test("the records of one address: Cognito's exported errors, SES's suppression list and events, each read, not configured, or refused", async ({ startPrivateStack }) => {
    const { env } = await startPrivateStack();
    const target = await localTarget(env);
    const restoreKeys = useStandInKeys();
    const address = 'cse2e-records-0@inbox.cognito-e2e.test';
    const since = new Date();
    const client = createCognitoClient(target.cognito);
    const records = (emailConfiguration: EmailConfigurationType, extra: Partial<DeliveryRecordSources> = {}) =>
      new DeliveryRecords({
        cognito: client,
        userPoolId: target.cognito.userPoolId,
        region: SES_REGION,
        emailConfiguration,
        logsEndpoint: logs.url,
        sesEndpoint: ses.url,
        ...extra,
      });
    try {
      await test.step("nothing configured: each source says so, with the fix", async () => {
        const found = await records({ EmailSendingAccount: 'COGNITO_DEFAULT' }).read(address, since);
        expect(found.lines).toEqual([
          "AWS records, Cognito's exported delivery errors: not configured: the pool exports none. To have them, set its log delivery (SetLogDeliveryConfiguration: EventSource userNotification, LogLevel ERROR, a CloudWatch Logs group), as infra/ does.",
          "AWS records, SES's account suppression list: not used: the pool sends through Cognito's own sender (COGNITO_DEFAULT), whose SES records are not yours to read.",
          "AWS records, SES's events: not used (COGNITO_DEFAULT).",
        ]);
        expect(found.likelyCause).toBeUndefined();
        const noSet = await records({ EmailSendingAccount: 'DEVELOPER', SourceArn: SOURCE_ARN }).read(address, since);
        expect(noSet.lines[2]).toBe("AWS records, SES's events: not configured: the pool names no configuration set (EmailConfiguration.ConfigurationSet), so SES records no events for its mail.");
        const noGroup = await records({ EmailSendingAccount: 'DEVELOPER', SourceArn: SOURCE_ARN, ConfigurationSet: CONFIGURATION_SET }).read(address, since);
        expect(noGroup.lines[2]).toContain(`of configuration set ${CONFIGURATION_SET}: not configured here:`);
        expect(noGroup.lines[2]).toContain('name the group in SES_EVENTS_LOG_GROUP');
      });

      await client.send(
        new SetLogDeliveryConfigurationCommand({
          UserPoolId: target.cognito.userPoolId,
          LogConfigurations: [{ EventSource: 'userNotification', LogLevel: 'ERROR', CloudWatchLogsConfiguration: { LogGroupArn: ERROR_GROUP_ARN } }],
        }),
      );
      const ses3: EmailConfigurationType = { EmailSendingAccount: 'DEVELOPER', SourceArn: SOURCE_ARN, ConfigurationSet: CONFIGURATION_SET };

      await test.step('configured, and the records name the address: each is shown, and the first that explains the loss is the cause', async () => {
        const at = since.getTime() + 1;
        logs.groups.set(ERROR_GROUP, [
          { timestamp: since.getTime() - 3_600_000, message: `{"message":"Message failed to deliver","destination":"${address}","note":"an hour before: outside the window"}` },
          { timestamp: at, message: '{"message":"Message failed to deliver","destination":"someone-else@example.com"}' },
          { timestamp: at + 1, message: `{"message":"Message failed to deliver","destination":"${address}"}` },
        ]);
        logs.groups.set(SES_EVENTS_GROUP, [{ timestamp: at, message: JSON.stringify({ detail: { eventType: 'Send', mail: { destination: [address] } } }) }]);
        ses.suppressed.set(address, 'BOUNCE');
        const found = await records(ses3, { sesEventsLogGroup: SES_EVENTS_GROUP }).read(address, since);
        expect(found.lines[0]).toMatch(new RegExp(`^AWS records, Cognito's exported delivery errors in ${ERROR_GROUP_ARN.replace(/[:*/]/g, '\\$&').replace(/\\:\\\*$/, '')}, from \\S+ to \\S+: 2 \\(1 naming ${address}\\): \\S+ \\{"message":"Message failed to deliver","destination":"${address}"\\}; `));
        expect(found.lines[0]).not.toContain('outside the window');
        expect(found.lines[1]).toBe(`AWS records, SES's account suppression list (${SES_REGION}): ${address} is listed, for BOUNCE, since 2026-11-20T08:00:00.000Z.`);
        expect(found.lines[2]).toMatch(new RegExp(`^AWS records, SES's events in ${SES_EVENTS_GROUP} for ${address}, from \\S+ to \\S+: Send; `));
        expect(found.likelyCause).toBe(`Cognito recorded a delivery error for ${address}: {"message":"Message failed to deliver","destination":"${address}"}`);

        logs.groups.set(ERROR_GROUP, []);
        const suppressed = await records(ses3, { sesEventsLogGroup: SES_EVENTS_GROUP }).read(address, since);
        expect(suppressed.lines[0]).toMatch(/: none from \S+ to \S+ \(Cognito exports them within minutes: a late one may not be there yet\)\.$/);
        expect(suppressed.likelyCause).toBe(`SES's suppression list holds ${address} (BOUNCE): SES drops every mail to it without trying. Remove it from the list (SES console, Suppression list), or let the test use a new address.`);
      });

      await test.step('refused, or gone: each source says which action to grant, or what is missing', async () => {
        logs.groups.delete(SES_EVENTS_GROUP);
        ses.denied.add('GetSuppressedDestination');
        logs.denied.add('FilterLogEvents');
        const found = await records(ses3, { sesEventsLogGroup: SES_EVENTS_GROUP }).read(address, since);
        expect(found.lines[0]).toBe(
          `AWS records, Cognito's exported delivery errors in ${ERROR_GROUP_ARN.replace(/:\*$/, '')}: not readable: logs:FilterLogEvents was refused; to see them, grant the "Delivery evidence" policy of docs/adopting.md "Least privilege".`,
        );
        expect(found.lines[1]).toBe(`AWS records, SES's account suppression list: not readable: ses:GetSuppressedDestination was refused; to see it, grant the "Delivery evidence" policy of docs/adopting.md "Least privilege".`);
        logs.denied.clear();
        const gone = await records(ses3, { sesEventsLogGroup: SES_EVENTS_GROUP }).read(address, since);
        expect(gone.lines[2]).toBe(`AWS records, SES's events in ${SES_EVENTS_GROUP}: the log group does not exist (deleted, or another region?).`);

        // Cognito itself refuses GetLogDeliveryConfiguration: a proxy answers for it, as AWS does to an identity without the permission.
        const proxy = (await CognitoProxy.start(target.cognito.endpoint ?? '')).fault('GetLogDeliveryConfiguration', {
          kind: 'answer',
          status: 400,
          body: { __type: 'AccessDeniedException', message: 'User is not authorized to perform: cognito-idp:GetLogDeliveryConfiguration' },
        });
        const refusing = createCognitoClient({ ...target.cognito, endpoint: proxy.url });
        try {
          const refused = await records(ses3, { cognito: refusing }).read(address, since);
          expect(refused.lines[0]).toBe(
            `AWS records, Cognito's exported delivery errors: not readable: cognito-idp:GetLogDeliveryConfiguration was refused; to see them, grant the "Delivery evidence" policy of docs/adopting.md "Least privilege".`,
          );
        } finally {
          refusing.destroy();
          await proxy.close();
        }
      });
    } finally {
      client.destroy();
      restoreKeys();
    }
  });

  test("a mail lost after Cognito sent it, in remote mode: the failure shows AWS's records, and the one that explains it as the likely cause", async ({ startPrivateStack }) => {
    // The emulator's mail goes to a second catcher, as a bounced mail goes nowhere: Cognito "sends", the inbox never sees it.
    let elsewhere = '';
    const { env, urls } = await startPrivateStack({
      interposeSmtp: async () => {
        const smtpPort = await freePort();
        const webPort = await freePort();
        elsewhere = `http://127.0.0.1:${webPort}`;
        const catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort, webPort, dataDir: test.info().outputPath('elsewhere'), admission: { origins: [], network: false } });
        return { port: smtpPort, close: () => catcher.close() };
      },
    });
    const target = await localTarget(env);
    await sendThroughSes(target, { configurationSet: CONFIGURATION_SET, exportErrors: true });
    // SES's events follow the mail: for each one the emulator sent (and the inbox never got), a Send and a Bounce.
    logs.groups.set(ERROR_GROUP, []);
    logs.groups.set(SES_EVENTS_GROUP, async () => {
      const mails = (await (await fetch(`${elsewhere}/api/email`)).json()) as { to: { address: string }[]; time: string }[];
      return mails.flatMap((mail) => {
        const timestamp = Date.parse(mail.time);
        const destination = mail.to.map((to) => to.address);
        return [
          { timestamp, message: JSON.stringify({ 'detail-type': 'Email Sent', detail: { eventType: 'Send', mail: { destination } } }) },
          {
            timestamp: timestamp + 500,
            message: JSON.stringify({ 'detail-type': 'Email Bounced', detail: { eventType: 'Bounce', mail: { destination }, bounce: { bounceType: 'Permanent', bounceSubType: 'General' } } }),
          },
        ];
      });
    });
    const mailslurp = (await new MailSlurpStandIn(STAND_IN_API_KEY).start()).feedFromMailDev(urls.mailWeb);
    try {
      const run = await runPlaywright(['--project=remote', '--no-deps', 'tests/e2e/signup-verification.spec.ts'], {
        ...standInRemoteEnv(target, { url: mailslurp.url, apiKey: STAND_IN_API_KEY }),
        ...standInEndpoints(),
        SES_EVENTS_LOG_GROUP: SES_EVENTS_GROUP,
        EMAIL_TIMEOUT_MS: '3000',
        CI: undefined,
      });
      expect(run.exitCode).toBe(1);
      const address = /No email reached (\S+@\S+) at MailSlurp/.exec(run.output)?.[1];
      expect(address, run.output.slice(-3_000)).toBeDefined();
      expect(run.output).toContain(`Pool: EmailSendingAccount DEVELOPER, from Sign-up tests <no-reply@${IDENTITY}>`);
      expect(run.output).toMatch(/AWS records, Cognito's exported delivery errors in \S+: none from /);
      expect(run.output).toContain(`AWS records, SES's account suppression list (${SES_REGION}): ${address} is not listed.`);
      expect(run.output).toContain(`AWS records, SES's events in ${SES_EVENTS_GROUP} for ${address}, from `);
      expect(run.output).toContain(': Send, Bounce; ');
      expect(run.output).toContain(`Most likely: Cognito says it sent the code to c***@m*** by EMAIL, but it never arrived: SES recorded Bounce for ${address}: `);
      expect(logs.calls.length).toBeGreaterThanOrEqual(2);
    } finally {
      await mailslurp.stop();
    }
  });
});
