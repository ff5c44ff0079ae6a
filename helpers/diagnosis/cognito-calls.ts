import type { Page } from '@playwright/test';
import { sendsMail } from '../cognito/operations.js';
import type { CognitoCall } from './missing-email.js';

/**
 * Records the answers to every Cognito call the page makes (never the
 * requests: they carry the password), so a failure can be explained with
 * what Cognito said: CodeDeliveryDetails, or the error it gave.
 */
export class CognitoCallRecorder {
  readonly calls: CognitoCall[] = [];

  watch(page: Page): void {
    page.on('response', (response) => {
      const request = response.request();
      const operation = request.headers()['x-amz-target']?.split('.').pop();
      if (request.method() !== 'POST' || !operation) return;
      void response
        .json()
        .catch(() => undefined)
        .then((body) => this.calls.push({ operation, status: response.status(), body, at: new Date(), url: response.url() }));
    });
  }

  /** The calls since an action that can make Cognito send mail. */
  mailSendingSince(since: Date): CognitoCall[] {
    return this.calls.filter((call) => call.at >= since && sendsMail(call.operation));
  }

  /** The last failed call's exception name, if the last call failed. */
  lastError(): string | undefined {
    const last = this.calls.at(-1);
    return last && last.status >= 400 ? last.body?.__type?.split('#').pop() : undefined;
  }
}
