/**
 * What the app learns at run time from `/config.json`, so one build serves any
 * pool: the stack's emulator pool, or a real one.
 */
export interface AppRuntimeConfig {
  userPoolId: string;
  userPoolClientId: string;
  /** The emulator's URL; absent for AWS. */
  userPoolEndpoint?: string;
  /** The embedded stack's pool whose sign-up mails carry a confirmation link; absent for AWS. */
  linkVerification?: { userPoolId: string; userPoolClientId: string };
  /** The embedded stack's pool that keeps the original email until a new one is verified; absent for AWS. */
  keepOriginalEmail?: { userPoolId: string; userPoolClientId: string };
}
