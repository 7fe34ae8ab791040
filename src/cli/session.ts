import * as fs from 'node:fs';
import type { Api } from '../api';
import type { EventName, Events } from '../api/events';
import { dispatch } from '../boundary/dispatch';
import { type Core, openCore } from '../core';
import { LibraryLockedError } from '../storage/lock';
import { StoreTooNewError } from '../storage/schema';
import { isIoError } from '../storage/io-errors';
import type { Unwritten } from '../storage/unwritten';
import { CliError, ioCliError, unwrittenLine } from './errors';

/** The library as a command sees it: the app's own handlers, called through the same boundary. */
export interface Session {
  dataDir: string;
  call<K extends keyof Api>(name: K, arg: Api[K]['arg']): Promise<Api[K]['result']>;
  /** The core's events (an import's progress); returns the way to stop listening. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** Exit codes of a command stopped by a signal, as shells report them (128 + the signal's number). */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Opens the library in `dataDir` as the app does (taking its single-writer lock), runs `use`,
 * and closes it. Only `import` may start a new library; the other commands refuse a folder
 * that holds none, so a mistyped --data does not quietly show an empty library. What the app
 * would show as warnings (a store restored from a backup…) goes to `warn`. A signal stops the
 * command with a message, after closing the library (every acknowledged write is already on disk).
 */
export async function withLibrary<T>(
  dataDir: string,
  create: boolean,
  use: (session: Session) => Promise<T>,
  warn: (text: string) => void = console.error,
): Promise<T> {
  if (!create && !fs.existsSync(dataDir)) {
    throw new CliError(`There is no library in ${dataDir}. Import a digest first (digest-reader import <file>), or point --data at your library.`);
  }
  // From before the library opens: a signal while it opens stops too (the lock goes at exit).
  let core: Awaited<ReturnType<typeof openCore>> | undefined;
  const onSignal = (signal: keyof typeof SIGNALS) => {
    warn(`stopped by ${signal}${core ? '; closing the library (what was done so far is saved)' : ''}.`);
    const exit = () => process.exit(SIGNALS[signal]);
    // Held, not unref'd: a close that waits on work the signal cut short (a worker stopped mid-parse)
    // would otherwise let the process drain and end with Node's code 13 instead of this one.
    setTimeout(exit, 5000); // the lock is released at exit in any case
    if (core) core.close().then(exit, exit);
    else exit();
  };
  const signals = Object.keys(SIGNALS) as (keyof typeof SIGNALS)[];
  signals.forEach((s) => process.once(s, onSignal));
  try {
    core = await openCore({ dataDir });
  } catch (error) {
    signals.forEach((s) => process.off(s, onSignal));
    if (error instanceof LibraryLockedError || error instanceof StoreTooNewError) throw new CliError(error.message);
    throw ioCliError(error, `The library in ${dataDir} could not be opened`) ?? error;
  }
  const opened = core;
  const revision = opened.store.data.revision;
  let finished = false;
  try {
    const session: Session = {
      dataDir,
      async call(name, arg) {
        const envelope = await dispatch(opened.handlers, name, arg);
        if (!envelope.ok) throw new CliError(envelope.error.message);
        return envelope.value as never;
      },
      on: (event, listener) => opened.events.on(event, listener),
    };
    for (const w of (await session.call('app.status', {})).warnings) warn(w.message);
    const result = await use(session);
    finished = true;
    return result;
  } finally {
    // The listeners stay while the library closes: a signal that came during long synchronous work
    // (parsing a large file) is handed over only at a later turn of the event loop, and closing
    // can take a while (the index finishing a large import); removing them first drops it.
    await closeTelling(opened, revision, finished, warn).finally(() => signals.forEach((s) => process.off(s, onSignal)));
  }
}

/**
 * Closes the library and tells what failed after the command's changes were safely in the journal:
 * once, never as a failure to save. A command that failed and saved nothing has said why already
 * (the same full disk, most likely).
 */
async function closeTelling(core: Core, revision: number | undefined, finished: boolean, warn: (text: string) => void): Promise<void> {
  let unwritten: Unwritten[];
  try {
    unwritten = await core.close();
  } catch (error) {
    // Every acknowledged change is in the journal already: a closing step the disk refused loses none.
    if (!isIoError(error)) throw error;
    unwritten = [{ doing: 'the library could not be closed cleanly', error }];
  }
  const saved = core.store.data.revision !== revision;
  if (finished || saved) for (const u of unwritten) warn(unwrittenLine(u, saved));
}
