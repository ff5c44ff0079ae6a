// A hand-written sign-up form on Amplify's JS API, no Authenticator: the
// worked example of testing "your own" form with a page object of its own
// (pages/custom-form-signup-page.ts).
import { confirmSignUp, resendSignUpCode, signUp } from 'aws-amplify/auth';
import { configureAmplify } from './configure-amplify';

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const alert = $<HTMLParagraphElement>('[role="alert"]');
let email = '';

function show(step: 'sign-up' | 'verify' | 'done') {
  for (const id of ['sign-up', 'verify', 'done']) $<HTMLElement>(`#${id}`).hidden = id !== step;
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

async function main() {
  await configureAmplify();

  $<HTMLFormElement>('#sign-up').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    email = String(form.get('email'));
    void attempt(async () => {
      await signUp({ username: email, password: String(form.get('password')), options: { userAttributes: { email } } });
      show('verify');
    });
  });
  $<HTMLFormElement>('#verify').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code'));
    void attempt(async () => {
      await confirmSignUp({ username: email, confirmationCode: code });
      show('done');
    });
  });
  $<HTMLButtonElement>('#resend').addEventListener('click', () => void attempt(() => resendSignUpCode({ username: email })));
}

main().catch((error: unknown) => {
  document.body.textContent = `The example form could not start: ${(error as Error).message}`;
});
