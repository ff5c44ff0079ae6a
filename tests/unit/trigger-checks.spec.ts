import { expect, test } from '@playwright/test';
import { functionName, mailTriggers } from '../../common/lambda-triggers';
import { SIGN_UP_MAIL_STORIES, STORIES, STORY_KEYS } from '../../plan/stories';
import { storySupport } from '../../plan/story-support';
import { stackTriggerCheck, triggerChecks } from '../../tools/doctor/trigger-checks';
import { formatChecklist } from '../../tools/doctor/check-result';

const arn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;
const ALL_THREE = {
  LambdaConfig: {
    CustomMessage: arn('acme-branded-mail'),
    PreSignUp: arn('acme-pre-sign-up:live'),
    CustomEmailSender: { LambdaArn: arn('acme-mail-sender'), LambdaVersion: 'V1_0' as const },
    KMSKeyID: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  },
};
const BRANDED = { LambdaConfig: { CustomMessage: arn('acme-branded-mail') } };
const titles = (results: ReturnType<typeof triggerChecks>) => results.map((r) => `${r.status} ${r.title}`);

test.describe('mailTriggers: the pool\'s LambdaConfig, by function name', () => {
  test('each mail trigger by the last part of its ARN, an alias or version left out; the others ignored', () => {
    expect(
      mailTriggers({ ...ALL_THREE.LambdaConfig, PostConfirmation: arn('acme-welcome') } as Parameters<typeof mailTriggers>[0]),
    ).toEqual({ customMessage: 'acme-branded-mail', customEmailSender: 'acme-mail-sender', preSignUp: 'acme-pre-sign-up' });
    expect(functionName(`${arn('acme-branded-mail')}:3`)).toBe('acme-branded-mail');
    expect(functionName('not-an-arn')).toBe('not-an-arn');
  });

  test('a pool without triggers, or with no LambdaConfig at all, has none', () => {
    expect(mailTriggers(undefined)).toEqual({});
    expect(mailTriggers({})).toEqual({});
    expect(mailTriggers({ CustomEmailSender: {} })).toEqual({});
  });
});

