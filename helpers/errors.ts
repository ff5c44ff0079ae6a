/**
 * An error whose message already says what happened and what to do. Its stack
 * is the message alone: a trace through SDK internals would only bury it.
 */
export class ActionableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.stack = `${this.name}: ${message}`;
  }
}
