import * as fs from 'node:fs';
import * as path from 'node:path';
import { joinHandlers } from './api/contract';
import type { Handlers } from './api';
import { appHandlers } from './app/handlers';
import { EventBus } from './api/events';
import { Library } from './library/library';
import { libraryHandlers } from './library/handlers';
import { removeStaleTempFiles } from './storage/files';
import { acquireLock } from './storage/lock';
import { UserStore } from './storage/user-store';
import type { DataContext } from './shared/context';
import { Tombstones } from './shared/tombstones';
import { tagHandlers } from './tags/handlers';
import { listHandlers } from './lists/handlers';
import { statusHandlers } from './status/handlers';
import { noteHandlers } from './notes/handlers';
import { highlightHandlers } from './highlights/handlers';
import { settingsHandlers } from './settings/handlers';
import { exportHandlers } from './export/handlers';
import { compareHandlers } from './compare/handlers';
import { backupHandlers } from './storage/backup-handlers';

export interface CoreOptions {
  dataDir: string;
  /** The sample digest imported on the first run; none when omitted. */
  samplePath?: string;
}

export const SAMPLE_NAME = 'Trending papers (sample)';

/** Joins the domains' parts of the contract; src/api/index.ts lists the same parts for the page's types. */
function createHandlers(library: Library, store: UserStore, ctx: DataContext, dataDir: string): Handlers {
  return joinHandlers(
    appHandlers(library, store, dataDir),
    libraryHandlers(library, ctx),
    tagHandlers(ctx),
    listHandlers(ctx),
    statusHandlers(ctx),
    noteHandlers(ctx),
    highlightHandlers(ctx),
    settingsHandlers(ctx),
    exportHandlers(ctx),
    compareHandlers(ctx, library.terms),
    backupHandlers(ctx),
  );
}

export interface Core {
  handlers: Handlers;
  events: EventBus;
  dataDir: string;
  /** The reader's data (read it; change it only through handlers). */
  store: UserStore;
  close(): Promise<void>;
}

/**
 * Opens a library: takes the single-writer lock, cleans up after any crash, loads the reader's
 * data and the corpus, and imports the sample digest on the very first run.
 */
export async function openCore({ dataDir, samplePath }: CoreOptions): Promise<Core> {
  const release = acquireLock(dataDir);
  // However the process ends (an error, process.exit, the event loop running dry), the lock goes with it.
  const releaseAtExit = () => release();
  process.once('exit', releaseAtExit);
  try {
    removeStaleTempFiles(dataDir);
    const events = new EventBus();
    const store = new UserStore(dataDir);
    const library = new Library(dataDir, events, () => store.data);
    const ctx: DataContext = {
      store,
      corpus: library.corpus,
      events,
      reindex: (ids) => library.reindex(ids),
      now: () => new Date().toISOString(),
      tombstones: new Tombstones(),
    };
    if (!store.data.settings.sampleImported) {
      if (samplePath && library.corpus.digests.length === 0 && fs.existsSync(samplePath)) {
        await library.import({ name: SAMPLE_NAME, text: fs.readFileSync(samplePath, 'utf8'), source: 'sample' });
      }
      store.update((d) => {
        d.settings.sampleImported = true;
      });
    }
    let closing: Promise<void> | undefined;
    return {
      handlers: createHandlers(library, store, ctx, path.resolve(dataDir)),
      events,
      store,
      dataDir,
      close() {
        // Once, however often asked: a signal can arrive while a close is under way.
        closing ??= (async () => {
          try {
            await library.close();
            await store.close();
            removeStaleTempFiles(dataDir, true); // a clean stop leaves no temp file
          } finally {
            process.off('exit', releaseAtExit);
            release();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    process.off('exit', releaseAtExit);
    release();
    throw error;
  }
}
