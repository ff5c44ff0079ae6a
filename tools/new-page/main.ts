/**
 * npm run new-page -- NAME URL: a first description of your own sign-up page,
 * pages/ui/NAME.ts, from the page itself. It opens the page (pointed at the
 * running embedded stack), lists what each screen shows, signs up once for
 * real with a throwaway address of the suite's (the user is deleted
 * afterwards), writes the description, runs the sign-up story against it, and
 * says which stories will run and which skip, and why.
 */
import 'dotenv/config';
import { chromium } from '@playwright/test';
import { chromiumExecutablePath } from '../../config/browser.js';
import { ActionableError } from '../../helpers/errors.js';
import { localTarget, type Target } from '../../config/target.js';
import { pageOriginCheck } from '../doctor/page-origin-check.js';
import { ArgumentsError, parseArguments, type NewPageArguments } from './arguments.js';
import { DescriptionExistsError, renderDescription, todosOf, writeDescription, type DescriptionContents } from './description-file.js';
import { exploreFrom, LEADS_TO, openPage, reach } from './explore.js';
import { pageRunEnv, runSignUpStory, SIGN_UP_STORY, storyLines } from './follow-up.js';
import { guessSignUp, suggestOtherScreens, type ScreenGuess } from './guess.js';
import { checkOnPage, signUpThroughPage, type SignUpSeen } from './sign-up-run.js';
import { formatScreen } from './survey.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** How long the page's verification mail may take, from the click: EMAIL_TIMEOUT_MS, as for the stories. */
const EMAIL_TIMEOUT_MS = Number(process.env.EMAIL_TIMEOUT_MS) || 10_000;

/** The running embedded stack, or the sentence that says how to start it for this page. */
async function runningStack(url: string): Promise<Target | string> {
  try {
    return await localTarget(process.env);
  } catch (error) {
    return (
      `${(error as Error).message.split('. ')[0]}.\n` +
      `Start it with \`BASE_URL=${url} npm run stack\` in another terminal (its emulator answers the browser calls of the demo app's origin and of BASE_URL's only), ` +
      'point your page at it (docs/adopting.md, "Your page against the embedded stack"), then run this again.'
    );
  }
}

/** A screen nothing was guessed for: each required word a TODO saying why. */
const unknownScreen = (keys: string[], why: string): ScreenGuess => ({ slots: keys.map((key) => ({ key, todo: why })) });

