import { asLocalhost, passkeyOriginProblem, redactUrl } from '../../common/urls.js';
import type { PoolDescription } from '../../helpers/cognito/pool-description.js';
import type { CheckResult } from './check-result.js';

const SET_RP_ID = 'SetUserPoolMfaConfig WebAuthnConfiguration.RelyingPartyId';

/**
 * The pool's passkeys against the page the stories open: the relying party ID
 * (GetUserPoolMfaConfig's WebAuthnConfiguration) must be that page's host or a
 * registrable suffix of it, and the page https or on a loopback host, or no
 * browser makes or uses a passkey there, and every passkey story fails on a
 * browser error far from its cause. The page is BASE_URL with a loopback host
 * spelt `localhost`, as the passkey fixture opens it (asLocalhost: Chromium
 * refuses an IP address as a relying party). The sign-in policy is part of the
 * same line: a relying party on a pool that does not allow WEB_AUTHN is unused.
 * No line for a pool that has neither.
 */
export function passkeyCheck(pool: Pick<PoolDescription, 'Policies' | 'WebAuthnConfiguration'>, appUrl: string): CheckResult[] {
  const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? [];
  const allowed = factors.includes('WEB_AUTHN');
  const rpId = pool.WebAuthnConfiguration?.RelyingPartyId;
  if (!allowed && !rpId) return [];
  const page = asLocalhost(appUrl);
  const origin = new URL(page).origin;
  const host = new URL(page).hostname;
  if (!rpId) {
    return [
      {
        status: 'fail',
        title: 'The pool allows passkeys (WEB_AUTHN), but has no relying party ID',
        detail: `AllowedFirstAuthFactors: ${factors.join(', ')}; GetUserPoolMfaConfig has no WebAuthnConfiguration.RelyingPartyId`,
        fix: `Set ${SET_RP_ID} to ${host} (the host of the page the stories open, ${redactUrl(origin)}), or a domain it is a subdomain of.`,
      },
    ];
  }
  const problem = passkeyOriginProblem(origin, rpId);
  if (problem === 'another domain') {
    return [
      {
        status: 'fail',
        title: `A passkey made for ${rpId} cannot be used on ${host}`,
        detail: `the pool's relying party ID is ${rpId}; the stories open ${redactUrl(origin)} (BASE_URL)`,
        fix: `Set ${SET_RP_ID} to ${host} or a domain it is a subdomain of, or point BASE_URL at a page under ${rpId}.`,
      },
    ];
  }
  if (problem === 'not secure') {
    return [
      {
        status: 'fail',
        title: `A browser makes no passkey on ${redactUrl(origin)}: it is plain http on a host that is not this machine`,
        detail: `the pool's relying party ID is ${rpId}; WebAuthn needs a secure context (https, or a loopback host)`,
        fix: `Point BASE_URL at the https address of the page.`,
      },
    ];
  }
  if (!allowed) {
    return [
      {
        status: 'warn',
        title: `The pool has a passkey relying party (${rpId}), but its sign-in policy does not allow WEB_AUTHN`,
        detail: `AllowedFirstAuthFactors: ${factors.join(', ') || 'none (password only)'}`,
        fix: 'Add WEB_AUTHN to the pool\'s Policies.SignInPolicy.AllowedFirstAuthFactors (Essentials plan or higher), or accept the passkey stories\' skip.',
      },
    ];
  }
  return [{ status: 'ok', title: `Passkeys for ${rpId} work on the page the stories open (${redactUrl(origin)})`, detail: `AllowedFirstAuthFactors: ${factors.join(', ')}` }];
}
