import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { USER_CLOCK_PATH } from '../../common/user-clock.js';

/**
 * Time as each user's sign-ins see it: the emulator's clock, moved forward
 * for one user at a test's request, so a story can let a code expire without
 * waiting for it. Per user, never the whole emulator's: the stories running
 * beside it in other workers keep the real time. The embedded stack only; AWS
 * has nothing like it, and the suite moves no time against it.
 */
export class UserClocks {
  private readonly ahead = new Map<string, number>();

  constructor(private readonly base: () => number) {}

  /** Now, for this user (by the Cognito username, the sub): the emulator's time, plus what a test moved it. */
  now(username?: string): number {
    return this.base() + (username === undefined ? 0 : (this.ahead.get(username) ?? 0));
  }

  advance(username: string, ms: number): number {
    const total = (this.ahead.get(username) ?? 0) + ms;
    this.ahead.set(username, total);
    return total;
  }
}

/** The endpoint a story calls to move one user's time forward; answers 404 for a pool or user the emulator does not have. */
export const userClockEndpoint =
  ({ cognito }: Pick<Services, 'cognito'>, clocks: UserClocks, ctx: Context) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const query = new URL(req.url ?? '', 'http://emulator').searchParams;
    const [userPoolId, username, advanceMs] = ['userPoolId', 'username', 'advanceMs'].map((name) => query.get(name) ?? '');
    const answer = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const ms = Number(advanceMs);
    if (!userPoolId || !username || !Number.isFinite(ms) || ms < 0) {
      answer(400, { message: `POST ${USER_CLOCK_PATH}?userPoolId=…&username=…&advanceMs=… (a number of milliseconds, not negative)` });
      return;
    }
    try {
      const user = await (await cognito.getUserPool(ctx, userPoolId)).getUserByUsername(ctx, username);
      if (!user) {
        answer(404, { message: `No user ${username} in pool ${userPoolId}` });
        return;
      }
      answer(200, { username: user.Username, aheadMs: clocks.advance(user.Username, ms) });
    } catch (error) {
      answer(404, { message: (error as Error).message });
    }
  };
