import { expect, test, type Page } from '@playwright/test';
import { Alert } from './alert.js';
import { describeControl, locate } from './control.js';
import { expectControl, fill, press } from './missing-control.js';
import { openScreen } from './screen-place.js';
import type { UiWords } from './words.js';

/**
 * Passkeys on the page: signed out, the form that signs in with one; signed
 * in, the user's passkeys, where one is created and removed. The browser's
 * ceremony (navigator.credentials) is answered by the context's virtual
 * authenticator, with no prompt.
 */
export class PasskeyScreen {
  constructor(
    protected readonly page: Page,
    protected readonly words: NonNullable<UiWords['passkeys']>,
    protected readonly signedIn: NonNullable<UiWords['signedIn']>,
    readonly alert = new Alert(page),
  ) {}

  private readonly heading = () => this.page.getByRole('heading', { name: this.words.heading, exact: true });

  /** Opens the page where it offers passkeys, signed out: the form that signs in with one. */
  async openSignIn(): Promise<void> {
    await test.step(`open sign-in with a passkey${this.words.path ? ` at ${this.words.path}` : ''}`, async () => {
      await openScreen(this.page, this.words);
      await expectControl(this.page, this.words.signIn);
    });
  }

  /** Opens the page where it offers passkeys, signed in: the user's passkeys. */
  async openList(): Promise<void> {
    await test.step(`open the passkeys${this.words.path ? ` at ${this.words.path}` : ''}`, async () => {
      await openScreen(this.page, this.words, { reach: false });
      await this.alert.explain(() => expect(this.heading()).toBeVisible());
    });
  }

  /** Enters the address and presses the passkey's control: the page asks Cognito for the challenge, and the authenticator answers it. */
  async signIn(email: string): Promise<void> {
    await test.step(`sign in as ${email} with a passkey`, async () => {
      await fill(this.page, this.words.email, email);
      await press(this.page, this.words.signIn);
    });
  }

  /** The click that registers a passkey: Cognito's options, the authenticator's new key, Cognito's record of it. */
  async create(): Promise<void> {
    await test.step(`press ${describeControl(this.words.create)}`, () => press(this.page, this.words.create));
  }

  /** Removes the only passkey listed. */
  async remove(): Promise<void> {
    await test.step(`press ${describeControl(this.words.remove)} beside the passkey`, async () => {
      await expect(locate(this.page, this.words.remove), 'one passkey listed, to remove').toHaveCount(1);
      await press(this.page, this.words.remove);
    });
  }

  async expectCount(n: number): Promise<void> {
    await test.step(`see "${this.words.count(n)}"`, () => this.alert.explain(() => expect(this.page.getByText(this.words.count(n), { exact: true })).toBeVisible()));
  }

  async expectSignedIn(email: string): Promise<void> {
    await test.step(`see "${this.signedIn.heading}" for ${email}`, () =>
      this.alert.explain(async () => {
        await expect(this.page.getByRole('heading', { name: this.signedIn.heading })).toBeVisible();
        await expect(this.page.getByText(this.signedIn.text(email))).toBeVisible();
      }),
    );
  }

  /**
   * Still signed out once the page has done with Cognito's answer: the
   * passkey's control is there and usable again (a page disables it while a
   * sign-in is pending), and the signed-in page is not.
   */
  async expectSignedOut(): Promise<void> {
    await test.step(`see no "${this.signedIn.heading}": still signed out`, async () => {
      await expect(locate(this.page, this.words.signIn)).toBeEnabled();
      await expect(this.page.getByRole('heading', { name: this.signedIn.heading })).toBeHidden();
    });
  }

  /** Signs out, and waits until the passkeys are gone (the app has dropped the session). */
  async signOut(): Promise<void> {
    await test.step(`press ${describeControl(this.words.signOut)}`, async () => {
      await press(this.page, this.words.signOut);
      await expect(this.heading()).toBeHidden();
    });
  }
}
