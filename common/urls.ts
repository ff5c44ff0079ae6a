/**
 * What the settings, the stack and every message that shows an address need
 * to know of a URL: whether its host is this machine, and what of it may be
 * shown.
 */

/**
 * 127.0.0.0/8, ::1 or localhost: a server only this machine can reach. A host
 * as LOCAL_HOST gives it or as a URL's hostname, in any spelling the URL
 * parser accepts (127.1, [0:0::1], LOCALHOST).
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  let hostname: string;
  try {
    hostname = new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** An http(s) URL, parsed; undefined for anything else. */
export function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The URL's user name or password, which a URL may carry and no message may show. */
export const hasCredentials = (url: URL): boolean => url.username !== '' || url.password !== '';

/**
 * The URL as a message may show it: a user name and password become `***`;
 * in what is not an http(s) URL (a typo, a missing scheme), everything before
 * the last "@" becomes `***`, as it may be the same. Anything else is shown
 * as it was written.
 */
export function redactUrl(value: string): string {
  const url = httpUrl(value);
  if (!url) return value.includes('@') ? `***${value.slice(value.lastIndexOf('@'))}` : value;
  if (!hasCredentials(url)) return value;
  url.username = '***';
  url.password = '';
  return url.href;
}

/**
 * Where a screen is: `path` (relative to the page's URL `base`: a path, a
 * query, or a hash) with `query` (`?pool=…`, a story's other pool) added to it.
 * An empty path is `base` itself, hash included: `new URL('', base)`, as
 * `page.goto('')` resolves it, drops the hash, and a page whose sign-up lives
 * at `#join` then opens on another screen. The doctor and the stories both
 * open a screen here, so they open the same URL.
 */
export function screenUrl(base: string, path = '', query = ''): string {
  const url = path === '' ? new URL(base) : path.startsWith('#') ? Object.assign(new URL(base), { hash: path }) : new URL(path, base);
  for (const [name, value] of new URLSearchParams(query)) url.searchParams.set(name, value);
  return url.href;
}

/**
 * The URL with a loopback address as its host spelt `localhost`, the same
 * server under the one loopback name a browser takes as a passkey's relying
 * party (Chromium refuses an IP address as one); any other URL as it was.
 */
export function asLocalhost(value: string): string {
  const url = httpUrl(value);
  if (!url || !isLoopbackHost(url.hostname) || url.hostname === 'localhost') return value;
  url.hostname = 'localhost';
  return url.href;
}

/** Hosts a browser treats as a secure context over plain http (`localhost` and its subdomains, loopback addresses), so a loopback page can be a relying party. */
const SECURE_OVER_HTTP = /^(localhost|.+\.localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** Why a page at an origin may not use a relying party's passkeys: not a URL, not a secure context, or outside the relying party's domain. */
export type PasskeyOriginProblem = 'not an origin' | 'not secure' | 'another domain';

/**
 * Why a page at `origin` may not use a passkey for `rpId` (the emulator's check
 * of a ceremony, and the doctor's of the pool against BASE_URL); undefined when
 * it may. WebAuthn's rule, which AWS applies ("the relying party ID ... must be
 * the domain of your application or a registrable suffix"): the origin's host is
 * the RP ID or a subdomain of it, over https, or over http on a loopback host (a
 * browser's secure context).
 */
export function passkeyOriginProblem(origin: string, rpId: string): PasskeyOriginProblem | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'not an origin';
  }
  const host = url.hostname;
  if (host !== rpId && !host.endsWith(`.${rpId}`)) return 'another domain';
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && SECURE_OVER_HTTP.test(host));
  return secure ? undefined : 'not secure';
}

export const originAllowed = (origin: string, rpId: string): boolean => passkeyOriginProblem(origin, rpId) === undefined;
