import type { Page } from '@playwright/test';
import { verificationTemplate } from '../../common/cognito-texts.js';
import { createMailBackend } from '../../config/mail-backend.js';
import type { Target } from '../../config/target.js';
import { createCognitoClient } from '../../helpers/cognito/client.js';
import { DeletionGuard } from '../../helpers/cognito/deletion-guard.js';
import { describePool } from '../../helpers/cognito/pool-description.js';
import { CognitoUsers } from '../../helpers/cognito/users.js';
import { codeReading } from '../../helpers/mail/code-reading.js';
import { DisposableInbox } from '../../helpers/mail/disposable-inbox.js';
import { generatePassword } from '../../helpers/password.js';
import { locate, locateField } from '../../pages/control.js';
import { reach } from './explore.js';
import { guessConfirmCode, guessConfirmed, type ScreenGuess, type Slot } from './guess.js';
import { nextScreen, surveyScreen, type ScreenSurvey, type SeenControl } from './survey.js';

/** What one real sign-up through the page showed, as far as it got. */
export interface SignUpSeen {
  /** The throwaway address it signed up with (the suite's own, deleted afterwards). */
  email: string;
  codeScreen?: { survey: ScreenSurvey; guess: ScreenGuess };
  confirmedScreen?: { survey: ScreenSurvey; guess: ScreenGuess };
  /** Where it stopped, and why; undefined when it went through. */
  stopped?: string;
  /** What the clean-up did: the user deleted, or why not. */
  cleanup: string;
}

/** How long a screen may take to follow a submit: the page's Cognito call and its render. */
const SUBMIT_SETTLES_MS = 15_000;

const wordOf = (guess: ScreenGuess, key: string) => guess.slots.find((s) => s.key === key)?.word;
const labelOf = (guess: ScreenGuess, key: string) => {
  const word = wordOf(guess, key);
  return word && 'label' in word ? word.label : undefined;
};
const controlOf = (guess: ScreenGuess, key: string): SeenControl | undefined => {
  const word = wordOf(guess, key);
  return word && 'control' in word ? word.control : undefined;
};

/** The page's alerts, in its words, for a screen that did not come. */
const alertsOn = (survey: ScreenSurvey) => (survey.texts.length ? ` The page says: ${survey.texts.map((t) => JSON.stringify(t)).join(', ')}.` : '');

/**
 * Each guessed word as the stories will look for it (pages/control.ts: a
 * field by exact label, a control by role and exact name, a heading by name,
 * the text within the page): a word that finds nothing, or more than one
 * field or control, becomes a TODO saying so.
 */
export async function checkOnPage(page: Page, guess: ScreenGuess): Promise<ScreenGuess> {
  const slots: Slot[] = [];
  for (const slot of guess.slots) {
    const { word } = slot;
    // The control that shows the screen is on the screen before it, looked for there.
    if (!word || slot.key === 'reachedBy') {
      slots.push(slot);
      continue;
    }
    const [found, what] =
      'control' in word
        ? [await locate(page, word.control).count(), `${word.control.role} "${word.control.name}"`]
        : 'textWithEmail' in word
          ? [Math.min(1, await page.getByText(word.textWithEmail).count()), `the text "${word.textWithEmail}"`]
          : slot.key === 'heading' || slot.key === 'requestHeading'
            ? [Math.min(1, await page.getByRole('heading', { name: word.label }).count()), `the heading "${word.label}"`]
            : [await locateField(page, word.label).count(), `the field labelled "${word.label}"`];
    const optional = slot.key === 'reachedBy' || slot.key === 'resend' || slot.key === 'confirmPassword';
    if (found === 1) slots.push(slot);
    else if (!optional) slots.push({ key: slot.key, todo: `${what} is ${found ? `${found} things` : 'nowhere'} on the page as the stories look for it: write a word that finds exactly one` });
  }
  return { ...guess, slots };
}

/**
 * Signs up once, for real, through the page: the sign-up form filled with a
 * throwaway address the suite owns (a disposable MailDev inbox) and a
 * password made for it, the mailed code read from that inbox and entered,
 * each screen surveyed on the way. Nothing else is pressed. The user is
 * deleted afterwards, through the one guarded deletion (CognitoUsers), pass
 * or fail.
 */
