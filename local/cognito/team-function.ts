import { pathToFileURL } from 'node:url';
import { CognitoError } from 'cognito-local/lib/errors.js';
import type { TriggerModule } from '../stack-settings.js';

/** How long Cognito waits for a trigger before it gives up on the call. */
export const TRIGGER_TIMEOUT_MS = 5_000;

/** The Lambda triggers the embedded stack runs, by Cognito's names for them. */
export type TriggerName = 'CustomMessage' | 'PreSignUp';

type Callback = (error?: unknown, result?: unknown) => void;
type Handler = (event: unknown, context: object, callback: Callback) => unknown;

/** A module by its path: TypeScript (.ts, .mts, .cts) through tsx, JavaScript as Node loads it. */
async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  if (!/\.[mc]?tsx?$/.test(file)) return import(url);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(url, import.meta.url);
}

/**
 * A team's Lambda handler, run in-process the way Cognito runs the function:
 * the event in, the event with its `response` filled in back out, within 5
 * seconds. An error the handler throws (or passes to its callback) fails the
 * Cognito call as `UserLambdaValidationException` "<Trigger> failed with error
 * <message>."; one that does not answer in time, as `UnexpectedLambdaException`.
 */
export class TeamFunction {
  private loaded?: Promise<Handler>;

  constructor(
    readonly trigger: TriggerName,
    readonly module: TriggerModule,
    private readonly timeoutMs = TRIGGER_TIMEOUT_MS,
  ) {}

  /** Where the handler comes from, for logs and errors: "custom-message (lambda/custom-message.ts#handler)". */
  get description(): string {
    return `${this.module.name} (${this.module.file}#${this.module.exportName})`;
  }

  /**
   * Imported once, when first needed. A TypeScript handler loads through tsx's API: the stack runs from a bundle
   * without tsx's hooks (local/run-stack.mjs), and only a run with a team's trigger pays for loading tsx.
   */
  private handler(): Promise<Handler> {
    this.loaded ??= importModule(this.module.file).then((exports: Record<string, unknown>) => {
      // A CommonJS module's exports arrive as `default` too.
      const handler = exports[this.module.exportName] ?? (exports.default as Record<string, unknown> | undefined)?.[this.module.exportName];
      if (typeof handler !== 'function') {
        const found = Object.keys(exports).filter((key) => key !== 'default');
        throw new Error(
          `${this.module.file} exports no function "${this.module.exportName}" (it exports: ${found.join(', ') || 'nothing'}). ` +
            `Name the handler's export after "#" in the setting, e.g. ${this.module.file}#${found[0] ?? 'handler'}.`,
        );
      }
      return handler as Handler;
    });
    return this.loaded;
  }

  /** The handler's answer to `event`: what it returns, or gives its callback, or (returning nothing) the event it changed. */
  async invoke<E extends object>(event: E): Promise<E> {
    let handler: Handler;
    try {
      handler = await this.handler();
    } catch (error) {
      // On AWS a function that cannot start fails the call too; the message says what to fix here.
      throw new CognitoError('UnexpectedLambdaException', `${this.trigger} invocation failed due to error: ${(error as Error).message}`);
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new CognitoError(
              'UnexpectedLambdaException',
              `${this.trigger} invocation failed due to error Socket timeout while invoking Lambda function. (${this.module.name} did not answer within ${this.timeoutMs} ms)`,
            ),
          ),
        this.timeoutMs,
      );
    });
    const answered = new Promise<unknown>((resolve, reject) => {
      const callback: Callback = (error, result) => (error ? reject(error) : resolve(result));
      const context = { functionName: this.module.name, getRemainingTimeInMillis: () => this.timeoutMs, callbackWaitsForEmptyEventLoop: true };
      try {
        const returned = handler(event, context, callback);
        // A handler of two parameters or fewer answers by what it returns (async); one of three may answer by its callback.
        if (handler.length < 3 || (returned !== undefined && typeof (returned as Promise<unknown>).then === 'function')) {
          Promise.resolve(returned).then(resolve, reject);
        }
      } catch (error) {
        reject(error);
      }
    });
    try {
      const result = await Promise.race([answered, timedOut]);
      return (result && typeof result === 'object' ? result : event) as E;
    } catch (error) {
      if (error instanceof CognitoError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new CognitoError('UserLambdaValidationException', `${this.trigger} failed with error ${message}.`);
    } finally {
      clearTimeout(timer);
    }
  }
}
