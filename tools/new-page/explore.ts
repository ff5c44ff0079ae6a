import type { Page } from '@playwright/test';
import { locate } from '../../pages/control.js';
import { openScreen } from '../../pages/screen-place.js';
import { screenAfter, surveyScreen, treeOf, type ScreenSurvey, type SeenControl } from './survey.js';

/** The names of controls that lead to the screens worth describing beside sign-up. */
export const LEADS_TO = {
  signIn: /sign ?in|log ?in|already have/i,
  forgotPassword: /forgot|reset|lost/i,
  signUp: /sign ?up|register|create|join/i,
} as const;

/** A screen seen while exploring: what it shows, and the controls pressed from the page's URL to reach it, in order. */
export interface VisitedScreen {
  via: SeenControl[];
  survey: ScreenSurvey;
}

/** How long a click may take to show another screen before the control counts as leading nowhere. */
const CLICK_SETTLES_MS = 5_000;

/** Opens the page's URL afresh, then presses each control of `via`, each waiting for the screen it shows. */
export async function reach(page: Page, url: string, via: SeenControl[]): Promise<string | undefined> {
  // From a blank page: opening the same URL again with another hash would not load it afresh.
  await page.goto('about:blank');
  await openScreen(page, {}, { base: url });
  let tree = await screenAfter(page, '', CLICK_SETTLES_MS);
  for (const control of via) {
    if (tree === undefined) return undefined;
    await locate(page, control).first().click({ timeout: CLICK_SETTLES_MS });
    tree = await screenAfter(page, tree, CLICK_SETTLES_MS);
  }
  return tree;
}

const leads = (control: SeenControl, names: RegExp[]) => !control.submits && names.some((name) => name.test(control.name));

/**
 * The screens reachable from the page's URL by a control named like sign-in,
 * log-in or a forgotten password (and, when the URL shows no sign-up form,
 * sign-up), one press deep, then a forgotten-password control on each of
 * those: pressed, never a form submitted (a button that submits its form is
 * left alone).
 */
export async function exploreFrom(page: Page, url: string, start: ScreenSurvey, { signUpBehindControl }: { signUpBehindControl: boolean }): Promise<VisitedScreen[]> {
  const first = [LEADS_TO.signIn, LEADS_TO.forgotPassword, ...(signUpBehindControl ? [LEADS_TO.signUp] : [])];
  const seen = new Set([start.tree]);
  const visited: VisitedScreen[] = [];
  const visit = async (via: SeenControl[]) => {
    // A control that leads nowhere, or off to a page that does not load, is no screen to describe.
    const tree = await reach(page, url, via).catch(() => undefined);
    if (tree === undefined || seen.has(tree)) return;
    seen.add(tree);
    visited.push({ via, survey: await surveyScreen(page, tree) });
  };
  for (const control of start.controls.filter((c) => leads(c, first))) await visit([control]);
  for (const screen of [...visited]) {
    if (!LEADS_TO.signIn.test(screen.via[0]?.name ?? '')) continue;
    for (const control of screen.survey.controls.filter((c) => leads(c, [LEADS_TO.forgotPassword]))) await visit([...screen.via, control]);
  }
  return visited;
}

/** The page's URL as it first shows, once it holds still. */
export async function openPage(page: Page, url: string): Promise<ScreenSurvey> {
  await reach(page, url, []);
  return surveyScreen(page, await treeOf(page));
}