/** The description, from what the page showed: a screen the sign-up did not reach is TODOs saying where it stopped. */
async function lookAtThePage({ name, url }: NewPageArguments, target: Target): Promise<{ contents: DescriptionContents; signUp: SignUpSeen | undefined }> {
  const executablePath = chromiumExecutablePath();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  try {
    const page = await browser.newPage();
    console.log(`\nThe page at ${url} shows:`);
    const start = await openPage(page, url);
    console.log(formatScreen(start));
    let signUp = guessSignUp(start);
    const visited = await exploreFrom(page, url, start, { signUpBehindControl: !signUp.found });
    for (const screen of visited) {
      console.log(`\nAfter pressing ${screen.via.map((c) => `${c.role} "${c.name}"`).join(', then ')}, it shows:`);
      console.log(formatScreen(screen.survey));
    }
    if (!signUp.found) {
      const behind = visited.find((v) => v.via.length === 1 && LEADS_TO.signUp.test(v.via[0]!.name) && guessSignUp(v.survey).found);
      if (behind) signUp = guessSignUp(behind.survey, behind.via[0]);
    }
    const reachedBy = signUp.slots.find((s) => s.key === 'reachedBy')?.word;
    // Checked where the stories will find the form: the page's URL, then the control that shows it.
    const signUpWords = signUp.found && (await reach(page, url, reachedBy && 'control' in reachedBy ? [reachedBy.control] : [])) !== undefined ? await checkOnPage(page, signUp) : signUp;
    if (signUp.found) console.log(`\nSigning up once through the page, for real, with an address of the suite's own …`);
    const seen = signUp.found ? await signUpThroughPage(page, url, signUpWords, target, EMAIL_TIMEOUT_MS) : undefined;
    if (seen?.codeScreen) console.log(`\nAfter the sign-up, the page shows:\n${formatScreen(seen.codeScreen.survey)}`);
    if (seen?.confirmedScreen) console.log(`\nAfter the mailed code, the page shows:\n${formatScreen(seen.confirmedScreen.survey)}\n  texts:    ${seen.confirmedScreen.survey.texts.map((t) => JSON.stringify(t)).join(', ')}`);
    const why = seen?.stopped ? `not seen: ${seen.stopped}` : 'not seen: no sign-up form was found on the page, nor behind a control named like sign up, register, create or join';
    if (seen) console.log(seen.stopped ? `The sign-up stopped: ${seen.stopped}` : `Signed up and confirmed ${seen.email}.`);
    if (seen) console.log(`Clean-up: ${seen.cleanup}.`);
    const confirmed = seen?.confirmedScreen?.guess ?? unknownScreen(['heading', 'text'], why);
    return {
      signUp: seen,
      contents: {
        name,
        url,
        signUp: signUpWords,
        confirmCode: seen?.codeScreen?.guess ?? unknownScreen(['heading', 'code', 'submit'], why),
        confirmed,
        suggestions: suggestOtherScreens(start, visited, confirmed),
      },
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  let args: NewPageArguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgumentsError)) throw error;
    console.error(error.message);
    return 1;
  }
  const target = await runningStack(args.url);
  if (typeof target === 'string') {
    console.error(target);
    return 1;
  }
  const origin = await pageOriginCheck(target.cognito.endpoint ?? '', args.url);
  if (origin.status !== 'ok') {
    console.error(`${origin.title}: ${origin.detail}.\n${origin.fix}`);
    return 1;
  }

  const { contents, signUp } = await lookAtThePage(args, target);
  const text = renderDescription(contents, signUp?.email ?? '');
  try {
    writeDescription(args.file, text);
  } catch (error) {
    if (!(error instanceof DescriptionExistsError)) throw error;
    console.error(error.message);
    return 1;
  }
  console.log(`\nWrote ${args.file}:\n\n${text}`);
  const todos = todosOf(contents);
  if (todos.length) console.log(`It has ${todos.length} TODO line(s) to fill in by hand:\n${todos.map((t) => `  - ${t}`).join('\n')}\n`);

  const env = pageRunEnv(args.name, args.url);
  // A description with a TODO in its sign-up words fails the story on it: said once here, not as a failed run.
  const story = todos.length ? undefined : await runSignUpStory(env);
  if (!story) console.log(`The sign-up story (${SIGN_UP_STORY}) was not run: it needs the TODO lines above filled in first.`);
  else if (story.passed) console.log(`The sign-up story passed against the page (${SIGN_UP_STORY}, ${Math.round(story.elapsedMs / 1000)} s).`);
  else console.log(`The sign-up story failed against the page (${SIGN_UP_STORY}); its run's last lines:\n${story.output.trimEnd().split('\n').slice(-40).join('\n')}`);

  console.log('\nThe stories against this page, as the doctor sees them:');
  const stories = await storyLines(env);
  console.log(stories.failed ?? stories.lines.join('\n'));

  console.log(
    [
      '\nNext:',
      `  1. Read ${args.file}: ${todos.length ? 'fill in its TODO lines, then ' : ''}check each commented-out screen against your page, and uncomment the ones it has.`,
      `  2. Run the stories: SIGNUP_PAGE=${args.name} BASE_URL='${args.url}' npx playwright test`,
      '     (npm run doctor, with the same two settings, lists again which stories run and which skip.)',
    ].join('\n'),
  );
  return story?.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    // An ActionableError (the page unreachable, say) says what to do; anything else is this tool's own fault, with its trace.
    console.error(error instanceof ActionableError ? error.message : `new-page itself failed: ${error.stack ?? error.message}`);
    process.exit(2);
  },
);
