import { expect, test } from '@playwright/test';
import { POOL_CREATION_SETTINGS, poolSettings } from '../../common/pool-settings';
import { messageFor } from '../../common/cognito-texts';

// The embedded stack's three pools, as bootstrap wrote them out before the settings moved to common/:
// the shared definition must give them exactly, so the stack behaves as it did.
const MAIN = {
  AutoVerifiedAttributes: ['email'],
  Policies: { PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } },
  VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
  EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
  AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
};

test("the embedded stack's pools: the settings they had before the definition was shared", () => {
  expect(POOL_CREATION_SETTINGS).toEqual({ UsernameAttributes: ['email'] });
  expect(poolSettings({ confirmBy: 'code', keepOriginalEmail: false })).toEqual(MAIN);
  expect(poolSettings({ confirmBy: 'link', keepOriginalEmail: false })).toEqual({ ...MAIN, VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } });
  expect(poolSettings({ confirmBy: 'code', keepOriginalEmail: true })).toEqual({
    ...MAIN,
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
  });
});

test("a pool on SES carries templates in Cognito's own words: its mails read as a pool on Cognito's sender", () => {
  const ses = { from: 'Test <no-reply@example.com>', sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.com' };
  const values = { code: '123456', username: 'a@example.com', link: 'https://pool.example/confirmUser?x=1' };
  for (const confirmBy of ['code', 'link'] as const) {
    const onSes = poolSettings({ confirmBy, keepOriginalEmail: false, ses });
    const onCognito = poolSettings({ confirmBy, keepOriginalEmail: false });
    expect(onSes.EmailConfiguration).toEqual({ EmailSendingAccount: 'DEVELOPER', From: ses.from, SourceArn: ses.sourceArn });
    for (const kind of ['SignUp', 'ForgotPassword', 'AdminCreateUser', 'UpdateUserAttribute'] as const) {
      expect(messageFor(kind, onSes, values), `${confirmBy} pool, ${kind}`).toEqual(messageFor(kind, onCognito, values));
    }
  }
});
