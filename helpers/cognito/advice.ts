/**
 * What to do about the Cognito errors a sign-up test meets, by exception name.
 * The SDK's own messages say what happened; these say what to change.
 */
export const COGNITO_ADVICE: Record<string, string> = {
  LimitExceededException:
    "Cognito's own email sender allows only about 50 emails a day per account and region, and a busy CI reaches it. " +
    "Send through Amazon SES instead: the pool's EmailConfiguration with EmailSendingAccount DEVELOPER and an SES identity.",
  TooManyRequestsException: 'Cognito throttled the calls (API rate quota). Run fewer workers, or space the runs out.',
  CodeDeliveryFailureException:
    'Cognito could not deliver the code: check the SES identity and its sending status (sandbox, suppression list), ' +
    'and that the address is deliverable.',
  UsernameExistsException:
    'A user with this address already exists: an earlier run left it, or deleteUserIfExists ran against another pool.',
  InvalidPasswordException: "The password breaks the pool's password policy; generatePassword() reads the policy from DescribeUserPool.",
  NotAuthorizedException:
    'If the app client has a secret, every sign-up call needs SECRET_HASH: set COGNITO_CLIENT_SECRET, ' +
    'or use a public client (no secret) for a browser app.',
  CodeMismatchException: 'The code is not the one Cognito sent last: a resend or a second sign-up replaced it.',
  ExpiredCodeException: 'The code expired (24 hours; a password reset code, 1 hour), or was replaced by a newer one: request a new code.',
  UserNotConfirmedException:
    'The user never confirmed the sign-up, so Cognito will not sign them in or reset their password: confirm first (a sign-up mail lost earlier?).',
  PasswordResetRequiredException: 'An admin reset this password (AdminResetUserPassword): the user must set a new one with the code mailed to them.',
  UserLambdaValidationException:
    "A Lambda trigger of the pool threw: the message names the trigger (PreSignUp, CustomMessage …) and ends with the function's own error. " +
    '`npm run doctor` names the function behind each trigger; its CloudWatch log (on the embedded stack, the stack\'s log) has the stack trace.',
  UnexpectedLambdaException:
    'A Lambda trigger of the pool did not answer within the 5 seconds Cognito waits, or could not be run (permissions, a missing handler): ' +
    'the message names the trigger, and `npm run doctor` the function behind it.',
  InvalidLambdaResponseException: "A Lambda trigger of the pool answered with a response Cognito cannot use: check the fields it sets against the trigger's event.",
  UnsupportedUserStateException:
    'An invitation can be resent only to a user who has not signed in yet (FORCE_CHANGE_PASSWORD); this one has, or was never invited.',
};

/**
 * Advice for an exception that means different things by its message: for
 * these, only a message that matches gets advice (NotAuthorizedException also
 * means a wrong password, which needs none).
 */
const ADVICE_BY_MESSAGE: Record<string, [RegExp, string][]> = {
  NotAuthorizedException: [
    [/SECRET_HASH|secret hash|configured with secret/i, COGNITO_ADVICE.NotAuthorizedException as string],
    [
      /Password attempts exceeded/i,
      'Five failed sign-ins locked the user out: 1 second, doubling with each further failure up to about 15 minutes; a success or 15 minutes without attempts ends it. Sign in with the right password, and give each run a new user.',
    ],
  ],
  LimitExceededException: [
    [/daily email limit/i, COGNITO_ADVICE.LimitExceededException as string],
    [
      /Attempt limit exceeded/i,
      'Cognito limits the requests of one user per hour (5 resends, 15 confirmations, 5 password resets …, wrong or right): ' +
        "give each run a new address, as the fixtures do; wait an hour before using this one again; don't re-run one address in a loop.",
    ],
  ],
  InvalidParameterException: [
    [
      /no registered\/verified email|reset password/i,
      'The user has no verified email to send a reset code to (email_verified false), or the pool recovers accounts by another way than email.',
    ],
    [
      /flow not enabled for this client/i,
      "Add the flow to the app client's ExplicitAuthFlows: ALLOW_USER_SRP_AUTH is Amplify's default sign-in, ALLOW_REFRESH_TOKEN_AUTH keeps a session.",
    ],
  ],
};

/** The error's message with what to do about it, when we know. */
export function withAdvice(name: string, message: string): string {
  const byMessage = ADVICE_BY_MESSAGE[name];
  const advice = byMessage ? byMessage.find(([when]) => when.test(message))?.[1] : COGNITO_ADVICE[name];
  return advice && !message.includes(advice) ? `${message} (${name}: ${advice})` : message;
}
