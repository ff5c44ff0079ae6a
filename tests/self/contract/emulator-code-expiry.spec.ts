// Mailed codes expire in the embedded emulator as Cognito's do: a sign-up (or
// resent) code and an attribute code after 24 hours, a password-reset code after
// 1 hour, with ExpiredCodeException in Cognito's words; a new code starts a new
// time. Time moves for the test's user alone (the userClock fixture).
import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  VerifyUserAttributeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { generatePassword } from '../../../helpers/password';
import { expect, test } from '../fixtures';
import { emulatorSdkClient, outcome } from '../support/emulator-sdk';

test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

const HOUR = 3_600_000;
const EXPIRED = 'ExpiredCodeException: Invalid code provided, please request a code again.';

test.describe('codes expire as Cognito says', () => {
  let client: CognitoIdentityProviderClient;

  test.beforeEach(({ target }) => {
    client = emulatorSdkClient(target.cognito);
  });

  test.afterEach(() => client.destroy());

  test('a sign-up code: valid for 24 hours, then ExpiredCodeException; a resent code starts a new 24 hours', async ({ target, inbox, userClock, users }) => {
    const ClientId = target.cognito.userPoolClientId;
    const Username = inbox.address;
    let since = new Date();
    await client.send(new SignUpCommand({ ClientId, Username, Password: generatePassword({ MinimumLength: 12 }) }));
    const first = await inbox.waitForVerificationEmail({ since, kind: 'signUp' });

    await userClock.advance(Username, 24 * HOUR + 1_000);
    expect(await outcome(client.send(new ConfirmSignUpCommand({ ClientId, Username, ConfirmationCode: first.code })))).toBe(EXPIRED);
    expect(await users.getUserStatus(Username)).toBe('UNCONFIRMED');

    since = new Date();
    await client.send(new ResendConfirmationCodeCommand({ ClientId, Username }));
    const second = await inbox.waitForVerificationEmail({ since, kind: 'resend' });
    await userClock.advance(Username, 24 * HOUR - 60_000);
    expect(await outcome(client.send(new ConfirmSignUpCommand({ ClientId, Username, ConfirmationCode: second.code })))).toBe('accepted');
    expect(await users.getUserStatus(Username)).toBe('CONFIRMED');
  });

  test('a password-reset code: valid for 1 hour; an attribute-verification code: 24 hours', async ({ target, confirmedUser, inbox, userClock }) => {
    const ClientId = target.cognito.userPoolClientId;
    const Username = confirmedUser.email;
    const Password = generatePassword({ MinimumLength: 12 });

    await test.step('password reset', async () => {
      const reset = async () => {
        const since = new Date();
        await client.send(new ForgotPasswordCommand({ ClientId, Username }));
        return (await inbox.waitForVerificationEmail({ since, kind: 'passwordReset' })).code;
      };
      const expired = await reset();
      await userClock.advance(Username, HOUR + 1_000);
      expect(await outcome(client.send(new ConfirmForgotPasswordCommand({ ClientId, Username, ConfirmationCode: expired, Password })))).toBe(EXPIRED);
      const fresh = await reset();
      await userClock.advance(Username, HOUR - 60_000);
      expect(await outcome(client.send(new ConfirmForgotPasswordCommand({ ClientId, Username, ConfirmationCode: fresh, Password })))).toBe('accepted');
    });

    await test.step('attribute verification', async () => {
      const { AuthenticationResult } = await client.send(
        new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD: Password } }),
      );
      const AccessToken = AuthenticationResult?.AccessToken;
      const ask = async () => {
        const since = new Date();
        await client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
        return (await inbox.waitForVerificationEmail({ since, kind: 'attributeVerification' })).code;
      };
      const expired = await ask();
      await userClock.advance(Username, 24 * HOUR + 1_000);
      expect(await outcome(client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: expired })))).toBe(EXPIRED);
      const fresh = await ask();
      expect(await outcome(client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: fresh })))).toBe('accepted');
    });
  });
});