export async function signUpThroughPage(page: Page, url: string, signUp: ScreenGuess, target: Target, emailTimeoutMs: number): Promise<SignUpSeen> {
  const client = createCognitoClient(target.cognito);
  const mail = await createMailBackend(target.mail);
  const users = new CognitoUsers({ client, userPoolId: target.cognito.userPoolId, guard: new DeletionGuard(mail.created) });
  const handle = await mail.createInbox('new page scaffold');
  const seen: SignUpSeen = { email: handle.address, cleanup: '' };
  // The same record is returned whatever happens, so that the clean-up's outcome reaches it.
  const stop = (why: string) => Object.assign(seen, { stopped: why });
  try {
    const pool = await describePool(client, target.cognito.userPoolId);
    const inbox = new DisposableInbox(mail, handle, verificationTemplate(pool), emailTimeoutMs, {}, codeReading({}, pool.LambdaConfig));
    const [email, password, confirmPassword, submit] = [labelOf(signUp, 'email'), labelOf(signUp, 'password'), labelOf(signUp, 'confirmPassword'), controlOf(signUp, 'submit')];
    if (!email || !password || !submit) return stop('the sign-up form is not known well enough to fill in (see its TODO lines)');

    const reachedBy = controlOf(signUp, 'reachedBy');
    const form = await reach(page, url, reachedBy ? [reachedBy] : []);
    if (form === undefined) return stop(`the sign-up form did not show${reachedBy ? ` after pressing ${reachedBy.role} "${reachedBy.name}"` : ''}`);
    const secret = generatePassword(pool.Policies?.PasswordPolicy);
    await locateField(page, email).fill(handle.address);
    await locateField(page, password).fill(secret);
    if (confirmPassword) await locateField(page, confirmPassword).fill(secret);
    const since = new Date();
    await locate(page, submit).click();
    // The form, gone or with an alert under it: a screen that merely started to change (a spinner) is not the next one.
    const codeTree = await nextScreen(page, form, { timeout: SUBMIT_SETTLES_MS, until: (tree) => !tree.includes(`"${password}"`) || /- alert\b/.test(tree) }).catch(
      (error: Error) => error,
    );
    if (codeTree instanceof Error) return stop(`after pressing "${submit.name}", ${codeTree.message}`);
    const codeSurvey = await surveyScreen(page, codeTree);
    if (codeSurvey.fields.includes(password)) return stop(`the page stayed on the sign-up form after pressing "${submit.name}".${alertsOn(codeSurvey)}`);
    const codeGuess = await checkOnPage(page, guessConfirmCode(codeSurvey));
    seen.codeScreen = { survey: codeSurvey, guess: codeGuess };

    const mailed = await inbox.waitForVerificationEmail({ since, kind: 'signUp' }).catch((error: Error) => error);
    if (mailed instanceof Error) return stop(`the sign-up code did not come: ${mailed.message}`);
    const [code, verify] = [labelOf(codeGuess, 'code'), controlOf(codeGuess, 'submit')];
    if (!code || !verify) return stop('the code screen is not known well enough to enter the mailed code (see its TODO lines)');
    await locateField(page, code).fill(mailed.code);
    await locate(page, verify).click();
    const confirmedTree = await nextScreen(page, codeTree, { timeout: SUBMIT_SETTLES_MS, until: (tree) => !tree.includes(`"${code}"`) || /- alert\b/.test(tree) }).catch(
      (error: Error) => error,
    );
    if (confirmedTree instanceof Error) return stop(`after entering the mailed code and pressing "${verify.name}", ${confirmedTree.message}`);
    const confirmedSurvey = await surveyScreen(page, confirmedTree);
    if (confirmedSurvey.fields.includes(code)) return stop(`the page stayed on the code screen after the mailed code was entered.${alertsOn(confirmedSurvey)}`);
    seen.confirmedScreen = { survey: confirmedSurvey, guess: await checkOnPage(page, guessConfirmed(confirmedSurvey, handle.address)) };
    return seen;
  } finally {
    // The page first: a call it still has on its way must not create the user again after the deletion.
    await page.close();
    seen.cleanup = await users.deleteUserIfExists(handle.address).then(
      ({ deleted }) => (deleted ? `the user ${handle.address} was deleted from pool ${target.cognito.userPoolId}` : `no user ${handle.address} was left in pool ${target.cognito.userPoolId}`),
      (error: Error) => `the user ${handle.address} could not be deleted (${error.message}): \`npm run janitor\` sweeps the suite's own users`,
    );
    await mail.deleteInbox(handle).catch(() => undefined);
    await mail.close();
    client.destroy();
  }
}
