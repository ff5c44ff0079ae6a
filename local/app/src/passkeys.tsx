import { associateWebAuthnCredential, deleteWebAuthnCredential, listWebAuthnCredentials, type AuthWebAuthnCredential } from 'aws-amplify/auth';
import { useEffect, useState } from 'react';

/** "You have 1 passkey.": the count the page states, which a story reads. */
const counted = (n: number) => `You have ${n} passkey${n === 1 ? '' : 's'}.`;

/**
 * The signed-in user's passkeys, with Amplify v6's own calls: the list
 * (ListWebAuthnCredentials), "Create a passkey" (StartWebAuthnRegistration,
 * the browser's ceremony, CompleteWebAuthnRegistration) and "Remove"
 * (DeleteWebAuthnCredential). Errors show as an alert, in Amplify's words
 * (Cognito's, for Cognito's refusals).
 */
export function Passkeys() {
  const [passkeys, setPasskeys] = useState<AuthWebAuthnCredential[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const act = (work: () => Promise<unknown>) => {
    setError(undefined);
    setBusy(true);
    work()
      .then(() => listWebAuthnCredentials())
      .then(({ credentials }) => setPasskeys(credentials), (e: unknown) => setError((e as Error).message))
      .finally(() => setBusy(false));
  };

  useEffect(() => act(async () => undefined), []);

  return (
    <section aria-labelledby="passkeys-heading" style={{ margin: '2rem 0' }}>
      <h2 id="passkeys-heading">Your passkeys</h2>
      {passkeys && <p role="status">{counted(passkeys.length)}</p>}
      <ul aria-label="Passkeys">
        {passkeys?.map((passkey) => (
          <li key={passkey.credentialId}>
            {passkey.friendlyCredentialName ?? passkey.credentialId}{' '}
            <button type="button" disabled={busy} onClick={() => act(() => deleteWebAuthnCredential({ credentialId: passkey.credentialId as string }))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={busy} onClick={() => act(() => associateWebAuthnCredential())}>
        Create a passkey
      </button>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
