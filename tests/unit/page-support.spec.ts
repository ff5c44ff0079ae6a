// Which stories a page's description lets run, and the reason of each skip:
// the screen or control the page lacks, and the field of which file adds it.
import { expect, test, type Page } from '@playwright/test';
import { UIS, descriptionFile, hasScreen, screensOf, type PageDescription } from '../../pages';
import { pageSupport, withPageSupport } from '../../plan/page-support';
import { storyChecks } from '../../tools/doctor/story-checks';
import { SCREEN_NAMES, STORY_KEYS, storyRecord, type OptionalScreen, type StoryKey } from '../../plan/stories';

// Screens are only built here, never driven: a page that answers the one call a screen makes when it is built.
const NO_PAGE = { getByRole: () => ({}) } as unknown as Page;

const judge = (name: string, description: PageDescription) => {
  const page = { name, file: descriptionFile(name), description };
  return Object.fromEntries(STORY_KEYS.map((key) => [key, pageSupport(page, storyRecord(key))])) as Record<StoryKey, ReturnType<typeof pageSupport>>;
};
const skipped = (support: ReturnType<typeof judge>) => STORY_KEYS.filter((key) => !support[key].runs);

test('the Authenticator demo tells every story; the custom form all but those of the screens it lacks; the minimal form the sign-up stories', () => {
  expect(skipped(judge('amplify', UIS.amplify))).toEqual([]);
  expect(skipped(judge('custom-form', UIS['custom-form']))).toEqual(['invitation', 'emailChange', 'keepOriginalEmail', 'emailCodeSignIn', 'expiredSignInCode', 'emailMfa', 'passwordlessSignUp', 'passkeys', 'passkeyAfterDelete']);
  expect(skipped(judge('minimal-form', UIS['minimal-form']))).toEqual(
    STORY_KEYS.filter((key) => storyRecord(key).screens?.length),
  );
});

test("a screen the page lacks: the reason names it, and the field and file that add it", () => {
  const support = judge('custom-form', UIS['custom-form']);
  expect(support.emailCodeSignIn.why).toBe("page 'custom-form' has no sign-in code screen (passwordless): add `signInByCode` to pages/ui/custom-form.ts");
  expect(support.emailMfa.why).toBe("page 'custom-form' has no MFA code screen (a second factor after the password): add `mfaCode` to pages/ui/custom-form.ts");
  expect(judge('minimal-form', UIS['minimal-form']).forgotPassword.why).toBe("page 'minimal-form' has no sign-in screen: add `signIn` and `signedIn` to pages/ui/minimal-form.ts");
});

test('the MFA code screen and the passwordless one are separate slots: either runs its own story alone', () => {
  const { mfaCode, ...passwordless } = UIS.amplify;
  expect(mfaCode).toBeDefined();
  const onlyPasswordless = judge('acme', passwordless);
  expect(onlyPasswordless.emailCodeSignIn.runs).toBe(true);
  expect(onlyPasswordless.emailMfa.runs).toBe(false);
  const { signInByCode, ...onlyMfa } = UIS.amplify;
  expect(signInByCode).toBeDefined();
  expect(judge('acme', onlyMfa).emailMfa.runs).toBe(true);
  expect(judge('acme', onlyMfa).emailCodeSignIn.runs).toBe(false);
});

test('a control the page lacks on a screen it has: only the stories that press it skip, naming the field', () => {
  const resetPassword = { ...UIS.amplify.resetPassword!, resend: undefined };
  const support = judge('acme', { ...UIS.amplify, resetPassword });
  expect(support.forgotPassword).toEqual({ runs: false, why: "page 'acme' has no control that mails another reset code: add `resetPassword.resend` to pages/ui/acme.ts", of: 'page' });
  expect(support.passwordResetByAdmin.runs, "the admin's reset asks for no second code").toBe(true);

  const confirmCode = { ...UIS.amplify.confirmCode, resend: undefined };
  const withoutResend = judge('acme', { ...UIS.amplify, confirmCode });
  expect(skipped(withoutResend)).toEqual(['resendCode', 'resendLimit', 'expiredCode']);
  expect(withoutResend.resendCode.why).toBe("page 'acme' has no control that mails another sign-up code: add `confirmCode.resend` to pages/ui/acme.ts");
});

