import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { STORIES, type StoryKey, type Support } from '../../helpers/cognito/story-support.js';
import type { CheckResult } from './check-result.js';

/** The stories this pool and client can run, and the ones that will be skipped, each with its reason (the report says the same). */
export function storyChecks(pool: UserPoolType, support: Record<StoryKey, Support>): CheckResult[] {
  // A pool that mails nothing at sign-up is a ✗ of the pool's checks, and stops the run; a link pool skips the code stories, saying so.
  const mailsAtSignUp = (pool.AutoVerifiedAttributes ?? []).includes('email');
  const stories = Object.entries(support).filter(([key, s]) => key !== 'signUpByCode' || s.runs || mailsAtSignUp);
  return stories.map(([key, support]) =>
    support.runs
      ? { status: 'ok', title: `Story "${STORIES[key as StoryKey]}" will run`, detail: support.why }
      : {
          status: 'warn',
          title: `Story "${STORIES[key as StoryKey]}" will be skipped`,
          detail: support.why,
          fix: 'Set the pool up for it (see the README, "Flows"), or accept the skip: the report names it.',
        },
  );
}
