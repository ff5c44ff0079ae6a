// AdminResetUserPassword as the embedded emulator answers it, in AWS's words
// (API_AdminResetUserPassword): RESET_REQUIRED, a reset code mailed to a
// verified email, every password sign-in refused until ConfirmForgotPassword
// takes the code (once, within its hour), and no mail for a user with no
// verified address. Checked in literal strings, never the catalogue's constants.
import {
  AdminResetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { generatePassword } from '../../../helpers/password';
import { expect, test } from '../fixtures';

test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

const HOUR = 3_600_000;
const RESET_REQUIRED = 'PasswordResetRequiredException: Password reset required for the user';

/** How a call ended: accepted, or `name: message`. */
const outcome = (call: Promise<unknown>) => call.then(() => 'accepted', (error: Error) => `${error.name}: ${error.message}`);

test.describe('AdminResetUserPassword', () => {
  // The SDK's own client: the suite's adds advice to a refusal's message, and these tests read the emulator's words alone.
  let client: CognitoIdentityProviderClient;

  test.beforeEach(({ target }) => {
    client = new CognitoIdentityProviderClient({ region: target.cognito.region, endpoint: target.cognito.endpoint, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } });
  });

  test.afterEach(() => client.destroy());

  test('mails a reset code and makes the user RESET_REQUIRED; every password sign-in is refused until ConfirmForgotPassword takes the code, once', async ({
    target,
    confirmedUser,
    inbox,
    users,
    userClock,
  }) => {
    const ClientId = target.cognito.userPoolClientId;
    const Username = confirmedUser.email;
    const signIn = (PASSWORD: string) => client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD } }));
    const confirm = (ConfirmationCode: string, Password: string) => client.send(new ConfirmForgotPasswordCommand({ ClientId, Username, ConfirmationCode, Password }));
    const newPassword = generatePassword({ MinimumLength: 12 });

    const reset = async () => {
      const since = new Date();
      await users.resetPassword(Username);
      return (await inbox.waitForVerificationEmail({ since, kind: 'passwordReset' })).code;
    };
    const expired = await reset();
    expect(await users.getUserStatus(Username)).toBe('RESET_REQUIRED');

    await test.step('sign-in is refused, by password and by SRP, whatever the password', async () => {
      expect(await outcome(signIn(confirmedUser.password))).toBe(RESET_REQUIRED);
      expect(await outcome(signIn(newPassword))).toBe(RESET_REQUIRED);
      expect(await outcome(client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: Username, SRP_A: 'abcdef' } })))).toBe(
        RESET_REQUIRED,
      );
    });

    await test.step('the code expires after its hour, as a ForgotPassword code does', async () => {
      await userClock.advance(Username, HOUR + 1_000);
      expect(await outcome(confirm(expired, newPassword))).toBe('ExpiredCodeException: Invalid code provided, please request a code again.');
    });

    const code = await reset();

    await test.step('the code sets the new password, once; the user is CONFIRMED and only the new password signs in', async () => {
      expect(await outcome(confirm(code, newPassword))).toBe('accepted');
      expect(await users.getUserStatus(Username)).toBe('CONFIRMED');
      expect(await outcome(confirm(code, generatePassword({ MinimumLength: 12 })))).toBe('CodeMismatchException: Invalid verification code provided, please try again.');
      expect(await outcome(signIn(confirmedUser.password))).toBe('NotAuthorizedException: Incorrect username or password.');
      expect(await outcome(signIn(newPassword))).toBe('accepted');
    });
  });

  test("refuses, and mails nothing, for a user with no verified email, in ForgotPassword's words", async ({ target, newUser, inbox, users }) => {
    const since = new Date();
    await client.send(new SignUpCommand({ ClientId: target.cognito.userPoolClientId, Username: newUser.email, Password: newUser.password }));
    await inbox.waitForVerificationEmail({ since, kind: 'signUp' });

    expect(await outcome(client.send(new AdminResetUserPasswordCommand({ UserPoolId: target.cognito.userPoolId, Username: newUser.email })))).toBe(
      'InvalidParameterException: Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
    expect(await users.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
    // A mail it sent anyway would fail the test when it ends: the inbox counts every mail it was not told of.
  });
});
