/**
 * A pool's Lambda triggers that decide its mail, as DescribeUserPool shows
 * them (LambdaConfig), read the same way by the doctor, the target's
 * resolution and the embedded stack.
 */

/** The fields of LambdaConfig (SDK v3 shape) that change what mail a user gets, or whether one is sent at all. */
export interface MailLambdaConfig {
  CustomMessage?: string;
  CustomEmailSender?: { LambdaArn?: string; LambdaVersion?: string };
  PreSignUp?: string;
}

/** Each trigger that changes the pool's mail, by its function's name (the ARN's last part); absent when not set. */
export interface MailTriggers {
  /** Replaces the subject and body of every message (sign-up, resend, reset, invitation, attribute, sign-in code). */
  customMessage?: string;
  /** Sends the mail itself, through the team's own provider; Cognito sends nothing. */
  customEmailSender?: string;
  /** Runs before a sign-up: may reject it, or confirm the user at once so that no code is mailed. */
  preSignUp?: string;
}

/** `my-function` of `arn:aws:lambda:eu-west-1:123456789012:function:my-function[:alias]`; anything else as it is. */
export function functionName(arn: string): string {
  const match = /:function:([^:]+)/.exec(arn);
  return match ? (match[1] as string) : arn;
}

export function mailTriggers(config: MailLambdaConfig | undefined): MailTriggers {
  const triggers: MailTriggers = {};
  if (config?.CustomMessage) triggers.customMessage = functionName(config.CustomMessage);
  if (config?.CustomEmailSender?.LambdaArn) triggers.customEmailSender = functionName(config.CustomEmailSender.LambdaArn);
  if (config?.PreSignUp) triggers.preSignUp = functionName(config.PreSignUp);
  return triggers;
}

/** The ARN the embedded stack gives a team's module, so DescribeUserPool shows it as AWS shows a Lambda function. */
export function localFunctionArn(name: string): string {
  return `arn:aws:lambda:local:000000000000:function:${name}`;
}
