/** An error the user caused (bad input, bad option): printed as one line, never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Exit codes: 0 all inputs processed, 1 internal failure, 2 some input was bad or refused. */
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 1;
