import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The one place that puts file-system errors into words: why (by the error's code) and what the
 * reader can do about it. The app's messages, the export's and the command line's all come from here.
 */
const REASONS: Record<string, { why: string; todo: string }> = {
  ENOSPC: { why: 'the disk is full', todo: 'free some space' },
  EDQUOT: { why: 'the disk quota is used up', todo: 'free some space' },
  EACCES: { why: 'permission denied', todo: 'give this user access to it' },
  EPERM: { why: 'permission denied', todo: 'give this user access to it' },
  EROFS: { why: 'the disk is read-only', todo: 'use a library on a writable disk' },
  EISDIR: { why: 'a folder is where a file should be', todo: 'move that folder out of the way' },
  ENOTDIR: { why: 'a file is where a folder should be', todo: 'move that file out of the way' },
  EEXIST: { why: 'a file is where a folder should be', todo: 'move that file out of the way' },
  EMFILE: { why: 'too many files are open', todo: 'close some programs (or raise the limit: ulimit -n)' },
  ENFILE: { why: 'too many files are open', todo: 'close some programs' },
  ENAMETOOLONG: { why: 'the path is too long', todo: 'use a shorter path' },
  EIO: { why: 'the disk could not be read or written (an input/output error)', todo: 'check the disk' },
};

/** Whether `error` is a file-system error this module can put into words. */
export function isIoError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && Object.hasOwn(REASONS, code);
}

/** Why a file-system operation failed, in a few words ("the disk is full"); the error's own message otherwise. */
export function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return (isIoError(e) && REASONS[e.code!].why) || e?.message || String(error);
}

/**
 * The path an error is about. A file where a folder should be (ENOTDIR) is named itself, not
 * the path below it that could not be reached; a mkdir over a file (EEXIST) names that file.
 */
export function pathOf(error: NodeJS.ErrnoException): string | undefined {
  if (!error.path) return undefined;
  if (error.code !== 'ENOTDIR') return error.path;
  // From the top down, so nothing below a file is looked up (that fails as well).
  const parts = path.resolve(error.path).split(path.sep);
  for (let i = 2; i <= parts.length; i++) {
    const at = parts.slice(0, i).join(path.sep) || path.sep;
    if (isFile(at)) return at;
  }
  return error.path;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * One line for a file-system error: the path, why, and what to do ("…/userdata.json: the disk is
 * full. Free some space, then try again."); after `doing`, when given ("the daily backup could
 * not be written: the disk is full (…). Free some space, then try again.").
 */
export function ioFailure(error: NodeJS.ErrnoException, doing?: string): string {
  const reason = REASONS[error.code ?? ''];
  const where = pathOf(error);
  const why = reason?.why ?? error.message;
  const todo = reason ? ` ${reason.todo[0].toUpperCase()}${reason.todo.slice(1)}, then try again.` : '';
  if (doing) return `${doing}: ${why}${where ? ` (${where})` : ''}.${todo}`;
  return `${where ? `${where}: ` : ''}${why}.${todo}`;
}

/**
 * Names the file an error is about: one through a descriptor carries no path, and one about a
 * temp file (`replace`) is shown as about the file it was to become, the name the reader knows.
 */
export function atPath<E>(error: E, file: string, replace = false): E {
  const e = error as NodeJS.ErrnoException;
  if (e instanceof Error && e.code && (replace || !e.path)) e.path = file;
  return error;
}
