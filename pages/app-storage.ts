import type { Page } from '@playwright/test';

/**
 * What the app keeps in the browser between visits. Amplify (the
 * Authenticator, and any app on `aws-amplify/auth`) stores its tokens in
 * localStorage under `CognitoIdentityServiceProvider.<client id>.<user>.<token>`.
 */
export class AppStorage {
  constructor(private readonly page: Page) {}

  /** The refresh tokens the app keeps, of whichever user and client. */
  async refreshTokens(): Promise<string[]> {
    return this.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('CognitoIdentityServiceProvider.') && key.endsWith('.refreshToken'))
        .map((key) => localStorage.getItem(key) ?? ''),
    );
  }
}
