/**
 * Errors a user can cause (bad arguments, bad input files) carry an exit
 * code and print as one line each, never as a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, findings: 1, input: 2, fatal: 3 } as const;
