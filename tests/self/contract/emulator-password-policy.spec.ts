// The pool's password policy, enforced by the embedded emulator wherever a
// password is set, with Cognito's exception and its wording for each
// operation: checked in literal strings, and that a refused password changes nothing.
import {
  CognitoIdentityProviderClient,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { generatePassword } from '../../../helpers/password';
import { expect, test } from '../fixtures';

test.skip(({ settings }) => settings.target !== 'local', 'checks the embedded emulator');

/** The error a call ended with, as `name: message`. */
const refusal = (call: Promise<unknown>) => call.then(() => 'accepted', (error: Error) => `${error.name}: ${error.message}`);

test('a password that breaks the policy is refused where it is set, in the words Cognito uses there, and nothing changes', async ({
  target,
  inbox,
  users,
  userPool,
}) => {
  // The SDK's own client: the suite's adds advice to a refusal's message, and this test reads the emulator's words alone.
  const client = new CognitoIdentityProviderClient({ region: target.cognito.region, endpoint: target.cognito.endpoint, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } });
  const UserPoolId = target.cognito.userPoolId;
  const ClientId = target.cognito.userPoolClientId;
  const Username = inbox.address;
  const policy = userPool.Policies?.PasswordPolicy;
  expect(policy?.MinimumLength, 'the embedded pool asks for 12 characters and every class').toBe(12);
  const strong = generatePassword(policy);
  const noSymbol = 'Abcdefgh2345';
  const noNumber = 'Abcdefgh!@#$';

  await test.step('SignUp: no user', async () => {
    expect(await refusal(client.send(new SignUpCommand({ ClientId, Username, Password: 'Ab1!short' })))).toBe(
      'InvalidPasswordException: Password did not conform with policy: Password not long enough',
    );
    expect(await users.getUserStatus(Username)).toBeUndefined();
  });

  await test.step("AdminCreateUser's temporary password: no user, no invitation", async () => {
    expect(await refusal(client.send(new AdminCreateUserCommand({ UserPoolId, Username, TemporaryPassword: noSymbol, MessageAction: 'SUPPRESS' })))).toBe(
      'InvalidPasswordException: Password did not conform with password policy: Password must have symbol characters',
    );
    expect(await users.getUserStatus(Username)).toBeUndefined();
  });

  await client.send(new AdminCreateUserCommand({ UserPoolId, Username, TemporaryPassword: strong, MessageAction: 'SUPPRESS' }));

  await test.step("NEW_PASSWORD_REQUIRED's new password: the challenge stays open", async () => {
    const challenge = await client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD: strong } }));
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answer = (NEW_PASSWORD: string) =>
      client.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: Username, NEW_PASSWORD } }));
    expect(await refusal(answer(noNumber))).toBe('InvalidPasswordException: Password does not conform to policy: Password must have numeric characters');
    expect(await users.getUserStatus(Username)).toBe('FORCE_CHANGE_PASSWORD');
  });

  await test.step('AdminSetUserPassword: the user keeps their status', async () => {
    expect(await refusal(client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: strong.toLowerCase(), Permanent: true })))).toBe(
      'InvalidPasswordException: Password did not conform with password policy: Password must have uppercase characters',
    );
    expect(await users.getUserStatus(Username)).toBe('FORCE_CHANGE_PASSWORD');
  });

  await test.step('ChangePassword: the old password still signs in', async () => {
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: strong, Permanent: true }));
    const signIn = () => client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD: strong } }));
    const { AuthenticationResult } = await signIn();
    expect(
      await refusal(client.send(new ChangePasswordCommand({ AccessToken: AuthenticationResult?.AccessToken, PreviousPassword: strong, ProposedPassword: strong.toUpperCase() }))),
    ).toBe('InvalidPasswordException: Password does not conform to policy: Password must have lowercase characters');
    expect((await signIn()).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  await users.deleteUserIfExists(Username);
  client.destroy();
});
