// Each user's attempt limits in the embedded emulator, as the security table
// of AWS's "Quotas in Amazon Cognito" and its sign-in lockout give them: an
// hourly budget of requests per operation (wrong or right), of sign-in code
// mails per address, and the lockout after five failed passwords, each in
// Cognito's words and each lifting once the user's clock (the userClock
// fixture) has moved past the window. The numbers are AWS's (common/attempt-limits.ts).
import {
  ChangePasswordCommand,
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
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { generatePassword } from '../../../helpers/password';
import { expect, test } from '../fixtures';
import { emulatorSdkClient, outcome } from '../support/emulator-sdk';

test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

const HOUR = 3_600_000;
const OVER_BUDGET = 'LimitExceededException: Attempt limit exceeded, please try after some time.';
const LOCKED_OUT = 'NotAuthorizedException: Password attempts exceeded';
const WRONG_PASSWORD = 'NotAuthorizedException: Incorrect username or password.';

/** The outcomes of `times` calls, one after another. */
async function outcomes(times: number, call: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < times; i++) seen.push(await outcome(call()));
  return seen;
}

test.describe("each user's attempts are limited as Cognito limits them", () => {
  let client: CognitoIdentityProviderClient;

  test.beforeEach(({ target }) => {
    client = emulatorSdkClient(target.cognito);
  });

  test.afterEach(() => client.destroy());

  test('ResendConfirmationCode: 5 an hour; the sixth is refused, and the hour after it is answered again', async ({ target, inbox, userClock, users }) => {
    const ClientId = target.cognito.userPoolClientId;
    const Username = inbox.address;
    inbox.expectExtraMails(7, 'a sign-up, five resends and one more after the hour, none waited for');
    await client.send(new SignUpCommand({ ClientId, Username, Password: generatePassword({ MinimumLength: 12 }) }));
    const resend = () => client.send(new ResendConfirmationCodeCommand({ ClientId, Username }));
    expect(await outcomes(6, resend)).toEqual([...Array(5).fill('accepted'), OVER_BUDGET]);
    expect(await users.getUserStatus(Username)).toBe('UNCONFIRMED');
    await userClock.advance(Username, HOUR);
    expect(await outcome(resend())).toBe('accepted');
  });

  test('ConfirmSignUp: 15 an hour, wrong or right; the sixteenth is refused even with the right code', async ({ target, inbox, userClock, users }) => {
    const ClientId = target.cognito.userPoolClientId;
    const Username = inbox.address;
    const since = new Date();
    await client.send(new SignUpCommand({ ClientId, Username, Password: generatePassword({ MinimumLength: 12 }) }));
    const { code } = await inbox.waitForVerificationEmail({ since, kind: 'signUp' });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const confirm = (ConfirmationCode: string) => client.send(new ConfirmSignUpCommand({ ClientId, Username, ConfirmationCode }));
    expect(await outcomes(15, () => confirm(wrong))).toEqual(Array(15).fill('CodeMismatchException: Invalid verification code provided, please try again.'));
    expect(await outcome(confirm(code))).toBe(OVER_BUDGET);
    expect(await users.getUserStatus(Username)).toBe('UNCONFIRMED');
    await userClock.advance(Username, HOUR);
    expect(await outcome(confirm(code))).toBe('accepted');
  });

  test('ForgotPassword and ConfirmForgotPassword: 5 an hour each (the low end of AWS\'s 5 to 20)', async ({ target, confirmedUser, inbox, userClock }) => {
    inbox.expectExtraMails(6, 'five reset codes and one more after the hour, none waited for');
    const ClientId = target.cognito.userPoolClientId;
    const Username = confirmedUser.email;
    const forgot = () => client.send(new ForgotPasswordCommand({ ClientId, Username }));
    const confirm = () => client.send(new ConfirmForgotPasswordCommand({ ClientId, Username, ConfirmationCode: '000000', Password: generatePassword({ MinimumLength: 12 }) }));
    expect(await outcomes(6, forgot)).toEqual([...Array(5).fill('accepted'), OVER_BUDGET]);
    expect((await outcomes(6, confirm)).slice(4)).toEqual([expect.stringMatching(/^CodeMismatchException: /), OVER_BUDGET]);
    await userClock.advance(Username, HOUR);
    expect(await outcome(forgot())).toBe('accepted');
  });

  test('ChangePassword and GetUserAttributeVerificationCode 5 an hour, VerifyUserAttribute 15', async ({ target, confirmedUser, inbox, userClock }) => {
    inbox.expectExtraMails(6, 'five attribute codes and one more after the hour, none waited for');
    const ClientId = target.cognito.userPoolClientId;
    const { AuthenticationResult } = await client.send(
      new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: confirmedUser.email, PASSWORD: confirmedUser.password } }),
    );
    const AccessToken = AuthenticationResult?.AccessToken;
    const change = () => client.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: `${confirmedUser.password}x`, ProposedPassword: generatePassword({ MinimumLength: 12 }) }));
    const ask = () => client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
    const verify = () => client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: '000000' }));
    expect((await outcomes(6, change)).slice(4)).toEqual([expect.not.stringMatching(/^LimitExceeded/), OVER_BUDGET]);
    expect(await outcomes(6, ask)).toEqual([...Array(5).fill('accepted'), OVER_BUDGET]);
    expect((await outcomes(16, verify)).slice(14)).toEqual([expect.not.stringMatching(/^LimitExceeded/), OVER_BUDGET]);
    await userClock.advance(confirmedUser.email, HOUR);
    expect(await outcome(ask())).toBe('accepted');
  });

  test('sign-in code mails: 5 an hour to one address (email MFA\'s low end, which a passwordless code follows)', async ({ target, confirmedUser, inbox, userClock }) => {
    const ClientId = target.cognito.userPoolClientId;
    const askForCode = () =>
      client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: confirmedUser.email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }));
    inbox.expectExtraMails(5, 'five sign-in codes and one more after the hour, one of them waited for');
    const since = new Date();
    expect(await outcomes(6, askForCode)).toEqual([...Array(5).fill('accepted'), OVER_BUDGET]);
    await inbox.waitForSignInCodeEmail({ since });
    await userClock.advance(confirmedUser.email, HOUR);
    expect(await outcome(askForCode())).toBe('accepted');
  });

  test('the sign-in lockout: five wrong passwords, then even the right one is refused for 1 s, doubling; by USER_PASSWORD_AUTH and by SRP', async ({
    target,
    confirmedUser,
    userClock,
  }) => {
    const ClientId = target.cognito.userPoolClientId;
    const USERNAME = confirmedUser.email;
    const byPassword = (PASSWORD: string) => client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));
    const bySrp = (password: string) => {
      const pool = new CognitoUserPool({ UserPoolId: target.cognito.userPoolId, ClientId, endpoint: target.cognito.endpoint });
      const user = new CognitoUser({ Username: USERNAME, Pool: pool });
      return new Promise((resolve, reject) =>
        user.authenticateUser(new AuthenticationDetails({ Username: USERNAME, Password: password }), { onSuccess: resolve, onFailure: reject }),
      ).catch((error: { code?: string; message: string }) => Promise.reject(Object.assign(new Error(error.message), { name: error.code })));
    };
    const wrong = `${confirmedUser.password}x`;

    expect(await outcomes(5, () => byPassword(wrong))).toEqual(Array(5).fill(WRONG_PASSWORD));
    expect(await outcome(byPassword(confirmedUser.password)), 'locked for 1 s').toBe(LOCKED_OUT);
    expect(await outcome(bySrp(confirmedUser.password)), 'by SRP too').toBe(LOCKED_OUT);
    await userClock.advance(USERNAME, 1_000);
    expect(await outcome(bySrp(wrong)), 'the sixth failure, by SRP').toBe(WRONG_PASSWORD);
    await userClock.advance(USERNAME, 1_000);
    expect(await outcome(byPassword(confirmedUser.password)), 'locked for 2 s now').toBe(LOCKED_OUT);
    await userClock.advance(USERNAME, 1_000);
    expect(await outcome(byPassword(confirmedUser.password)), 'the lockout over, the right password signs in').toBe('accepted');
    expect(await outcome(byPassword(wrong)), 'the success forgot the failures').toBe(WRONG_PASSWORD);
    expect(await outcome(byPassword(confirmedUser.password))).toBe('accepted');
  });
});
