import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Route } from 'cognito-local/lib/server/Router.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';

/**
 * The link a CONFIRM_WITH_LINK mail carries. AWS's is
 * `https://<your user pool domain>/confirmUser/?client_id=…&user_name=…&confirmation_code=…`
 * (Developer Guide, "Customizing email verification messages"); the emulator
 * stands in for the hosted domain.
 */
export function confirmUserLink(base: string, { clientId, username, code }: { clientId: string; username: string; code: string }): string {
  const query = new URLSearchParams({ client_id: clientId, user_name: username, confirmation_code: code });
  return `${base}/confirmUser?${query}`;
}

/**
 * What the hosted domain answers. The success wording is not in AWS's
 * documentation: "Your registration has been confirmed!" is what the hosted
 * page is reported to show. Errors show Cognito's heading for a failed hosted
 * page and the API's own message, as a second click on a used link shows
 * "User cannot be confirmed. Current status is CONFIRMED" (aws-amplify/amplify-js#3595).
 */
export const CONFIRM_USER_PAGE = {
  confirmed: 'Your registration has been confirmed!',
  failed: 'An error was encountered with the requested page.',
} as const;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const page = (title: string, detail?: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body><h1>${escapeHtml(title)}</h1>${detail ? `<p>${escapeHtml(detail)}</p>` : ''}</body></html>`;

/**
 * GET /confirmUser: confirms the sign-up as ConfirmSignUp does (the same
 * route, so email_verified becomes true too), and answers a page. Refusals,
 * with Cognito's texts: an unknown client, an unknown user, a wrong code, a
 * user already confirmed (a link followed twice).
 */
export const confirmUserPage =
  ({ cognito }: Pick<Services, 'cognito'>, confirmSignUp: Route, ctx: Context) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const query = new URL(req.url ?? '/', 'http://emulator').searchParams;
    const clientId = query.get('client_id') ?? '';
    const username = query.get('user_name') ?? '';
    const code = query.get('confirmation_code') ?? '';
    const answer = (status: number, html: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    try {
      const client = clientId ? await cognito.getAppClient(ctx, clientId) : null;
      if (!client) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
      const user = await (await cognito.getUserPoolForClientId(ctx, clientId)).getUserByUsername(ctx, username);
      if (!user) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
      if (user.UserStatus === 'CONFIRMED') {
        throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.UserStatus}`);
      }
      await confirmSignUp(ctx, { ClientId: clientId, Username: username, ConfirmationCode: code });
      answer(200, page(CONFIRM_USER_PAGE.confirmed));
    } catch (error) {
      if (!(error instanceof CognitoError)) {
        answer(500, page(CONFIRM_USER_PAGE.failed, (error as Error).message));
        return;
      }
      answer(400, page(CONFIRM_USER_PAGE.failed, error.message));
    }
  };
