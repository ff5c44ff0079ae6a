// npm run new-page's pure parts: its arguments, its guesses from what a
// screen shows, and the file it writes from them (the page itself and the
// real sign-up: tests/self/integration/new-page.spec.ts).
import { expect, test } from '@playwright/test';
import { ArgumentsError, parseArguments } from '../../tools/new-page/arguments';
import { constantName, renderDescription, todosOf } from '../../tools/new-page/description-file';
import { guessConfirmCode, guessConfirmed, guessSignUp, suggestOtherScreens } from '../../tools/new-page/guess';
import type { ScreenSurvey } from '../../tools/new-page/survey';

const screen = (shown: Partial<ScreenSurvey>): ScreenSurvey => ({ headings: [], fields: [], controls: [], texts: [], tree: JSON.stringify(shown), ...shown });
const nothingExists = () => false;

test('the arguments: both, a name a description file can have and no file has, an http(s) URL; else what to type', () => {
  expect(parseArguments(['acme', 'http://localhost:3000/signup#join'], nothingExists)).toEqual({ name: 'acme', url: 'http://localhost:3000/signup#join', file: 'pages/ui/acme.ts' });
  expect(() => parseArguments([], nothingExists)).toThrow(/NAME and URL are missing\.\nUsage: npm run new-page -- NAME URL/);
  expect(() => parseArguments(['acme'], nothingExists)).toThrow(/The URL is missing/);
  expect(() => parseArguments(['Acme', 'http://x.test'], nothingExists)).toThrow(/NAME "Acme" cannot name a page: use lower case letters, digits and dashes/);
  expect(() => parseArguments(['acme', 'ftp://x.test'], nothingExists)).toThrow(/is ftp, not http or https/);
  expect(() => parseArguments(['acme', 'localhost:3000'], nothingExists)).toThrow(ArgumentsError);
  expect(() => parseArguments(['amplify', 'http://x.test'], (file) => file === 'pages/ui/amplify.ts')).toThrow('pages/ui/amplify.ts exists already: it is left as it is.');
});

test("the Authenticator's sign-up: the confirmation field apart, the button that submits rather than the tab of the same name", () => {
  const shown = screen({
    fields: ['Email', 'Password', 'Confirm Password'],
    controls: [
      { role: 'tab', name: 'Sign In' },
      { role: 'tab', name: 'Create Account' },
      { role: 'button', name: 'Show password', submits: false },
      { role: 'button', name: 'Create Account', submits: true },
    ],
  });
  const guess = guessSignUp(shown);
  expect(guess.found).toBe(true);
  expect(guess.slots).toEqual([
    { key: 'email', word: { label: 'Email' } },
    { key: 'password', word: { label: 'Password' } },
    { key: 'confirmPassword', word: { label: 'Confirm Password' } },
    { key: 'submit', word: { control: { role: 'button', name: 'Create Account', submits: true } } },
  ]);
});

test('other words for the same things: a passphrase is the password, "Send the code again" the resend', () => {
  expect(guessSignUp(screen({ fields: ['Email address', 'New passphrase'], controls: [{ role: 'button', name: 'Open my account', submits: true }] })).found).toBe(true);
  const code = guessConfirmCode(screen({ headings: ['Confirm your address'], fields: ['Six-digit code'], controls: [{ role: 'button', name: 'Confirm address', submits: true }, { role: 'link', name: 'Send the code again' }] }));
  expect(code.slots.find((s) => s.key === 'resend')?.word).toEqual({ control: { role: 'link', name: 'Send the code again' } });
});

test('a file with what was guessed, a TODO line where nothing was, and the other screens commented out: in the words of the page', () => {
  const email = 'cse2e-x@inbox.test';
  const signUp = guessSignUp(screen({ fields: ['Work email'], controls: [{ role: 'button', name: 'Join', submits: true }] }));
  const code = guessConfirmCode(screen({ headings: ['Check your inbox'], fields: ['Code'], controls: [{ role: 'button', name: 'Verify', submits: true }, { role: 'link', name: 'Send a new code' }] }));
  const confirmed = guessConfirmed(screen({ headings: ['In'], texts: [`Hi \`${email}\`, \${not} yours`] }), email);
  const contents = { name: '3m-form', url: 'http://x.test/', signUp, confirmCode: code, confirmed, suggestions: suggestOtherScreens(screen({}), [], confirmed) };
  const text = renderDescription(contents, email);

  expect(constantName('3m-form')).toBe('PAGE_3M_FORM');
  expect(text).toContain('export const PAGE_3M_FORM: PageDescription = {');
  expect(text).toContain("    // TODO: no field labelled like \"password\" or \"passphrase\" on the sign-up screen (fields: [\"Work email\"]): write its label.\n    password: 'TODO',");
  expect(text).toContain("  confirmCode: { heading: 'Check your inbox', code: 'Code', submit: 'Verify', resend: { role: 'link', name: 'Send a new code' } },");
  // The address becomes ${email}; the page's own backticks and ${ stay text.
  expect(text).toContain('  confirmed: { heading: \'In\', text: (email) => `Hi \\`${email}\\`, \\${not} yours` },');
  expect(text).toMatch(/\n {2}\/\/ signIn: \{ reachedBy: '…'/);
  expect(todosOf(contents)).toEqual(['signUp.password: no field labelled like "password" or "passphrase" on the sign-up screen (fields: ["Work email"]): write its label']);
});
