import { LEADS_TO, type VisitedScreen } from './explore.js';
import type { ScreenSurvey, SeenControl } from './survey.js';

/** A word of a description: a label or heading, a control, or a text that holds the user's address (`${email}` in it). */
export type Word = { label: string } | { control: SeenControl } | { textWithEmail: string };

/** One entry of a screen's words: its value, or, when nothing on the page fits, what to write there. */
export interface Slot {
  key: string;
  word?: Word;
  /** Why no word was guessed, and what to write (a required entry); an optional one is left out, saying so. */
  todo?: string;
}

/** A screen's words as guessed, entry by entry, in the order a description writes them. */
export interface ScreenGuess {
  slots: Slot[];
  /** A line said above the screen (where it was seen, what is left out). */
  note?: string;
}

const EMAIL = /e-?mail/i;
// A passphrase is a password in other words (tests/self/support/portal.html).
const PASSWORD = /password|passphrase/i;
const CONFIRM = /confirm|repeat|again/i;
const CODE = /code/i;
const RESEND = /resend|new code|another|(?:send|mail).*again/i;
const SUBMIT_CODE = /confirm|verify|submit|continue|activate|send/i;
const SEND_RESET = /send|reset|code|submit|continue/i;

const label = (value: string | undefined): Word | undefined => (value === undefined ? undefined : { label: value });
const control = (value: SeenControl | undefined): Word | undefined => (value === undefined ? undefined : { control: value });
const slot = (key: string, word: Word | undefined, todo: string): Slot => (word ? { key, word } : { key, todo });
/** An optional entry: left out when the page has none. */
const optional = (key: string, word: Word | undefined): Slot[] => (word ? [{ key, word }] : []);

const buttons = (survey: ScreenSurvey) => survey.controls.filter((c) => c.role === 'button');

/** The button named like `names` (one that submits its form first), else the form's only submit button. */
function submitButton(survey: ScreenSurvey, names: RegExp, except: (c: SeenControl) => boolean = () => false): SeenControl | undefined {
  const candidates = buttons(survey).filter((c) => !except(c));
  const submitting = candidates.filter((c) => c.submits);
  return submitting.find((c) => names.test(c.name)) ?? candidates.find((c) => names.test(c.name)) ?? (submitting.length === 1 ? submitting[0] : undefined);
}

/** The sign-up form's fields and button, as far as the screen shows them: `found` when it has an email and a password field. */
export function guessSignUp(survey: ScreenSurvey, reachedBy?: SeenControl): ScreenGuess & { found: boolean } {
  const email = survey.fields.find((f) => EMAIL.test(f));
  const password = survey.fields.find((f) => PASSWORD.test(f) && !CONFIRM.test(f));
  const confirmPassword = survey.fields.find((f) => f !== email && f !== password && CONFIRM.test(f));
  const submit = submitButton(survey, LEADS_TO.signUp);
  return {
    found: !!email && !!password,
    slots: [
      ...optional('reachedBy', control(reachedBy)),
      slot('email', label(email), `no field labelled like "email" on the sign-up screen (fields: ${JSON.stringify(survey.fields)}): write its label`),
      slot('password', label(password), `no field labelled like "password" or "passphrase" on the sign-up screen (fields: ${JSON.stringify(survey.fields)}): write its label`),
      ...optional('confirmPassword', label(confirmPassword)),
      slot('submit', control(submit), `no button named like sign up, register, create or join, nor one submit button, on the sign-up screen: write the name of the button that sends the form`),
    ],
  };
}

/** The screen that asks for the mailed code. */
export function guessConfirmCode(survey: ScreenSurvey): ScreenGuess {
  const code = survey.fields.find((f) => CODE.test(f)) ?? (survey.fields.length === 1 ? survey.fields[0] : undefined);
  const resend = survey.controls.find((c) => RESEND.test(c.name));
  const submit = submitButton(survey, SUBMIT_CODE, (c) => c === resend);
  return {
    slots: [
      slot('heading', label(survey.headings[0]), 'the code screen shows no heading: write the words that tell it apart from the sign-up screen'),
      slot('code', label(code), `no field labelled like "code" on the code screen (fields: ${JSON.stringify(survey.fields)}): write its label`),
      slot('submit', control(submit), 'no button named like confirm or verify, nor one submit button, on the code screen: write the name of the button that sends the code'),
      ...optional('resend', control(resend)),
    ],
    ...(resend ? {} : { note: 'No control that mails another code was seen (named like resend, new code, another): the stories that need one skip, naming `confirmCode.resend`.' }),
  };
}

