import type { AuthFactorType } from '@aws-sdk/client-cognito-identity-provider';
import { expect, test } from '@playwright/test';
import { passkeyOriginProblem } from '../../common/urls';
import { passkeyCheck } from '../../tools/doctor/passkey-check';

const pool = (factors: AuthFactorType[], rpId?: string) => ({
  Policies: { SignInPolicy: { AllowedFirstAuthFactors: factors } },
  ...(rpId ? { WebAuthnConfiguration: { RelyingPartyId: rpId } } : {}),
});
const PASSKEYS: AuthFactorType[] = ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'];

test.describe("the doctor's passkey line: the pool's relying party against the page the stories open", () => {
  test('a relying party that is the page\'s host, or a registrable suffix of it, over https: ✓', () => {
    for (const rpId of ['app.example.com', 'example.com']) {
      const [line] = passkeyCheck(pool(PASSKEYS, rpId), 'https://app.example.com/signup');
      expect(line?.status, rpId).toBe('ok');
      expect(line?.title).toContain(rpId);
    }
  });

  test('the embedded stack: its app at 127.0.0.1 is opened as localhost, the relying party it is set up with', () => {
    expect(passkeyCheck(pool(PASSKEYS, 'localhost'), 'http://127.0.0.1:44173/')).toEqual([expect.objectContaining({ status: 'ok' })]);
  });

  test('a passkey made for another domain: ✗ naming both, and what to change', () => {
    const [line] = passkeyCheck(pool(PASSKEYS, 'localhost'), 'https://app.example.com/');
    expect(line).toMatchObject({ status: 'fail', title: 'A passkey made for localhost cannot be used on app.example.com' });
    expect(line?.fix).toContain('SetUserPoolMfaConfig WebAuthnConfiguration.RelyingPartyId');
    expect(line?.fix).toContain('BASE_URL');
    // A longer name is no suffix of a shorter one, nor is a look-alike.
    expect(passkeyCheck(pool(PASSKEYS, 'app.example.com'), 'https://example.com/')[0]?.status).toBe('fail');
    expect(passkeyCheck(pool(PASSKEYS, 'example.com'), 'https://notexample.com/')[0]?.status).toBe('fail');
  });

  test('plain http off this machine: ✗, as a browser makes no passkey there', () => {
    const [line] = passkeyCheck(pool(PASSKEYS, 'example.com'), 'http://app.example.com/');
    expect(line?.status).toBe('fail');
    expect(line?.fix).toContain('https');
  });

  test('WEB_AUTHN allowed with no relying party ID: ✗, suggesting the page\'s host', () => {
    const [line] = passkeyCheck(pool(PASSKEYS), 'https://app.example.com/');
    expect(line).toMatchObject({ status: 'fail', title: 'The pool allows passkeys (WEB_AUTHN), but has no relying party ID' });
    expect(line?.fix).toContain('to app.example.com');
  });

  test('a relying party on a pool whose sign-in policy leaves WEB_AUTHN out: ⚠, in the same line', () => {
    const [line] = passkeyCheck(pool(['PASSWORD', 'EMAIL_OTP'], 'example.com'), 'https://app.example.com/');
    expect(line?.status).toBe('warn');
    expect(line?.fix).toContain('AllowedFirstAuthFactors');
  });

  test('a pool without passkeys has no line', () => {
    expect(passkeyCheck(pool(['PASSWORD']), 'https://app.example.com/')).toEqual([]);
    expect(passkeyCheck({}, 'https://app.example.com/')).toEqual([]);
  });
});

test('passkeyOriginProblem names why an origin may not use a relying party', () => {
  expect(passkeyOriginProblem('https://app.example.com', 'example.com')).toBeUndefined();
  expect(passkeyOriginProblem('http://localhost:5173', 'localhost')).toBeUndefined();
  expect(passkeyOriginProblem('https://example.org', 'example.com')).toBe('another domain');
  expect(passkeyOriginProblem('http://example.com', 'example.com')).toBe('not secure');
  expect(passkeyOriginProblem('not an origin', 'localhost')).toBe('not an origin');
});
