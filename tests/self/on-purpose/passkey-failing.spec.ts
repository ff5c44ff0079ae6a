// This test FAILS ON PURPOSE. It runs only in the child run of
// tests/self/integration/secrets.spec.ts, which gives it a key pair of its own
// (E2E_PASSKEY_PRIVATE_KEY, E2E_PASSKEY_PUBLIC_KEY) and then searches what the
// run left behind for the private key: a passkey step that fails attaches what
// the virtual authenticator held, and must attach it without the private key.
import { expect, test } from '../fixtures';

// No trace: it would record the virtual authenticator's private keys, as a story's would.
test.use({ trace: 'off' });

const privateKey = process.env.E2E_PASSKEY_PRIVATE_KEY;
const publicKey = process.env.E2E_PASSKEY_PUBLIC_KEY;

test('on purpose: a passkey sign-in fails, its authenticator holding a key Cognito does not know', async ({ signUpFlow, passkeys, newUser, context }) => {
  test.skip(!privateKey || !publicKey, 'run by tests/self/integration/secrets.spec.ts, which gives it the key pair');
  const signUp = await signUpFlow.signUpWithoutPassword(newUser);
  await signUpFlow.confirmAndSignIn(newUser, signUp.code);
  await passkeys.create();
  await passkeys.signOut();
  // The same passkey, as far as the page can tell (its ID and user), signing with another key: Cognito refuses the assertion.
  const [registered] = await context.credentials.get();
  expect(registered, 'the passkey "create a passkey" made').toBeDefined();
  await context.credentials.delete(registered!.id);
  await context.credentials.create(registered!.rpId, { id: registered!.id, userHandle: registered!.userHandle, privateKey: privateKey as string, publicKey: publicKey as string });
  await passkeys.signIn(newUser);
});
