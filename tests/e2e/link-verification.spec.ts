import { anotherCode, COGNITO_ERRORS, expect, test } from '../../fixtures';

/** The same link with another six-digit code: what a typo, or a forger, would open. */
const tampered = (link: string) => {
  const url = new URL(link);
  const code = url.searchParams.get('confirmation_code') ?? '000000';
  url.searchParams.set('confirmation_code', anotherCode(code));
  return url.href;
};

test('on a pool that confirms by link, the mail carries a link to Cognito for this client and user; a tampered link is refused, the link confirms the account, once', async ({
  newUser,
  poolVariants,
  linkVerification,
}) => {
  const pool = await poolVariants.use('linkVerification');
  const mail = await linkVerification.signUp(newUser, pool);

  const username = await test.step('Cognito holds the user as UNCONFIRMED', async () => {
    const [user] = await pool.users.findByEmail(newUser.email);
    expect(user?.UserStatus).toBe('UNCONFIRMED');
    return user?.Username as string;
  });

  await linkVerification.checkLink(mail, { on: pool, username });
  await linkVerification.expectRefused(tampered(mail.link), COGNITO_ERRORS.codeMismatch.message, 'a link with another code');

  await test.step('the tampered link left the user UNCONFIRMED', async () => {
    expect(await pool.users.getUserStatus(newUser.email)).toBe('UNCONFIRMED');
  });

  await linkVerification.follow(mail.link);

  await test.step('Cognito says the user is CONFIRMED', async () => {
    await expect.poll(() => pool.users.getUserStatus(newUser.email)).toBe('CONFIRMED');
  });

  await linkVerification.expectRefused(mail.link, COGNITO_ERRORS.alreadyConfirmed.message, 'the same link again');
});
