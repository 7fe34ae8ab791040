import { ioFailure, isIoError } from '../storage/io-errors';
import type { Unwritten } from '../storage/unwritten';

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

/**
 * A file-system error met while running a command, as one line naming the file and what to do
 * (the words are the core's, src/storage/io-errors.ts); undefined for any other error.
 */
export function ioCliError(error: unknown, context?: string): CliError | undefined {
  if (!isIoError(error)) return undefined;
  return new CliError(`${context ? `${context}: ` : ''}${ioFailure(error)}`);
}

/** A write that failed after the command's changes were saved: one line saying both. */
export function unwrittenLine(u: Unwritten, saved: boolean): string {
  const line = ioFailure(u.error, u.doing);
  return saved ? `saved; ${line}` : `${line[0].toUpperCase()}${line.slice(1)}`;
}
