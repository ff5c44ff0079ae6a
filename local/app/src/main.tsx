import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { fetchUserAttributes } from 'aws-amplify/auth';
import { StrictMode, useEffect, useState } from 'react';
import { Account } from './account';
import { createRoot } from 'react-dom/client';
import { configureAmplify } from './configure-amplify';

// Amplify's defaults throughout, sign-in included (SRP, USER_SRP_AUTH): the
// emulator layer speaks SRP, so this app signs in as an unmodified app does.

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
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </main>
  );
}

async function main() {
  await configureAmplify();

  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <Authenticator initialState="signUp">
        {({ user, signOut }) => <SignedIn email={user?.signInDetails?.loginId} signOut={signOut} />}
      </Authenticator>
    </StrictMode>,
  );
}

main().catch((error: unknown) => {
  document.body.textContent = `The demo app could not start: ${(error as Error).message}`;
});
