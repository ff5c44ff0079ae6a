import { COGNITO_ERRORS, expect, test } from '../../fixtures';

const REFUSED = COGNITO_ERRORS.incorrectPassword.message;

test.describe('on the main pool', () => {
  test('a signed-in user changes their email: the code goes to the new address, not the old; once verified, the new address signs in', async ({
    confirmedUser,
    session,
    emailChange,
    secondInbox,
    users,
  }) => {
    const moved = { email: secondInbox.address, password: confirmedUser.password };

    await session.signIn(confirmedUser);
    const mail = await emailChange.changeEmail(confirmedUser, secondInbox);
    await emailChange.verify(mail.code);

    await test.step(`Cognito holds ${moved.email} as the user's email, verified`, async () => {
      await expect
        .poll(() => users.getUserAttributes(moved.email), { message: `Cognito holds no verified ${moved.email} as the user's email after VerifyUserAttribute` })
        .toMatchObject({ email: moved.email, email_verified: 'true' });
    });

    await emailChange.signOut();
    await session.expectSignInRefused(confirmedUser, REFUSED);
    await session.signIn(moved);
  });
});

test.describe('on a pool that keeps the original address', () => {
  test('with a pool that keeps the original email until the new one is verified, the old address signs in until then, and the new one only after', async ({
    newUser,
    poolVariants,
    session,
    emailChange,
    secondInbox,
  }) => {
    const pool = await poolVariants.use('keepOriginalEmail');
    const change = emailChange.in(pool);
    const at = pool.appPath;
    const user = await change.confirmedUser(newUser);
    const moved = { email: secondInbox.address, password: user.password };

    await session.signIn(user, { at });
    const mail = await change.changeEmail(user, secondInbox);
    await change.expectOriginalKept(user);
    await change.expectOnlyOldAddressSignsIn(user);
    await change.verify(mail.code);

    await test.step(`Cognito holds ${moved.email} as the user's email, verified`, async () => {
      await expect
        .poll(() => pool.users.getUserAttributes(moved.email), { message: `Cognito holds no verified ${moved.email} as the user's email after VerifyUserAttribute` })
        .toMatchObject({ email: moved.email, email_verified: 'true' });
    });

    await change.signOut();
    await session.expectSignInRefused(user, REFUSED, { at });
    await session.signIn(moved, { at });
  });
});