test("a description's own screen class counts as the screen, with no words for it, and is the screen the stories get", () => {
  const { signInByCode, ...rest } = UIS.amplify;
  const mine = { mine: true } as never;
  const own: PageDescription = { ...rest, screens: { signInByCode: () => mine, signUp: () => mine } };
  expect(signInByCode).toBeDefined();
  expect(judge('acme', own).emailCodeSignIn.runs).toBe(true);
  const screens = screensOf(NO_PAGE, own);
  expect(screens.signInByCode).toBe(mine);
  expect(screens.signUp).toBe(mine);
  expect(screens.confirmCode).not.toBe(mine);
});

test('the screens a description has, by which stories skip, are the screens screensOf builds from it', () => {
  const ownAccount: PageDescription = { ...UIS['custom-form'], screens: { account: () => ({}) as never } };
  for (const description of [...Object.values(UIS), ownAccount]) {
    const built = screensOf(NO_PAGE, description);
    for (const screen of Object.keys(SCREEN_NAMES) as OptionalScreen[]) expect(hasScreen(description, screen), screen).toBe(screen in built);
  }
});

test("the doctor's story lines: a story the pool allows and the page cannot tell is a skip of the page's, with the fix in the description", () => {
  const pool = Object.fromEntries(STORY_KEYS.map((key) => [key, { runs: true, why: 'the pool allows it' }])) as Parameters<typeof withPageSupport>[0];
  const support = withPageSupport(pool, { name: 'custom-form', file: descriptionFile('custom-form'), description: UIS['custom-form'] });
  const lines = storyChecks({ AutoVerifiedAttributes: ['email'] }, support);
  expect(lines).toContainEqual({
    status: 'warn',
    title: 'Story "email as a second factor (MFA)" will be skipped',
    detail: "page 'custom-form' has no MFA code screen (a second factor after the password): add `mfaCode` to pages/ui/custom-form.ts",
    fix: "Add it to the page's description (docs/adopting.md), or accept the skip: the report names it.",
  });
  expect(support.signUp).toEqual({ runs: true, why: 'the pool allows it' });
});

test("a story on one of the stack's other pools runs on a page that says where it uses that pool, and otherwise skips saying the page cannot be pointed at it", () => {
  const page = (name: string, description: PageDescription) => ({ name, file: descriptionFile(name), description });
  const separate = ['linkVerification', 'keepOriginalEmail'] as const;
  expect(pageSupport(page('amplify', UIS.amplify), storyRecord('linkVerification'), separate).runs).toBe(true);
  expect(pageSupport(page('minimal-form', UIS['minimal-form']), storyRecord('linkVerification'), separate)).toEqual({
    runs: false,
    why:
      "page 'minimal-form' cannot be pointed at another pool: the story needs a pool that confirms by link, with a domain for its links, which the stack has beside its main pool " +
      '(npm run stack prints it as LINK_VERIFICATION_USER_POOL_ID). Add `pools.linkVerification`, the path, query or URL at which your page uses that pool, to pages/ui/minimal-form.ts',
    of: 'page',
  });
  expect(pageSupport(page('acme', { ...UIS.amplify, pools: { linkVerification: '/by-link' } }), storyRecord('keepOriginalEmail'), separate).why).toContain(
    'Add `pools.keepOriginalEmail`',
  );
  // Against AWS the main pool is the one of that kind: the page at BASE_URL is already on it.
  expect(pageSupport(page('minimal-form', UIS['minimal-form']), storyRecord('linkVerification'), []).runs).toBe(true);
});
