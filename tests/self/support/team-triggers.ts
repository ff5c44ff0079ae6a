/**
 * Lambda handlers for the emulator's trigger contract tests, each doing what a
 * team's might do wrong or right, chosen by the address's local part
 * (`drop-code@…` drops the code, and so on). Every CustomMessage mail carries
 * the event it was given, as base64 JSON, so a test can check its shape.
 */

interface Event {
  triggerSource: string;
  request: { userAttributes: Record<string, string>; codeParameter: string; usernameParameter: string | null; linkParameter: string };
  response: Record<string, unknown>;
}

const behaviour = (event: Event) => (event.request.userAttributes.email ?? '').split('@')[0]?.replace(/\+.*$/, '') ?? '';

export async function customMessage(event: Event): Promise<Event> {
  const { codeParameter, usernameParameter } = event.request;
  // Base64, so that Cognito's filling in of {####} and {username} cannot change what the test reads back.
  const shown = `<pre id="event">${Buffer.from(JSON.stringify(event)).toString('base64')}</pre>`;
  switch (behaviour(event)) {
    case 'throws':
      throw new Error('Template "welcome" not found');
    case 'slow':
      return answersTooLate(event);
    case 'drop-code':
      event.response.emailMessage = `<p>Welcome! Your code is on its way.</p>${shown}`;
      return event;
    case 'too-long':
      event.response.emailMessage = `<p>Your code: ${codeParameter}</p>${'<!-- padding -->'.repeat(1_300)}`;
      return event;
    case 'subject-only':
      event.response.emailSubject = 'Branded subject, template body';
      return event;
    default:
      event.response.emailSubject = `Branded ${event.triggerSource}`;
      event.response.emailMessage =
        `<p>Your code: <b>${codeParameter}</b>, and again: ${codeParameter}</p>` + (usernameParameter ? `<p>User: ${usernameParameter}</p>` : '') + shown;
      return event;
  }
}

/** Callback style, as older handlers are written: Cognito runs those too. */
export function preSignUp(event: Event & { response: { autoConfirmUser?: boolean; autoVerifyEmail?: boolean } }, _context: object, callback: (error: Error | null, result?: unknown) => void): void {
  switch (behaviour(event)) {
    case 'rejected':
      callback(new Error('Sign-ups from this domain are closed'));
      return;
    case 'auto-confirmed':
      event.response.autoConfirmUser = true;
      event.response.autoVerifyEmail = true;
      callback(null, event);
      return;
    default:
      callback(null, event);
  }
}

/** The same misdeeds for every address, for stories whose addresses are random: a message without the code. */
export const dropsTheCode = async (event: Event): Promise<Event> => {
  event.response.emailMessage = '<p>Welcome to Acme! Your code is on its way.</p>';
  return event;
};

/** A handler that throws, as one with a missing template would. */
export const throwsAnError = async (): Promise<never> => {
  throw new Error('Template "welcome" not found');
};

/** A handler that answers after Cognito stopped waiting. */
export async function answersTooLate(event: Event): Promise<Event> {
  // Not a wait for anything: the handler's own slowness (a cold start, a slow template store), past Cognito's 5 seconds.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  return event;
}
