/**
 * What the app learns at run time from `/config.json`, so one build serves any
 * pool: the stack's emulator pool, or a real one.
 */
export interface AppRuntimeConfig {
  userPoolId: string;
  userPoolClientId: string;
  /** The emulator's URL; absent for AWS. */
  userPoolEndpoint?: string;
}
