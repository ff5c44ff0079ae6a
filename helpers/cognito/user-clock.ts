import { USER_CLOCK_PATH } from '../../common/user-clock.js';
import { ActionableError } from '../errors.js';
import type { CognitoEndpoint } from './client.js';

/**
 * Moves time forward for one user of the embedded emulator, so a story sees a
 * code expire without waiting minutes for it. Only the embedded stack has such
 * a clock; against AWS (or a stand-in for it) a story that needs it is skipped.
 */
export class UserClock {
  constructor(private readonly cognito: CognitoEndpoint & { userPoolId: string }) {}

  get supported(): boolean {
    return !!this.cognito.emulator && !!this.cognito.endpoint;
  }

  /** Moves `email`'s time forward by `ms`, for their open challenges and codes. */
  async advance(email: string, ms: number, userPoolId = this.cognito.userPoolId): Promise<void> {
    if (!this.supported) throw new Error('Only the embedded emulator has a clock to move forward; skip the story elsewhere (UserClock.supported).');
    const url = new URL(USER_CLOCK_PATH, this.cognito.endpoint);
    url.search = new URLSearchParams({ userPoolId, username: email, advanceMs: String(ms) }).toString();
    const response = await fetch(url, { method: 'POST' });
    if (!response.ok) {
      throw new ActionableError(`Moving ${email}'s time forward by ${ms} ms at ${url.origin}${USER_CLOCK_PATH} answered HTTP ${response.status}: ${await response.text()}`);
    }
  }
}