test.describe("the doctor's lines about triggers and code rules", () => {
  test('all three triggers: a ⚠ each, naming its function, with what it means and the fix', () => {
    const results = triggerChecks(ALL_THREE, {});
    expect(titles(results)).toEqual([
      "warn The pool's mails are written by its CustomMessage trigger, function acme-branded-mail",
      "warn The pool's mails are sent by its CustomEmailSender trigger, function acme-mail-sender, through the team's own provider",
      'warn The pool runs a PreSignUp trigger, function acme-pre-sign-up, before every sign-up',
    ]);
    const [customMessage, customEmailSender, preSignUp] = results;
    expect(customMessage?.detail).toBe(
      "the mails are the trigger's, not the pool's templates; the code is found in: " +
        "sign-up, resent code, password reset, email change, sign-in code by the one number of the code's length standing alone in the mail's text (no rule set); " +
        "invitation: no rule set, so by the words of the pool's invitation template, which a branded invitation does not have",
    );
    expect(customMessage?.fix).toContain('CODE_IN_MAIL for every kind, or CODE_IN_<KIND>_MAIL for one (a /regex/ with one capture group, or the words around {####})');
    expect(customMessage?.fix).toContain('The invitation needs CODE_IN_INVITATION_MAIL as a /regex/ that captures the temporary password');
    expect(customEmailSender?.detail).toBe(
      "Cognito hands it each code encrypted with KMS and sends no mail itself: a mail reaches the test inbox only if acme-mail-sender sends to the suite's test addresses; " +
        'the code is found as for the CustomMessage trigger',
    );
    expect(preSignUp?.detail).toContain('it may refuse the suite\'s test addresses, and the page shows "PreSignUp failed with error …", or confirm them at once, so that no mail is sent');
    expect(preSignUp?.detail).toContain(`stories that wait for the sign-up mail: ${SIGN_UP_MAIL_STORIES.map((key) => `"${STORIES[key].name}"`).join(', ')}`);
    expect(preSignUp?.detail).toContain('AdminCreateUser runs it too ("admin invitation")');
    expect(formatChecklist(results)).toMatch(/^0 ✓, 3 ⚠, 0 ✗$/m);
  });

  test('a CustomMessage trigger with rules: which variable reads each kind, never its value', () => {
    const env = { CODE_IN_MAIL: 'Your Acme code: {####}', CODE_IN_SIGN_UP_MAIL: '/welcome code (\\d{6})/', CODE_IN_INVITATION_MAIL: '/password: (\\S+)/' };
    const [line, ...others] = triggerChecks(BRANDED, env);
    expect(others).toEqual([]);
    expect(line).toEqual({
      status: 'warn',
      title: "The pool's mails are written by its CustomMessage trigger, function acme-branded-mail",
      detail:
        "the mails are the trigger's, not the pool's templates; the code is found in: sign-up by CODE_IN_SIGN_UP_MAIL; " +
        'resent code, password reset, email change, sign-in code by CODE_IN_MAIL; invitation by CODE_IN_INVITATION_MAIL',
      fix: "Keep the CODE_IN_*_MAIL rules in step with the function's mails.",
    });
    const printed = formatChecklist([line as NonNullable<typeof line>]);
    for (const value of Object.values(env)) expect(printed).not.toContain(value);
  });

  test('an invitation read by a words rule is named as unable to read a temporary password', () => {
    const [line] = triggerChecks(BRANDED, { CODE_IN_MAIL: 'Your Acme code: {####}' });
    expect(line?.detail).toContain('invitation by CODE_IN_MAIL: a words rule, which reads digits only, and a temporary password is not');
    expect(line?.fix).toContain('The invitation needs CODE_IN_INVITATION_MAIL as a /regex/');
  });

  test('a CustomEmailSender alone says where the code is found itself, and the fix for the rules', () => {
    const [line] = triggerChecks({ LambdaConfig: { CustomEmailSender: { LambdaArn: arn('acme-mail-sender'), LambdaVersion: 'V1_0' } } }, { CODE_IN_RESEND_MAIL: 'Resend: {####}' });
    expect(line?.status).toBe('warn');
    expect(line?.detail).toContain('the code is found in: sign-up, password reset, email change, sign-in code by the one number of');
    expect(line?.detail).toContain('resent code by CODE_IN_RESEND_MAIL');
    expect(line?.fix).toMatch(/^Let acme-mail-sender deliver to the suite's test addresses \(a new inbox each test\) as to any user\. Where a mail shows another number/);
  });

  test('PreSignUp names only the stories that will run', () => {
    const [line] = triggerChecks({ LambdaConfig: { PreSignUp: arn('acme-pre-sign-up') } }, {}, ['signUp', 'resendCode', 'forgotPassword']);
    expect(line?.detail).toMatch(/stories that wait for the sign-up mail: "sign-up", "resend", "forgot password"$/);
    expect(line?.detail).not.toContain('stale session');
    expect(line?.detail).not.toContain('AdminCreateUser');
  });

  test('rules on a pool without a mail trigger: ✓, they override the template words', () => {
    expect(triggerChecks({}, { CODE_IN_SIGN_UP_MAIL: '/welcome code (\\d{6})/' })).toEqual([
      {
        status: 'ok',
        title: "CODE_IN_SIGN_UP_MAIL set: the rules override the words of the pool's templates",
        detail:
          'the pool has no CustomMessage or CustomEmailSender trigger; the code is found in: sign-up by CODE_IN_SIGN_UP_MAIL; ' +
          "resent code, password reset, invitation, email change, sign-in code by the words of the pool's template",
      },
    ]);
  });

  test('no trigger and no rule: no line at all', () => {
    expect(triggerChecks({}, {})).toEqual([]);
    expect(triggerChecks({ LambdaConfig: { PostConfirmation: arn('acme-welcome') } }, { CODE_IN_MAIL: '' })).toEqual([]);
  });

  test('a wrong rule: a ✗ of the configuration, with its fix', () => {
    expect(triggerChecks(BRANDED, { CODE_IN_SIGN_UP_MAIL: '/code (\\d{6}) (\\w+)/' })).toEqual([
      expect.objectContaining({ status: 'fail', title: 'Configuration', detail: expect.stringMatching(/^CODE_IN_SIGN_UP_MAIL=".*" has 2 capture groups/) }),
    ]);
  });
});

test('the stories that wait for the sign-up mail are those a pool that mails nothing at sign-up cannot run', () => {
  const client = { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const, 'ALLOW_USER_PASSWORD_AUTH' as const, 'ALLOW_REFRESH_TOKEN_AUTH' as const, 'ALLOW_USER_AUTH' as const] };
  const pool = {
    Id: 'local_pool',
    AutoVerifiedAttributes: [],
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD' as const, 'EMAIL_OTP' as const] } },
    MfaConfiguration: 'OPTIONAL' as const,
    EmailMfaConfiguration: {},
  };
  const support = storySupport(pool, client, { keepOriginalEmail: { userPoolId: 'local_pool' } });
  const skipped = STORY_KEYS.filter((key) => !support[key].runs);
  // The link story waits for its link at sign-up; on this code pool it is skipped for its own reason (no link pool).
  expect(support.linkVerification.why).toMatch(/confirms by code, not by link/);
  expect([...SIGN_UP_MAIL_STORIES].sort()).toEqual([...skipped].sort());
  expect(support.invitation.runs).toBe(true);
});

test.describe('the embedded stack runs the triggers the settings name', () => {
  const example = 'examples/branded-email/acme-custom-message.ts';
  const running = { LambdaConfig: { CustomMessage: 'arn:aws:lambda:local:000000000000:function:acme-custom-message' } };

  test('the same functions on both sides: ✓ naming them; none on both: ✓', () => {
    expect(stackTriggerCheck(running, { LOCAL_CUSTOM_MESSAGE_TRIGGER: example })).toEqual({ status: 'ok', title: 'The embedded stack runs your triggers: CustomMessage acme-custom-message' });
    expect(stackTriggerCheck({ LambdaConfig: {} }, {}).status).toBe('ok');
  });

  test('a stack started with other settings: ✗ naming both sides, with the fix', () => {
    const reused = stackTriggerCheck({ LambdaConfig: {} }, { LOCAL_CUSTOM_MESSAGE_TRIGGER: example });
    expect(reused).toMatchObject({ status: 'fail', detail: "CustomMessage: LOCAL_CUSTOM_MESSAGE_TRIGGER names function acme-custom-message, the stack's pool runs none" });
    expect(reused.fix).toContain('Stop it and run again');
    expect(stackTriggerCheck(running, {}).detail).toBe("CustomMessage: LOCAL_CUSTOM_MESSAGE_TRIGGER names none, the stack's pool runs function acme-custom-message");
  });
});
