import { CognitoAppClient } from '../../helpers/cognito/app-client';
import { codeReading } from '../../helpers/mail/code-reading';
import { DisposableInbox } from '../../helpers/mail/disposable-inbox';
import { generatePassword } from '../../helpers/password';
import { verificationTemplate } from '../../common/cognito-texts';
import { test as base } from '../../fixtures';

/**
 * One address for all the iterations of a worker, as a team re-running a
 * sign-up test has: before the first iteration, an earlier user signed up
 * with it (unconfirmed) and its verification email sits in the inbox.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export const test = base.extend<{}, { reused: DisposableInbox }>({
  reused: [
    async ({ mailBackend, userPool, cognitoClient, target, users, emailTimeout, settings }, use) => {
      const handle = await mailBackend.createInbox('bench reused address');
      const inbox = new DisposableInbox(mailBackend, handle, verificationTemplate(userPool), emailTimeout, {}, codeReading(settings.codeRules, userPool.LambdaConfig));
      const app = new CognitoAppClient(cognitoClient, { clientId: target.cognito.userPoolClientId, ...(target.cognito.clientSecret ? { clientSecret: target.cognito.clientSecret } : {}) });
      const since = new Date();
      await app.signUp(handle.address, generatePassword(userPool.Policies?.PasswordPolicy));
      await inbox.waitForVerificationEmail({ since, kind: 'signUp' });
      await use(inbox);
      await users.deleteUserIfExists(handle.address);
      await mailBackend.deleteInbox(handle);
    },
    { scope: 'worker' },
  ],
});

export { expect } from '../../fixtures';
