/**
 * A file system that refuses chosen operations on chosen paths, as a full, read-only or locked-down
 * disk would: a test file mocks node:fs with it (the storage modules then meet the failure where they
 * write), never filling or breaking the real disk. Usage, at the top of a test file:
 *
 *   vi.mock('node:fs', async (original) => (await import('../storage/faulty-fs')).faultyFs(await original()));
 *
 * This module must not import node:fs itself: it would get the mock.
 */
type Fs = typeof import('node:fs');
type Op = 'open' | 'write' | 'read' | 'readdir';

interface Fault {
  op: Op;
  /** Which paths fail (for writes and reads through a descriptor: the path it was opened with). */
  path: RegExp;
  code: string;
}

const faults: Fault[] = [];

/** Makes `op` on paths matching `path` fail with `code` until `healFs()`. */
export function breakFs(op: Op, path: RegExp, code = 'ENOSPC'): void {
  faults.push({ op, path, code });
}

export function healFs(): void {
  faults.length = 0;
}

/** Everything but the journal: a disk with room left for a line, not for a file. */
export const ALL_BUT_JOURNAL = /^(?!.*userdata\.journal$)(?!.*library\.lock)/;

export function faultyFs(real: Fs): Fs {
  const opened = new Map<number, string>();
  const check = (op: Op, target: unknown) => {
    const file = typeof target === 'number' ? opened.get(target) : String(target);
    const fault = file !== undefined && faults.find((f) => f.op === op && f.path.test(file));
    if (!fault) return;
    const error = new Error(`${fault.code}: simulated failure, ${op}`) as NodeJS.ErrnoException;
    error.code = fault.code;
    error.syscall = op;
    // Like the real thing: an error through a descriptor names no path.
    if (typeof target !== 'number') error.path = file;
    throw error;
  };
  const openSync = ((file: string, ...rest: unknown[]) => {
    check('open', file);
    const fd = (real.openSync as (...a: unknown[]) => number)(file, ...rest);
    opened.set(fd, String(file));
    return fd;
  }) as Fs['openSync'];
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    check('write', fd);
    return (real.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as Fs['writeSync'];
  const writeFileSync = ((file: unknown, ...rest: unknown[]) => {
    check('write', file);
    return (real.writeFileSync as (...a: unknown[]) => void)(file, ...rest);
  }) as Fs['writeFileSync'];
  const readFileSync = ((file: unknown, ...rest: unknown[]) => {
    check('read', file);
    return (real.readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
  }) as Fs['readFileSync'];
  const readdirSync = ((dir: unknown, ...rest: unknown[]) => {
    check('readdir', dir);
    return (real.readdirSync as (...a: unknown[]) => unknown)(dir, ...rest);
  }) as Fs['readdirSync'];
  const promises = {
    ...real.promises,
    open: (async (file: unknown, ...rest: unknown[]) => {
      check('open', file);
      return (real.promises.open as (...a: unknown[]) => unknown)(file, ...rest);
    }) as Fs['promises']['open'],
  };
  const wrapped = { openSync, writeSync, writeFileSync, readFileSync, readdirSync, promises };
  return { ...real, ...wrapped, default: { ...real, ...wrapped } } as Fs;
}
