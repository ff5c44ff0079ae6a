import { confirmUserAttribute, fetchUserAttributes, updateUserAttributes } from 'aws-amplify/auth';
import { useState, type FormEvent } from 'react';

type Step = { at: 'change' } | { at: 'code'; destination?: string } | { at: 'changed'; email?: string };

/**
 * The signed-in user's account: changing the email address. Cognito mails a
 * code to the new address (UpdateUserAttributes); entering it verifies the
 * address (VerifyUserAttribute). Errors show as an alert, as the
 * Authenticator shows its own.
 */
export function Account() {
  const [step, setStep] = useState<Step>({ at: 'change' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (work: (form: FormData) => Promise<Step>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    work(new FormData(event.currentTarget))
      .then(setStep, (e: unknown) => setError((e as Error).message))
      .finally(() => setBusy(false));
  };

  const change = submit(async (form) => {
    const email = String(form.get('email'));
    const { email: result } = await updateUserAttributes({ userAttributes: { email } });
    if (result?.nextStep.updateAttributeStep === 'CONFIRM_ATTRIBUTE_WITH_CODE') {
      return { at: 'code', destination: result.nextStep.codeDeliveryDetails?.destination };
    }
    return { at: 'changed', email: (await fetchUserAttributes()).email };
  });

  const verify = submit(async (form) => {
    await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: String(form.get('code')).trim() });
    return { at: 'changed', email: (await fetchUserAttributes()).email };
  });

  return (
    <section aria-labelledby="account-heading" style={{ margin: '2rem 0' }}>
      <h2 id="account-heading">Your account</h2>
      {step.at === 'change' && (
        <form onSubmit={change}>
          <label htmlFor="new-email">New email</label> <input id="new-email" name="email" type="email" autoComplete="email" required />{' '}
          <button type="submit" disabled={busy}>
            Change email
          </button>
        </form>
      )}
      {step.at === 'code' && (
        <form onSubmit={verify}>
          <h3>Verify your new email</h3>
          <p>We emailed a code to {step.destination ?? 'your new address'}.</p>
          <label htmlFor="email-code">Verification code</label>{' '}
          <input id="email-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />{' '}
          <button type="submit" disabled={busy}>
            Verify email
          </button>
        </form>
      )}
      {step.at === 'changed' && <p role="status">Your email is now {step.email}.</p>}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
