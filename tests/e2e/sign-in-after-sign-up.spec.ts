import { expect, test } from '../../fixtures';

// Since late 2024 Cognito answers ConfirmSignUp with a Session when the app
// client allows ALLOW_USER_AUTH, and the app signs the new user in with it
// (Amplify's autoSignIn with USER_AUTH): the code the user just typed is their
// proof, once, for the client's AuthSessionValidity (3 minutes by default).
test('a new user is signed in as soon as the code is accepted, with the session Cognito answers: one mail, no password, no second code, and the session works once', async ({
  signUpFlow,
  newUser,
  inbox,
  users,
  appClient,
}) => {
  const email = await signUpFlow.signUp(newUser);

  await test.step('Cognito holds the user as UNCONFIRMED until the code is entered', async () => {
    expect(await users.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
  });

  const session = await signUpFlow.confirmAndSignIn(newUser, email.code);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => users.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });

  await test.step('exactly one mail reached the inbox: the sign-in asked for no second code', async () => {
    // A second mail (a sign-in code, a duplicate) would be named here with its code.
    expect(await inbox.extraMails(), 'one sign-up, one mail').toBeUndefined();
  });

  await test.step("Cognito refuses the sign-up's session a second time", async () => {
    await expect(appClient.signInWithSignUpSession(newUser.email, session)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringMatching(/^Invalid session for the user\./),
    });
  });
});
