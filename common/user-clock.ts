/**
 * Where the embedded emulator moves one user's time forward (a POST with
 * userPoolId, username and advanceMs in the query): served by
 * local/cognito/user-clocks.ts, called by helpers/cognito/user-clock.ts.
 */
export const USER_CLOCK_PATH = '/_emulator/user-clock';
