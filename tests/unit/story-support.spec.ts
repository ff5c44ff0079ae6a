import { expect, test } from '@playwright/test';
import { storySupport } from '../../plan/story-support';
import { poolsFor, type Target } from '../../config/target';

const POOL = { AutoVerifiedAttributes: ['email' as const], VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' as const } };
const CLIENT = { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const, 'ALLOW_REFRESH_TOKEN_AUTH' as const] };
const runs = (s: ReturnType<typeof storySupport>) => Object.entries(s).filter(([, v]) => v.runs).map(([k]) => k);
const CODE_STORIES = ['signUp', 'resendCode', 'wrongCode', 'existingUnconfirmedUser', 'reSignUpAfterDelete', 'reSignUpAfterConfirmedDelete'];

test('a pool set up as docs/flows.md says: every story but those that need a pool of their own, or a clock to move', () => {
  expect(runs(storySupport(POOL, CLIENT, {}))).toEqual([...CODE_STORIES, 'weakPassword', 'forgotPassword', 'passwordResetByAdmin', 'staleSession', 'invitation', 'emailChange']);
  const ownPools = { linkVerification: { userPoolId: 'local_link' }, keepOriginalEmail: { userPoolId: 'local_keep' } };
  expect(runs(storySupport(POOL, CLIENT, ownPools))).toHaveLength(CODE_STORIES.length + 8);
  expect(runs(storySupport(POOL, CLIENT, ownPools, { movableClock: true })), 'the expired sign-up code, where the clock moves').toContain('expiredCode');
  expect(storySupport(POOL, CLIENT, ownPools).expiredCode.why).toBe("only the embedded emulator's time can be moved forward; against AWS the code would take 24 hours to expire");
  // Sign-in by code and email MFA are settings of their own (below): a pool set up only as the sign-up row of docs/flows.md's Flows table says runs neither.
});

test('each setting that rules a story out names itself', () => {
  const byLink = storySupport({ ...POOL, VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } }, CLIENT, {});
  expect(byLink.signUp).toEqual({ runs: false, why: 'the pool confirms sign-ups by link (DefaultEmailOption CONFIRM_WITH_LINK), not by a code' });
  expect(byLink.forgotPassword.why).toBe(byLink.signUp.why);

  const phoneOnly = storySupport({ ...POOL, AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] } }, CLIENT, {});
  expect(phoneOnly.forgotPassword).toEqual({ runs: false, why: 'the pool recovers accounts only by verified_phone_number, not by email' });
  expect(phoneOnly.passwordResetByAdmin).toEqual(phoneOnly.forgotPassword);

  const noPassword = storySupport(POOL, { ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, {});
  expect(noPassword.invitation.runs).toBe(false);
  expect(noPassword.invitation.why).toMatch(/no password sign-in \(ExplicitAuthFlows: ALLOW_CUSTOM_AUTH, ALLOW_REFRESH_TOKEN_AUTH\)/);

  expect(storySupport(POOL, { ...CLIENT, WriteAttributes: ['name'] }, {}).emailChange.why).toBe("the app client's WriteAttributes do not include email");
  expect(storySupport({ ...POOL, AutoVerifiedAttributes: [] }, CLIENT, {}).signUp.runs).toBe(false);
});

