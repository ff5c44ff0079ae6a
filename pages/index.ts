import type { Page } from '@playwright/test';
import { AMPLIFY_SCREENS } from './amplify-signup-page.js';
import { CUSTOM_FORM_SCREENS } from './custom-form-signup-page.js';
import { LabelledSignupPage, type SignupScreens } from './labelled-signup-page.js';
import { MINIMAL_FORM_SCREENS } from './minimal-form-signup-page.js';
import type { SignupPage } from './signup-page.js';

/**
 * Every sign-up page the suite can drive, by the name SIGNUP_PAGE (or a
 * project's `signupPageName`) selects. This map is the one place a page is
 * registered: the names SIGNUP_PAGE accepts, and their type, come from it.
 */
export const SIGNUP_PAGES = {
  amplify: AMPLIFY_SCREENS,
  'custom-form': CUSTOM_FORM_SCREENS,
  'minimal-form': MINIMAL_FORM_SCREENS,
} satisfies Record<string, SignupScreens>;

export type SignupPageName = keyof typeof SIGNUP_PAGES;
export const SIGNUP_PAGE_NAMES = Object.keys(SIGNUP_PAGES) as SignupPageName[];

/** The page object for a registered page. */
export function signupPageFor(name: SignupPageName, page: Page): SignupPage {
  return new LabelledSignupPage(page, SIGNUP_PAGES[name]);
}

export type { SignupPage } from './signup-page.js';
export type { SignupScreens } from './labelled-signup-page.js';
