import { expect, test } from '@playwright/test';
import { customMessageEvent, renderCustomMessage } from '../../common/custom-message';
import { functionName, mailTriggers } from '../../common/lambda-triggers';
import { StackSettingsError, lambdaConfigOf, parseTriggerModule } from '../../local/stack-settings';

const CODE_POOL = {};
const LINK_POOL = { VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } };
const values = { code: '482913', username: 'ada@example.test', link: 'http://127.0.0.1:9230/confirmUser?client_id=c&user_name=u&confirmation_code=482913' };

test.describe("what Cognito mails once a CustomMessage trigger has answered", () => {
  test("the trigger's subject and message, every {####} filled", () => {
    const mail = renderCustomMessage('SignUp', CODE_POOL, { emailSubject: 'Welcome', emailMessage: '<p>Code {####}</p><p class="dark">{####}</p>' }, values);
    expect(mail).toEqual({ subject: 'Welcome', body: '<p>Code 482913</p><p class="dark">482913</p>', html: true });
  });

  test('an invitation fills {username} and the temporary password, even one with "$&" in it', () => {
    const mail = renderCustomMessage('AdminCreateUser', CODE_POOL, { emailMessage: 'User {username}, password {####}' }, { ...values, code: 'a$&b' });
    expect(mail.body).toBe('User ada@example.test, password a$&b');
  });

  test('a link pool turns {##words##} into the link, and fills {####} too', () => {
    const mail = renderCustomMessage('SignUp', LINK_POOL, { emailMessage: '{##Confirm my email##} or {####}' }, values);
    expect(mail.body).toBe(`<a href="${values.link.replace(/&/g, '&amp;')}">Confirm my email</a> or 482913`);
  });

  test("a code pool keeps the words of {##…##}, with no link to give", () => {
    expect(renderCustomMessage('ForgotPassword', LINK_POOL, { emailMessage: 'Code {####}. {##Click Here##}' }, values).body).toBe('Code 482913. Click Here');
  });

  test("no emailMessage: the template's body, with the trigger's subject when it gave one; nothing set aside", () => {
    expect(renderCustomMessage('SignUp', CODE_POOL, { emailSubject: 'Branded', emailMessage: null }, values)).toEqual({
      subject: 'Branded',
      body: 'Your verification code is 482913. ',
      html: false,
    });
  });

  test('the template, whole, with the reason, when the message cannot be sent as it is', () => {
    const reasons = [
      renderCustomMessage('SignUp', CODE_POOL, { emailSubject: 'Branded', emailMessage: 'Welcome!' }, values),
      renderCustomMessage('AdminCreateUser', CODE_POOL, { emailMessage: 'Password {####}' }, values),
      renderCustomMessage('SignUp', LINK_POOL, { emailMessage: 'Code {####}' }, values),
      renderCustomMessage('SignUp', CODE_POOL, { emailMessage: `{####}${'x'.repeat(20_000)}` }, values),
      renderCustomMessage('SignUp', CODE_POOL, { emailSubject: 's'.repeat(141), emailMessage: '{####}' }, values),
    ].map((mail) => [mail.subject, mail.setAside]);
    expect(reasons).toEqual([
      ['Your verification code', 'its emailMessage has no {####} (request.codeParameter) for the code'],
      ['Your temporary password', 'its emailMessage has no {username} (request.usernameParameter) for the user name'],
      ['Your verification link', 'its emailMessage has no {##Click Here##} (request.linkParameter) for the confirmation link'],
      ['Your verification code', "its emailMessage has 20006 characters, over Cognito's 20000"],
      ['Your verification code', "its emailSubject has 141 characters, over Cognito's 140"],
    ]);
  });

  test("the event: the trigger's source, the placeholders, and no client for an invitation", () => {
    const details = { userPoolId: 'eu-west-1_AbC', userName: 'sub-1', clientId: null, userAttributes: { email: 'ada@example.test' } };
    expect(customMessageEvent('AdminCreateUser', CODE_POOL, details)).toMatchObject({
      triggerSource: 'CustomMessage_AdminCreateUser',
      region: 'eu-west-1',
      callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
      request: { codeParameter: '{####}', usernameParameter: '{username}', linkParameter: '{##Click Here##}' },
      response: { emailMessage: null, emailSubject: null, smsMessage: null },
    });
    expect(customMessageEvent('ResendCode', CODE_POOL, { ...details, clientId: 'c1' }).request.usernameParameter).toBeNull();
  });
});

test.describe("a pool's triggers, and the stack's settings that run a team's own", () => {
  test('LambdaConfig names each mail-changing trigger by its function', () => {
    expect(
      mailTriggers({
        CustomMessage: 'arn:aws:lambda:eu-west-1:123456789012:function:acme-custom-message:live',
        CustomEmailSender: { LambdaArn: 'arn:aws:lambda:eu-west-1:123456789012:function:acme-sender', LambdaVersion: 'V1_0' },
        PreSignUp: 'arn:aws:lambda:eu-west-1:123456789012:function:acme-pre-sign-up',
      }),
    ).toEqual({ customMessage: 'acme-custom-message', customEmailSender: 'acme-sender', preSignUp: 'acme-pre-sign-up' });
    expect([mailTriggers(undefined), mailTriggers({}), functionName('not-an-arn')]).toEqual([{}, {}, 'not-an-arn']);
  });

  test('LOCAL_CUSTOM_MESSAGE_TRIGGER: a module, and the export after "#" (handler by default)', () => {
    const example = 'examples/branded-email/acme-custom-message.ts';
    expect(parseTriggerModule('LOCAL_CUSTOM_MESSAGE_TRIGGER', example)).toMatchObject({ exportName: 'handler', name: 'acme-custom-message' });
    expect(parseTriggerModule('LOCAL_CUSTOM_MESSAGE_TRIGGER', `${example}#customMessage`)?.exportName).toBe('customMessage');
    expect(parseTriggerModule('LOCAL_CUSTOM_MESSAGE_TRIGGER', ' ')).toBeUndefined();
    const custom = parseTriggerModule('LOCAL_CUSTOM_MESSAGE_TRIGGER', example);
    expect(lambdaConfigOf({ customMessage: custom })).toEqual({ CustomMessage: 'arn:aws:lambda:local:000000000000:function:acme-custom-message' });
  });

  test('a module that is not there, not a module, or a bad export name stops the stack with the fix', () => {
    const problems = ['lambda/missing.ts', 'README.md', 'examples/branded-email/acme-custom-message.ts#a#b'].map((raw) => {
      try {
        parseTriggerModule('LOCAL_PRE_SIGN_UP_TRIGGER', raw, '/work/repo');
        return 'accepted';
      } catch (error) {
        return error instanceof StackSettingsError ? error.message : String(error);
      }
    });
    expect(problems[0]).toBe('LOCAL_PRE_SIGN_UP_TRIGGER="lambda/missing.ts": there is no /work/repo/lambda/missing.ts. The path is read from /work/repo; fix it in .env, or unset it to run no trigger.');
    expect(problems[1]).toMatch(/^LOCAL_PRE_SIGN_UP_TRIGGER="README.md" is not a JavaScript or TypeScript module/);
    expect(problems[2]).toMatch(/after "#" comes the name of the handler's export, once/);
  });
});
