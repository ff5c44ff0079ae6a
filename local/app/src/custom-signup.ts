// A hand-written sign-up form on Amplify's JS API, no Authenticator: the
// worked example of testing "your own" UI with words of its own
// (pages/ui/custom-form.ts). It signs the new user in once the code is accepted
// (with ConfirmSignUp's Session), signs in, and resets a password: a forgotten one, or one an admin reset.
import {
  autoSignIn,
  confirmResetPassword,
  confirmSignUp,
  fetchUserAttributes,
  getCurrentUser,
  resendSignUpCode,
  resetPassword,
  signIn,
  signOut,
  signUp,
} from 'aws-amplify/auth';
import { configureAmplify, signsInWithSignUpSession } from './configure-amplify';

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const alert = $<HTMLParagraphElement>('[role="alert"]');
const resetNote = $<HTMLParagraphElement>('#reset-note');
const STEPS = ['sign-up', 'verify', 'done', 'sign-in', 'forgot-password', 'reset-password', 'signed-in'] as const;
let email = '';

function show(step: (typeof STEPS)[number]) {
  for (const id of STEPS) $<HTMLElement>(`#${id}`).hidden = id !== step;
  document.querySelectorAll('[data-email]').forEach((el) => (el.textContent = email));
}

async function attempt(action: () => Promise<unknown>) {
  alert.hidden = true;
  try {
    await action();
  } catch (error) {
    alert.textContent = (error as Error).message;
    alert.hidden = false;
  }
}

function onSubmit(id: string, action: (form: FormData) => Promise<unknown>) {
  $<HTMLFormElement>(`#${id}`).addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(() => action(new FormData(event.target as HTMLFormElement)));
  });
}

/**
 * A session Amplify kept in the browser is restored only if Cognito still
 * accepts it (GetUser): a user deleted since must not look signed in.
 */
async function restoreSession() {
  const kept = await getCurrentUser().catch(() => undefined);
  if (!kept) return;
  try {
    email = (await fetchUserAttributes()).email ?? kept.signInDetails?.loginId ?? '';
    show('signed-in');
  } catch {
    await signOut().catch(() => undefined);
    email = kept.signInDetails?.loginId ?? '';
    show('sign-in');
    alert.textContent = 'Your session has ended. Log in again.';
    alert.hidden = false;
  }
}

/**
 * Signs the just-confirmed user in with ConfirmSignUp's Session (USER_AUTH).
 * False when it cannot: a client without ALLOW_USER_AUTH gets no Session, and
 * Cognito refuses the sign-in or offers a choice of factors; the form then
 * says the account is confirmed, and the user logs in as usual.
 */
async function signedInAfterConfirmation(nextStep: Awaited<ReturnType<typeof confirmSignUp>>['nextStep']): Promise<boolean> {
  if (nextStep.signUpStep !== 'COMPLETE_AUTO_SIGN_IN') return false;
  return autoSignIn().then(
    (result) => result.isSignedIn,
    () => false,
  );
}

async function main() {
  await configureAmplify();
  await restoreSession();

  onSubmit('sign-up', async (form) => {
    email = String(form.get('email'));
    await signUp({
      username: email,
      password: String(form.get('password')),
      options: { userAttributes: { email }, ...(signsInWithSignUpSession() ? { autoSignIn: { authFlowType: 'USER_AUTH' as const } } : {}) },
    });
    show('verify');
  });
  onSubmit('verify', async (form) => {
    const { nextStep } = await confirmSignUp({ username: email, confirmationCode: String(form.get('code')) });
    show((await signedInAfterConfirmation(nextStep)) ? 'signed-in' : 'done');
  });
  $<HTMLButtonElement>('#resend').addEventListener('click', () => void attempt(() => resendSignUpCode({ username: email })));

  $<HTMLButtonElement>('#to-sign-in').addEventListener('click', () => show('sign-in'));
  // Amplify's default sign-in: SRP.
  onSubmit('sign-in', async (form) => {
    email = String(form.get('email'));
    const { nextStep } = await signIn({ username: email, password: String(form.get('password')) });
    // An admin reset the password (Cognito's PasswordResetRequiredException): as Amplify's Authenticator does, ask for a
    // code and show the form for it, saying why.
    if (nextStep.signInStep === 'RESET_PASSWORD') {
      await resetPassword({ username: email });
      resetNote.hidden = false;
      show('reset-password');
      return;
    }
    // A step this form has no screen for must not look like a signed-in user.
    if (nextStep.signInStep !== 'DONE') throw new Error(`This form cannot finish a sign-in that asks for ${nextStep.signInStep}.`);
    show('signed-in');
  });
  $<HTMLButtonElement>('#forgot').addEventListener('click', () => show('forgot-password'));
  onSubmit('forgot-password', async (form) => {
    email = String(form.get('email'));
    await resetPassword({ username: email });
    resetNote.hidden = true;
    show('reset-password');
  });
  $<HTMLButtonElement>('#resend-reset').addEventListener('click', () => void attempt(() => resetPassword({ username: email })));
  onSubmit('reset-password', async (form) => {
    await confirmResetPassword({ username: email, confirmationCode: String(form.get('code')), newPassword: String(form.get('password')) });
    show('sign-in');
  });
  // Every control now does what it says: only now may anyone use them.
  $<HTMLElement>('main').hidden = false;
}

main().catch((error: unknown) => {
  document.body.textContent = `The example form could not start: ${(error as Error).message}`;
});
