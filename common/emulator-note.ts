/**
 * A mail header the embedded stack adds when it did something the mail's
 * words cannot show, on AWS as here (a CustomMessage trigger's message set
 * aside for the pool's template): the suite reads it to name the cause.
 */
export const EMULATOR_NOTE_HEADER = 'X-Cognito-Emulator-Note';
