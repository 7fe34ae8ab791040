/** Exit codes of the command line: 0 ok, 1 something failed while running, 2 the command was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The command line was wrong: say what, and where the help is. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Running the command failed: a message for the reader, no stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
