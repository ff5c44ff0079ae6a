import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { fetchUserAttributes, signUp, type SignUpInput } from 'aws-amplify/auth';
import { StrictMode, useEffect, useState } from 'react';
import { Account } from './account';
import { createRoot } from 'react-dom/client';
import { configureAmplify, offersPasskeys, signsInWithSignUpSession } from './configure-amplify';
import { Passkeys } from './passkeys';

// Amplify's defaults throughout, sign-in included (SRP, USER_SRP_AUTH): the
// emulator layer speaks SRP, so this app signs in as an unmodified app does.
// The one change: after sign-up it signs in with ConfirmSignUp's Session (services).

/**
 * The signed-in page. Amplify restores a session from the tokens it kept in
 * the browser without asking Cognito, so a user deleted since (or signed out
 * everywhere) would still look signed in: ask Cognito once (GetUser), and
 * sign out locally when it refuses.
 */
function SignedIn({ email, signOut }: { email?: string; signOut?: () => void }) {
  const [session, setSession] = useState<'checking' | 'valid'>('checking');
  useEffect(() => {
    fetchUserAttributes().then(
      () => setSession('valid'),
      () => signOut?.(),
    );
    // Once, when the page is shown: the answer does not change while it is.
  }, []);
  if (session === 'checking') return <p aria-busy="true">Checking your session…</p>;
  return (
    <main style={{ maxWidth: 480, margin: '4rem auto', fontFamily: 'sans-serif' }}>
      <h1>Welcome aboard</h1>
      <p>You are signed in as {email}.</p>
      <Account />
      {offersPasskeys() && <Passkeys />}
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </main>
  );
}

/**
 * Sign-up as the Authenticator does it, but signed in after confirmation with
 * ConfirmSignUp's Session (USER_AUTH) instead of its default, a second sign-in
 * with the password. On a client without ALLOW_USER_AUTH, Cognito answers no
 * Session and refuses the USER_AUTH sign-in Amplify then sends ("USER_AUTH flow
 * not enabled for this client"): the Authenticator shows its sign-in form with
 * those words, and the user signs in with the password.
 */
function signUpThenSessionSignIn(input: SignUpInput) {
  if (!signsInWithSignUpSession()) return signUp(input);
  return signUp({ ...input, options: { ...input.options, userAttributes: input.options?.userAttributes ?? {}, autoSignIn: { authFlowType: 'USER_AUTH' } } });
}
// The Authenticator calls it with the input alone; its type is signUp's, which also takes a context first.
const services = { handleSignUp: signUpThenSessionSignIn as typeof signUp };

async function main() {
  await configureAmplify();

  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <Authenticator initialState="signUp" services={services}>
        {({ user, signOut }) => <SignedIn email={user?.signInDetails?.loginId} signOut={signOut} />}
      </Authenticator>
    </StrictMode>,
  );
}

main().catch((error: unknown) => {
  document.body.textContent = `The demo app could not start: ${(error as Error).message}`;
});
