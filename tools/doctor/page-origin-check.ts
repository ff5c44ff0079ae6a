import type { CheckResult } from './check-result.js';

/**
 * Against the embedded stack with your own page (BASE_URL): the emulator
 * answers a page's browser calls only when the page is the demo app or the
 * BASE_URL the stack was started with. A stack started by hand without it,
 * and reused by this run, would fail every story on a bare network error in
 * the page; asked here the way the browser asks (a preflight), it is one line.
 */
export async function pageOriginCheck(cognitoEndpoint: string, pageUrl: string): Promise<CheckResult> {
  const origin = new URL(pageUrl).origin;
  const preflight = await fetch(cognitoEndpoint, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent' },
    signal: AbortSignal.timeout(5_000),
  }).catch((error: Error) => error);
  if (preflight instanceof Error) {
    return { status: 'fail', title: `The Cognito emulator could not be asked whether it answers your page (${origin})`, detail: preflight.message, fix: 'Start the stack (npm run stack), or check LOCAL_COGNITO_PORT.' };
  }
  if (preflight.headers.get('access-control-allow-origin') === origin) {
    return { status: 'ok', title: `The Cognito emulator answers your page's calls (${origin})` };
  }
  return {
    status: 'fail',
    title: `The Cognito emulator refuses your page's calls (${origin})`,
    detail: `a browser's preflight from it is answered HTTP ${preflight.status}, with no Access-Control-Allow-Origin for it`,
    fix: 'The stack running was started without this BASE_URL (by hand, say, and reused by this run): stop it and let the run start its own, or start it with the same BASE_URL in its environment (BASE_URL=… npm run stack).',
  };
}
