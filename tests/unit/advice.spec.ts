import { expect, test } from '@playwright/test';
import { withAdvice } from '../../helpers/cognito/advice';

test('an exception that means different things gets advice only for the message it fits', () => {
  const flow = withAdvice('InvalidParameterException', 'USER_SRP_AUTH flow not enabled for this client');
  expect(flow).toContain("Add the flow to the app client's ExplicitAuthFlows");
  expect(flow).not.toContain('reset code');

  const reset = withAdvice('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number');
  expect(reset).toContain('no verified email to send a reset code to');

  expect(withAdvice('InvalidParameterException', 'Missing required parameter SRP_A')).toBe('Missing required parameter SRP_A');
  expect(withAdvice('NotAuthorizedException', 'Incorrect username or password.')).toBe('Incorrect username or password.');
  expect(withAdvice('NotAuthorizedException', 'Client 1abc is configured with secret but SECRET_HASH was not received')).toContain('set COGNITO_CLIENT_SECRET');
  expect(withAdvice('LimitExceededException', 'Exceeded daily email limit for the operation or the account.')).toContain('Amazon SES');
  expect(withAdvice('LimitExceededException', 'Attempt limit exceeded, please try after some time.')).toContain('give each run a new address');
  expect(withAdvice('LimitExceededException', 'Attempt limit exceeded, please try after some time.')).not.toContain('SES');
  expect(withAdvice('NotAuthorizedException', 'Password attempts exceeded')).toContain('Five failed sign-ins locked the user out');
});
