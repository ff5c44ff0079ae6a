// The test run's doctor, the setup project's, is cheap when nothing changed: the page check's pass is kept while the
// page, its build and its words are unchanged (own-page.spec.ts shows it opened again on a change), and every other
// check runs each time. Here each of those checks meets its own fault on a private stack, after a healthy run has
// kept the page's pass, and still stops the run: a kept page check hides no other fault. (The setup project fails
// on any ✗, and stops the stories: doctor.spec.ts.)
import { UpdateUserPoolClientCommand, UpdateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from '../../../helpers/cognito/client';
import { localTarget } from '../../../config/target';
import type { CheckResult } from '../../../tools/doctor/check-result';
import { runDoctor } from '../../../tools/doctor/run-doctor';
import { expect, test, type PrivateStack } from '../fixtures';

const KEPT = /^unchanged since \S+ \(page, build and words\), so not opened again/;

interface Fault {
  /** The check, and what is broken for it. */
  name: string;
  /** Breaks it on the private stack; may return settings to run the doctor with instead. */
  make(stack: PrivateStack): Promise<Record<string, string> | void>;
  /** The ✗ line it must give. */
  fails: RegExp;
  /** The page check comes from its kept pass; otherwise it does not run (the app is gone, or the settings are). */
  pageKept: boolean;
}

async function onPool(stack: PrivateStack, change: (pool: { userPoolId: string; clientId: string }) => UpdateUserPoolCommand | UpdateUserPoolClientCommand) {
  const target = await localTarget(stack.env);
  const client = createCognitoClient(target.cognito);
  try {
    await client.send(change({ userPoolId: target.cognito.userPoolId, clientId: target.cognito.userPoolClientId }) as UpdateUserPoolCommand);
  } finally {
    client.destroy();
  }
}

const FAULTS: Fault[] = [
  { name: 'the settings: a timeout that is no number', make: async ({ env }) => ({ ...env, EMAIL_TIMEOUT_MS: 'soon' }), fails: /^Configuration$/, pageKept: false },
  { name: 'Cognito: the emulator is down', make: ({ stack }) => stack.stopService('cognito'), fails: /^Cognito: pool local_\w+ could not be read$/, pageKept: true },
  // The embedded stack is found through the demo app, which serves its settings.
  { name: 'the demo app: it is down', make: ({ stack }) => stack.stopService('app'), fails: /^The embedded stack is not running$/, pageKept: false },
  { name: 'your own page (BASE_URL): it is down', make: async ({ env }) => ({ ...env, BASE_URL: 'http://127.0.0.1:9/' }), fails: /^App unreachable at http:\/\/127\.0\.0\.1:9\/$/, pageKept: false },
  { name: 'the mail catcher: it is down', make: ({ stack }) => stack.stopService('mail'), fails: /^MailDev is unreachable at http:\/\/127\.0\.0\.1:\d+$/, pageKept: true },
  {
    name: 'the pool: it mails no code at sign-up',
    make: (stack) => onPool(stack, ({ userPoolId }) => new UpdateUserPoolCommand({ UserPoolId: userPoolId, AutoVerifiedAttributes: [] })),
    fails: /^The pool sends no verification code to email$/,
    pageKept: true,
  },
  {
    name: 'the app client: it allows no sign-in the UI can use',
    make: (stack) =>
      onPool(stack, ({ userPoolId, clientId }) => new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] })),
    fails: /^The app client allows no sign-in the UI can use$/,
    pageKept: true,
  },
];

const failures = (results: CheckResult[]) => results.filter((result) => result.status === 'fail');
const pageCheck = (results: CheckResult[]) => results.find((result) => result.title.startsWith('The sign-up page at '));

test.describe("the test run's doctor, with the page check kept, still catches each fault", () => {
  test.setTimeout(60_000);

  for (const fault of FAULTS) {
    test(fault.name, async ({ startPrivateStack }, testInfo) => {
      const stack = await startPrivateStack();
      const pageCheckFile = testInfo.outputPath('page-check.json');
      const healthy = await runDoctor(stack.env, { keepPageCheck: true, pageCheckFile });
      expect(failures(healthy), 'a healthy private stack').toEqual([]);
      expect(pageCheck(healthy)?.detail, 'the first run opens the page').not.toMatch(KEPT);

      const env = (await fault.make(stack)) ?? stack.env;
      const broken = await runDoctor(env, { keepPageCheck: true, pageCheckFile });
      expect(failures(broken).map((result) => result.title)).toContainEqual(expect.stringMatching(fault.fails));
      // Kept where the page could be reached, and not run at all where it could not: never opened again for nothing.
      expect(pageCheck(broken)?.detail, 'the page check').toEqual(fault.pageKept ? expect.stringMatching(KEPT) : undefined);
    });
  }
});
