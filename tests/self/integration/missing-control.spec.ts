// A control the page's description names, and the page does not have by that
// role and name: the failure says what the page has instead (the same name in
// another role, the nearest names in the role asked for), within the assertion's
// few seconds rather than the test's whole timeout. Tiny static pages, no stack.
import { expect, test } from '@playwright/test';
import { screensOf, type PageDescription } from '../../../pages';
import { ControlNotFoundError, fill, press } from '../../../pages/missing-control';

/** An outside page's sign-in offer: a link, where the description says button. */
const LINKS_PAGE = `
  <h1>Join Acme</h1>
  <a href="#login">I already have a profile</a>
  <button>Create my profile</button>
  <button>Create account</button>
  <button>Help</button>`;

/** An outside page's description, as its adopter first wrote it: every control a button. */
const ACME: PageDescription = {
  signUp: { email: 'Email', password: 'Password', submit: 'Join' },
  confirmCode: { heading: 'Check your mail', code: 'Code', submit: 'Confirm' },
  confirmed: { heading: 'Welcome', text: (email) => email },
  signIn: { reachedBy: 'I already have a profile', email: 'Email', password: 'Password', submit: 'Log in' },
  signedIn: { heading: 'Welcome', text: (email) => email },
};

/** The error a promise fails with; the test fails if it succeeds. */
async function failureOf(work: Promise<unknown>): Promise<Error> {
  const outcome = await work.then(
    () => undefined,
    (error: Error) => error,
  );
  expect(outcome, 'the step should have failed').toBeInstanceOf(Error);
  return outcome as Error;
}

test.describe('a control not found says what is there', () => {
  test('the same name in another role: "a link named … is on the page; the description says button", with the role and name to write', async ({ page }) => {
    await page.setContent(LINKS_PAGE);
    const started = Date.now();
    const error = await failureOf(press(page, 'I already have a profile'));
    expect(error).toBeInstanceOf(ControlNotFoundError);
    expect(error.message).toContain('The page has no button "I already have a profile", which the page\'s description names.');
    expect(error.message).toContain(
      `A link named "I already have a profile" is on the page; the description says button: write { role: 'link', name: 'I already have a profile' } in the description.`,
    );
    expect(Date.now() - started, 'failed within the assertion timeout, not the test timeout').toBeLessThan(15_000);
  });

  test("the nearest names in the role asked for, nearest first; and a role the page has none of", async ({ page }) => {
    await page.setContent(LINKS_PAGE);
    const error = await failureOf(press(page, 'Create acount'));
    expect(error.message).toContain(`The page's buttons, the nearest names first: "Create account", "Create my profile", "Help".`);
    const tabs = await failureOf(press(page, { role: 'tab', name: 'Sign In' }));
    expect(tabs.message).toContain('The page has no tab "Sign In"');
    expect(tabs.message).toContain('The page has no tab at all.');
  });

  test('a field whose label matches nothing: the page\'s fields, the nearest labels first', async ({ page }) => {
    await page.setContent(`<label>Work email <input type="email"></label><label>Choose a password <input type="password"></label>`);
    const error = await failureOf(fill(page, 'Email', 'someone@example.test'));
    expect(error).toBeInstanceOf(ControlNotFoundError);
    expect(error.message).toBe(
      'The page has no field labelled "Email", which the page\'s description names. The page\'s fields, the nearest labels first: "Work email", "Choose a password".',
    );
  });

  test('a control that is there but hidden fails as it always did, not as one missing', async ({ page }) => {
    await page.setContent(`<button style="display:none">Sign up</button>`);
    const error = await failureOf(press(page, 'Sign up'));
    expect(error).not.toBeInstanceOf(ControlNotFoundError);
    expect(error.message).toContain('toBeVisible');
  });

  test.describe('through the screens, where the description reaches the sign-in form by a button the page has as a link', () => {
    // Served at a URL of its own: the screens open the page where its description says, relative to the project's baseURL.
    test.use({ baseURL: 'http://acme.test/app/' });

    test('opening the sign-in form fails at once, naming the link', async ({ page, baseURL }) => {
      await page.route('http://acme.test/**', (route) => route.fulfill({ contentType: 'text/html', body: LINKS_PAGE }));
      const error = await failureOf(screensOf(page, ACME, baseURL).signIn!.open());
      expect(error.message).toContain('A link named "I already have a profile" is on the page; the description says button');
    });

  });

  test.describe('a sign-up form at a hash', () => {
    test.use({ baseURL: 'http://acme.test/app/#join' });

    test("is opened at #join, as the doctor opens it: the page's own URL keeps its hash", async ({ page, baseURL }) => {
      await page.route('http://acme.test/**', (route) =>
        route.fulfill({
          contentType: 'text/html',
          // The page shows its sign-up form only at #join, as the adopter's did.
          body: `<main></main><script>document.querySelector('main').innerHTML = location.hash === '#join'
            ? '<label>Email <input></label><button>Join</button>' : '<h1>Log in</h1>';</script>`,
        }),
      );
      await screensOf(page, ACME, baseURL).signUp.open();
      expect(page.url()).toBe('http://acme.test/app/#join');
    });
  });
});
