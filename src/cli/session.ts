import * as fs from 'node:fs';
import type { Api } from '../api';
import { dispatch } from '../boundary/dispatch';
import { openCore } from '../core';
import { LibraryLockedError } from '../storage/lock';
import { CliError } from './errors';

/** The library as a command sees it: the app's own handlers, called through the same boundary. */
export interface Session {
  dataDir: string;
  call<K extends keyof Api>(name: K, arg: Api[K]['arg']): Promise<Api[K]['result']>;
}

/**
 * Opens the library in `dataDir` as the app does (taking its single-writer lock), runs `use`,
 * and closes it. Only `import` may start a new library; the other commands refuse a folder
 * that holds none, so a mistyped --data does not quietly show an empty library.
 */
export async function withLibrary<T>(dataDir: string, create: boolean, use: (session: Session) => Promise<T>): Promise<T> {
  if (!create && !fs.existsSync(dataDir)) {
    throw new CliError(`There is no library in ${dataDir}. Import a digest first (digest-reader import <file>), or point --data at your library.`);
  }
  let core;
  try {
    core = await openCore({ dataDir });
  } catch (error) {
    if (error instanceof LibraryLockedError) throw new CliError(error.message);
    throw error;
  }
  try {
    return await use({
      dataDir,
      async call(name, arg) {
        const envelope = await dispatch(core.handlers, name, arg);
        if (!envelope.ok) throw new CliError(envelope.error.message);
        return envelope.value as never;
      },
    });
  } finally {
    await core.close();
  }
}
