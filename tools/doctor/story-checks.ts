import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { STORIES, STORY_KEYS, storyRecord, type StoryKey } from '../../plan/stories.js';
import type { Support } from '../../plan/story-support.js';
import type { CheckResult } from './check-result.js';

/**
 * The stories this pool and client can run, and the ones that will be
 * skipped, with the reason (the report says the same): one line for the
 * stories that share a verdict and its reason, in the catalogue's order.
 */
export function storyChecks(pool: UserPoolType, support: Record<StoryKey, Support>): CheckResult[] {
  // A pool that mails nothing at sign-up is a ✗ of the pool's checks, and stops the run: the stories that need only its code need no line of their own.
  const mailsAtSignUp = (pool.AutoVerifiedAttributes ?? []).includes('email');
  const onlySignUpCode = (key: StoryKey) => storyRecord(key).needs.join() === 'signUpCode' && !storyRecord(key).pool;
  const shown = STORY_KEYS.filter((key) => support[key].runs || mailsAtSignUp || !onlySignUpCode(key));
  const groups = new Map<string, StoryKey[]>();
  for (const key of shown) {
    const verdict = `${support[key].runs}|${support[key].why}`;
    groups.set(verdict, [...(groups.get(verdict) ?? []), key]);
  }
  return [...groups.values()].map((keys) => {
    const { runs, why, of } = support[keys[0] as StoryKey];
    const names = `${keys.length === 1 ? 'Story' : 'Stories'} ${keys.map((key) => `"${STORIES[key].name}"`).join(', ')}`;
    return runs
      ? { status: 'ok', title: `${names} will run`, detail: why }
      : {
          status: 'warn',
          title: `${names} will be skipped`,
          detail: why,
          fix:
            of === 'page'
              ? "Add it to the page's description (docs/adopting.md), or accept the skip: the report names it."
              : 'Set the pool up for it (see docs/flows.md, "Flows"), or accept the skip: the report names it.',
        };
  });
}
