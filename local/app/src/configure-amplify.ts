import { Amplify } from 'aws-amplify';
import type { AppRuntimeConfig } from '../../stack-settings';

/** The stack's other pools, by the `?pool=` a page is opened with. */
const VARIANTS = { 'link-verification': 'linkVerification', 'keep-original-email': 'keepOriginalEmail' } as const;

/**
 * The sign-in choices a page may be opened with (`?signin=`). Email first, as a
 * passwordless app offers it; "Other sign-in options" still leads to the
 * password. Passkeys: the relying party is the pool's (its WebAuthnConfiguration),
 * so none is named here.
 */
const SIGN_IN_CHOICES = {
  'email-code': { emailOtpEnabled: true, preferredChallenge: 'EMAIL_OTP' as const },
  passkey: { emailOtpEnabled: true, webAuthn: {}, preferredChallenge: 'WEB_AUTHN' as const },
};

/**
 * Points Amplify at the pool the server names in `/config.json`: one build,
 * any pool. `?pool=link-verification` or `?pool=keep-original-email` picks one
 * of the embedded stack's other pools; a name it does not have stops the app.
 * `?signin=email-code` also offers sign-in with a mailed code (passwordless),
 * as an app generated for such a pool does, and the Authenticator then offers
 * sign-up with the address alone first ("Create account with Email OTP":
 * signUp without a password, autoSignIn with USER_AUTH). `?signin=passkey`
 * offers passkeys as well: "Sign In with Passkey" first, and the account's
 * passkeys once signed in. Without either the screens stay those of a
 * password-only app, as most apps are.
 */
export async function configureAmplify(): Promise<void> {
  const response = await fetch('/config.json');
  if (!response.ok) throw new Error(`GET /config.json answered ${response.status}: is the stack running?`);
  const served = (await response.json()) as AppRuntimeConfig;
  const query = new URLSearchParams(location.search);
  const wanted = query.get('pool');
  const signIn = query.get('signin');
  if (signIn && !(signIn in SIGN_IN_CHOICES)) throw new Error(`this app has no sign-in "${signIn}" (known: ${Object.keys(SIGN_IN_CHOICES).join(', ')})`);
  let config: { userPoolId: string; userPoolClientId: string; userPoolEndpoint?: string } = served;
  if (wanted) {
    const variant = served[VARIANTS[wanted as keyof typeof VARIANTS]];
    if (!variant) throw new Error(`this server has no pool "${wanted}" (known: ${Object.keys(VARIANTS).join(', ')})`);
    config = { ...variant, ...(served.userPoolEndpoint ? { userPoolEndpoint: served.userPoolEndpoint } : {}) };
  }
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
        loginWith: { email: true },
        signUpVerificationMethod: wanted === 'link-verification' ? 'link' : 'code',
        ...(signIn ? { passwordless: SIGN_IN_CHOICES[signIn as keyof typeof SIGN_IN_CHOICES] } : {}),
      },
    },
  });
}

/**
 * The sign-in straight after sign-up (Amplify's autoSignIn with USER_AUTH): it
 * spends the Session Cognito's ConfirmSignUp answers, so no password is kept
 * for it and no second code is asked. Only where this page confirms with the
 * code: a link is confirmed on Cognito's page, whose Session this page never
 * sees (there Amplify's own autoSignIn polls with the password).
 */
export function signsInWithSignUpSession(): boolean {
  return Amplify.getConfig().Auth?.Cognito?.signUpVerificationMethod !== 'link';
}

/** Whether the page offers passkeys (`?signin=passkey`): the account then lists the user's, and makes and removes them. */
export function offersPasskeys(): boolean {
  return !!Amplify.getConfig().Auth?.Cognito?.passwordless?.webAuthn;
}
