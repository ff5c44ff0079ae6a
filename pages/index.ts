import type { Page } from '@playwright/test';
import type { SignupPageName } from '../helpers/settings.js';
import { AmplifySignupPage } from './amplify-signup-page.js';
import { CustomFormSignupPage } from './custom-form-signup-page.js';
import type { SignupPage } from './signup-page.js';

/** Every sign-up page object, by the name SIGNUP_PAGE (or a project's `signupPageName`) selects. */
export const SIGNUP_PAGE_OBJECTS: Record<SignupPageName, new (page: Page) => SignupPage> = {
  amplify: AmplifySignupPage,
  'custom-form': CustomFormSignupPage,
};

export type { SignupPage } from './signup-page.js';