/** A text of the screen that holds the address, as a description's `text`; from the tree's lines when no text node holds it whole. */
function textWithEmail(survey: ScreenSurvey, email: string): string | undefined {
  const line = survey.texts.find((t) => t.includes(email)) ?? survey.tree.split('\n').find((t) => t.includes(email))?.replace(/^\s*- [\w ]+(?: "[^"]*")?: /, '');
  return line?.trim();
}

/** What the page shows once the code was accepted. */
export function guessConfirmed(survey: ScreenSurvey, email: string): ScreenGuess {
  const text = textWithEmail(survey, email);
  return {
    slots: [
      slot('heading', label(survey.headings[0]), 'the screen after the code shows no heading: write the words it shows once the code is accepted'),
      slot('text', text ? { textWithEmail: text } : undefined, `no text on the screen after the code holds the address ${email}: write what it says, with \${email} for the address`),
    ],
  };
}

/** A screen that no one has seen yet: its entries, each to write. */
export interface Suggestion {
  key: 'signIn' | 'signedIn' | 'resetPassword' | 'signInByCode' | 'mfaCode' | 'changePassword' | 'account' | 'pools' | 'errors';
  /** Its entries, '…' for those not seen; or a line of code written as is. */
  guess: ScreenGuess | { code: string; note: string };
}

const seen = (via: SeenControl[]) => via.map((c) => `${c.role} "${c.name}"`).join(', then ');

/** The sign-in form among the screens seen: a password field without its confirmation. */
function signInSuggestion(start: ScreenSurvey, visited: VisitedScreen[]): { guess: ScreenGuess; screen: ScreenSurvey } | undefined {
  // The page's URL itself is a candidate only when its form is not the sign-up form (sign-up then behind a control).
  const candidates: VisitedScreen[] = [...visited.filter((v) => v.via.length === 1 && LEADS_TO.signIn.test(v.via[0]!.name)), ...(guessSignUp(start).found ? [] : [{ via: [], survey: start }])];
  const found = candidates.find((v) => v.survey.fields.some((f) => PASSWORD.test(f)) && !v.survey.fields.some((f) => CONFIRM.test(f)));
  if (!found) return undefined;
  const { survey } = found;
  const forgot = survey.controls.find((c) => !c.submits && LEADS_TO.forgotPassword.test(c.name));
  return {
    screen: survey,
    guess: {
      note: found.via.length ? `Seen after pressing ${seen(found.via)}.` : "Seen at the page's URL itself.",
      slots: [
        ...optional('reachedBy', control(found.via[0])),
        slot('email', label(survey.fields.find((f) => EMAIL.test(f))), ''),
        slot('password', label(survey.fields.find((f) => PASSWORD.test(f))), ''),
        slot('submit', control(submitButton(survey, LEADS_TO.signIn, (c) => c === forgot)), ''),
        ...optional('forgotPassword', control(forgot)),
      ],
    },
  };
}

/** The form that asks for the address of a forgotten password; the one after it is not seen without sending it. */
function resetSuggestion(visited: VisitedScreen[]): ScreenGuess | undefined {
  const found = visited.find((v) => LEADS_TO.forgotPassword.test(v.via.at(-1)?.name ?? '') && v.survey.fields.some((f) => EMAIL.test(f)));
  if (!found) return undefined;
  const { survey } = found;
  return {
    note: `Its first form seen after pressing ${seen(found.via)}; the second (the code and the new password) shows only once the first is sent.`,
    slots: [
      slot('requestHeading', label(survey.headings[0]), ''),
      slot('email', label(survey.fields.find((f) => EMAIL.test(f))), ''),
      slot('send', control(submitButton(survey, SEND_RESET)), ''),
      ...['heading', 'code', 'newPassword', 'submit'].map((key) => ({ key, todo: '' })),
    ],
  };
}

const unseen = (keys: string[], note: string): ScreenGuess => ({ note, slots: keys.map((key) => ({ key, todo: '' })) });

/** Every screen but sign-up's three, as a commented-out suggestion: from what the page showed where it showed one, else its entries to fill. */
export function suggestOtherScreens(start: ScreenSurvey, visited: VisitedScreen[], confirmed: ScreenGuess): Suggestion[] {
  const signIn = signInSuggestion(start, visited);
  const reset = resetSuggestion(visited);
  return [
    { key: 'signIn', guess: signIn?.guess ?? unseen(['reachedBy', 'email', 'password', 'submit', 'forgotPassword'], 'No sign-in form was seen (no control named like sign in or log in led to one).') },
    {
      key: 'signedIn',
      guess: { ...confirmed, note: "What a signed-in user sees: the screen after the code was this one; write the signed-in page's words if it differs." },
    },
    { key: 'resetPassword', guess: reset ?? unseen(['requestHeading', 'email', 'send', 'heading', 'code', 'newPassword', 'submit', 'resend'], 'No password reset was seen (no control named like forgot or reset led to one).') },
    { key: 'signInByCode', guess: unseen(['path', 'reachedBy', 'email', 'request', 'heading', 'code', 'submit', 'resend'], 'Sign-in by a mailed code (passwordless), if the page offers it: not looked for.') },
    { key: 'mfaCode', guess: unseen(['heading', 'code', 'submit'], 'The code a second factor asks for after the password (email MFA), if the pool asks for one: not looked for.') },
    { key: 'changePassword', guess: unseen(['heading', 'newPassword', 'confirmPassword', 'submit'], 'The new password a user invited with a temporary one chooses at first sign-in: not looked for.') },
    { key: 'account', guess: unseen(['heading', 'newEmail', 'change', 'code', 'verify', 'changed', 'signOut'], "The signed-in user's account page, where the address changes: not looked for.") },
    {
      key: 'pools',
      guess: { code: "{ linkVerification: '?pool=link-verification', keepOriginalEmail: '?pool=keep-original-email' }", note: "Where the page uses the stack's other pools (npm run stack prints them), as a path, query or whole URL: the demo app's, as an example." },
    },
    {
      key: 'errors',
      guess: { code: "{ signInCodeMismatch: 'The words your page shows instead of Cognito\\'s' }", note: "Only for an error the page words its own way, keyed by COGNITO_ERRORS (common/cognito-operations.ts)." },
    },
  ];
}
