import type { PageDescription } from '../description.js';

/**
 * The description of a sign-up page with no framework at all (plain HTML
 * calling Cognito's API, tests/self/support/minimal-signup.html), which the
 * suite's own tests serve themselves: it proves that BASE_URL and SIGNUP_PAGE
 * drive the page they name against the embedded stack. Every word differs from
 * the other UIs' (a unit test checks), so driving the wrong page fails. Its
 * sign-up form is at #join (BASE_URL carries the hash), and its resend is a link.
 */
export const MINIMAL_FORM: PageDescription = {
  signUp: { email: 'Your e-mail', password: 'Pick a password', submit: 'Register' },
  confirmCode: { heading: 'Enter the code', code: 'Code from the e-mail', submit: 'Verify', resend: { role: 'link', name: 'Mail me a new code' } },
  confirmed: { heading: 'All set', text: (email) => `Verified ${email}.` },
};