test('sign-in with a mailed code: only where the SignInPolicy allows EMAIL_OTP, on Essentials or Plus, with a client that allows USER_AUTH', () => {
  const passwordless = { ...POOL, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD' as const, 'EMAIL_OTP' as const] } } };
  const userAuth = { ExplicitAuthFlows: [...CLIENT.ExplicitAuthFlows, 'ALLOW_USER_AUTH' as const] };
  expect(storySupport(passwordless, userAuth, {}).emailCodeSignIn.runs).toBe(true);
  expect(storySupport(POOL, userAuth, {}).emailCodeSignIn.why).toBe(
    "the pool's SignInPolicy does not allow EMAIL_OTP as a first factor (AllowedFirstAuthFactors: PASSWORD)",
  );
  expect(storySupport({ ...passwordless, UserPoolTier: 'LITE' }, userAuth, {}).emailCodeSignIn.why).toMatch(/Lite feature plan/);
  expect(storySupport(passwordless, CLIENT, {}).emailCodeSignIn.why).toMatch(/lacks ALLOW_USER_AUTH/);
  expect(storySupport({ ...passwordless, AutoVerifiedAttributes: [] }, userAuth, {}).emailCodeSignIn.runs, 'its user signs up with a mailed code first').toBe(false);
});

test('sign-up without a password: only where EMAIL_OTP is a first factor, on Essentials or Plus, email auto-verified, and the client allows USER_AUTH', () => {
  const passwordless = { ...POOL, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD' as const, 'EMAIL_OTP' as const] } } };
  const userAuth = { ExplicitAuthFlows: [...CLIENT.ExplicitAuthFlows, 'ALLOW_USER_AUTH' as const] };
  expect(storySupport(passwordless, userAuth, {}).passwordlessSignUp.runs).toBe(true);
  expect(storySupport(POOL, userAuth, {}).passwordlessSignUp.why).toBe(
    "a user may sign up without a password only where EMAIL_OTP is a first factor, and the pool's AllowedFirstAuthFactors are PASSWORD",
  );
  const webAuthnOnly = { ...POOL, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD' as const, 'WEB_AUTHN' as const] } } };
  expect(storySupport(webAuthnOnly, userAuth, {}).passwordlessSignUp.runs, 'passkeys alone do not let a user sign up without a password').toBe(false);
  expect(storySupport({ ...passwordless, UserPoolTier: 'LITE' }, userAuth, {}).passwordlessSignUp.why).toMatch(/Lite feature plan/);
  expect(storySupport(passwordless, CLIENT, {}).passwordlessSignUp.why).toMatch(/does not allow ALLOW_USER_AUTH/);
  expect(storySupport({ ...passwordless, AutoVerifiedAttributes: [] }, userAuth, {}).passwordlessSignUp.runs).toBe(false);
});

test('passkeys: only where WEB_AUTHN is a first factor, on Essentials or Plus, with a relying party ID, and the client allows USER_AUTH; the story signs up without a password and signs in by a mailed code too', () => {
  const factors = ['PASSWORD' as const, 'EMAIL_OTP' as const, 'WEB_AUTHN' as const];
  const withPasskeys = { ...POOL, Policies: { SignInPolicy: { AllowedFirstAuthFactors: factors } }, WebAuthnConfiguration: { RelyingPartyId: 'localhost' } };
  const userAuth = { ExplicitAuthFlows: [...CLIENT.ExplicitAuthFlows, 'ALLOW_USER_AUTH' as const] };
  expect(storySupport(withPasskeys, userAuth, {}).passkeys).toEqual({ runs: true, why: expect.stringContaining('the pool allows passkeys for the relying party localhost') });
  const noWebAuthn = { ...withPasskeys, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD' as const, 'EMAIL_OTP' as const] } } };
  expect(storySupport(noWebAuthn, userAuth, {}).passkeys.why).toBe(
    "the pool's SignInPolicy does not allow WEB_AUTHN as a first factor (AllowedFirstAuthFactors: PASSWORD, EMAIL_OTP)",
  );
  expect(storySupport({ ...withPasskeys, UserPoolTier: 'LITE' }, userAuth, {}).passkeys.runs).toBe(false);
  expect(storySupport({ ...withPasskeys, WebAuthnConfiguration: undefined }, userAuth, {}).passkeys.why).toMatch(/no relying party ID/);
  expect(storySupport(withPasskeys, CLIENT, {}).passkeys.why).toMatch(/does not allow ALLOW_USER_AUTH/);
  const webAuthnOnly = { ...withPasskeys, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD' as const, 'WEB_AUTHN' as const] } } };
  expect(storySupport(webAuthnOnly, userAuth, {}).passkeys.runs, 'its user signs up without a password, which needs EMAIL_OTP').toBe(false);
  expect(storySupport(withPasskeys, userAuth, {}).passkeyAfterDelete.runs, 'the deleted account\'s passkey, on the same pool').toBe(true);
  expect(storySupport(noWebAuthn, userAuth, {}).passkeyAfterDelete.why).toBe(storySupport(noWebAuthn, userAuth, {}).passkeys.why);
});

test('sign-in straight after sign-up: only with a client that allows USER_AUTH, on a pool that mails a code', () => {
  const userAuth = { ExplicitAuthFlows: [...CLIENT.ExplicitAuthFlows, 'ALLOW_USER_AUTH' as const] };
  expect(storySupport(POOL, userAuth, {}).signInAfterSignUp.runs).toBe(true);
  expect(storySupport(POOL, CLIENT, {}).signInAfterSignUp).toEqual({
    runs: false,
    why: 'the app client does not allow ALLOW_USER_AUTH, so ConfirmSignUp answers no Session to sign the new user in with (ExplicitAuthFlows: ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH)',
  });
  expect(storySupport({ ...POOL, AutoVerifiedAttributes: [] }, userAuth, {}).signInAfterSignUp.runs).toBe(false);
});

test('email MFA: only where MFA is OPTIONAL or ON with an EmailMfaConfiguration, and the client lets the suite turn it on for its user', () => {
  const mfa = { ...POOL, MfaConfiguration: 'OPTIONAL' as const, EmailMfaConfiguration: {} };
  const password = { ExplicitAuthFlows: [...CLIENT.ExplicitAuthFlows, 'ALLOW_USER_PASSWORD_AUTH' as const] };
  expect(storySupport(mfa, password, {}).emailMfa.runs).toBe(true);
  expect(storySupport(POOL, password, {}).emailMfa.why).toBe("the pool's MfaConfiguration is OFF");
  expect(storySupport({ ...mfa, EmailMfaConfiguration: undefined }, password, {}).emailMfa.why).toMatch(/no EmailMfaConfiguration/);
  expect(storySupport(mfa, CLIENT, {}).emailMfa.why).toMatch(/ALLOW_USER_PASSWORD_AUTH/);
});

test("against one pool, the stories of a pool of their own kind run on it when it is that kind: by link with a domain, or keeping the original email", () => {
  const remote: Target = {
    name: 'remote',
    appUrl: 'https://app.example.com/signup',
    cognito: { region: 'eu-west-1', userPoolId: 'eu-west-1_AbC', userPoolClientId: 'client1' },
    mail: { kind: 'mailslurp', apiKey: 'k' },
  };
  const link = { ...POOL, VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' as const } };
  const main = { userPoolId: 'eu-west-1_AbC', userPoolClientId: 'client1' };

  expect(poolsFor(remote, POOL)).toEqual({});
  expect(poolsFor(remote, { ...link, Domain: 'acme-test' })).toEqual({ linkVerification: { ...main, linkOrigin: 'https://acme-test.auth.eu-west-1.amazoncognito.com' } });
  expect(poolsFor(remote, { ...link, Domain: 'acme-test', CustomDomain: 'auth.acme.example' }).linkVerification?.linkOrigin).toBe('https://auth.acme.example');
  expect(poolsFor({ ...remote, cognito: { ...remote.cognito, endpoint: 'http://127.0.0.1:9229/' } }, link).linkVerification?.linkOrigin).toBe('http://127.0.0.1:9229');
  expect(poolsFor(remote, { ...POOL, UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } })).toEqual({ keepOriginalEmail: main });

  const noDomain = storySupport(link, CLIENT, poolsFor(remote, link));
  expect(noDomain.linkVerification).toEqual({ runs: false, why: 'the pool confirms by link, but has no domain (Domain or CustomDomain) for its links to point to' });
  expect(runs(storySupport({ ...link, Domain: 'acme-test' }, CLIENT, poolsFor(remote, { ...link, Domain: 'acme-test' })))).toEqual(['weakPassword', 'invitation', 'linkVerification']);

  // The embedded stack names its own pools, whatever its main pool is.
  const local: Target = { ...remote, name: 'local', variants: { keepOriginalEmail: { userPoolId: 'local_Keep', userPoolClientId: 'client2' } } };
  expect(poolsFor(local, link)).toBe(local.variants);
});
