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
import type { Unwritten } from './storage/unwritten';
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
import type { Fetcher } from './net';
import { rankingHandlers } from './rank/handlers';
import { RankingService, type RankingOptions } from './rank/ranking-service';
import { SmartEvaluator } from './smart/evaluate';
import { smartHandlers } from './smart/handlers';
import { applyRules } from './smart/rules';
import { SmartLists } from './smart/smart-lists';
import { createAppFetcher } from './sources/app-fetcher';
import { sourceHandlers } from './sources/handlers';
import { type Clock, FetchScheduler, realClock } from './sources/scheduler';
import { SourcesService } from './sources/sources';
import { trendHandlers } from './trends/handlers';

export interface CoreOptions {
  dataDir: string;
  /** The sample digest imported on the first run; none when omitted. */
  samplePath?: string;
  /** Fetch the sources at start-up and daily while open: the app does; the command line and tests do not. */
  schedule?: boolean;
  /** The network (tests point it at a local server); by default the app's fetcher. */
  fetcher?: Fetcher;
  /** The scheduler's clock (tests move it). */
  clock?: Clock;
  ranking?: RankingOptions;
}

export const SAMPLE_NAME = 'Trending papers (sample)';

/** The daily loop's services: sources and their schedule, smart lists, "Best for you". */
interface Daily {
  sources: SourcesService;
  scheduler?: FetchScheduler;
  smart: SmartLists;
  ranking: RankingService;
}

/** Joins the domains' parts of the contract; src/api/index.ts lists the same parts for the page's types. */
function createHandlers(library: Library, store: UserStore, ctx: DataContext, dataDir: string, daily: Daily, clock: Clock): Handlers {
  return joinHandlers(
    appHandlers(library, store, dataDir),
    libraryHandlers(library, ctx, daily),
    tagHandlers(ctx),
    listHandlers(ctx),
    statusHandlers(ctx),
    noteHandlers(ctx),
    highlightHandlers(ctx),
    settingsHandlers(ctx),
    exportHandlers(ctx),
    compareHandlers(ctx, library.terms),
    sourceHandlers(ctx, daily.sources, daily.scheduler),
    smartHandlers(daily.smart),
    rankingHandlers(daily.ranking),
    trendHandlers(library.corpus, () => clock.now()),
    backupHandlers(ctx),
  );
}

/** Smart lists and their rules at every import, "Best for you" ordering the lists, sources fetching on their schedule. */
function startDaily(library: Library, ctx: DataContext, options: CoreOptions, clock: Clock): Daily {
  const smart = new SmartLists(ctx, new SmartEvaluator(library.corpus, library.index, () => ctx.store.data));
  library.onImported = ({ papers, newIds }) => applyRules(ctx, smart.evaluator, papers, newIds);
  const ranking = new RankingService(library.corpus, ctx.events, () => ctx.store.data, options.ranking);
  library.bestOrder = (papers, tagId) => ranking.order(papers, tagId);
  const sources = new SourcesService(ctx, library, options.fetcher ?? createAppFetcher(), () => clock.now());
  if (!options.schedule) return { sources, smart, ranking };
  const scheduler = new FetchScheduler(
    (trigger, ids) =>
      sources.fetch(
        ids?.filter((id) => ctx.store.data.sources[id]),
        trigger,
      ),
    () => ctx.store.data.fetchSchedule,
    () => ctx.store.data.sourceOrder.length > 0,
    clock,
  );
  ctx.events.on('fetch.finished', (run) => scheduler.noteRun(run));
  return { sources, smart, ranking, scheduler };
}

export interface Core {
  handlers: Handlers;
  events: EventBus;
  dataDir: string;
  /** The reader's data (read it; change it only through handlers). */
  store: UserStore;
  /** Stops the core; returns the writes that could not be done after changes were saved (a full disk): nothing saved is lost. */
  close(): Promise<Unwritten[]>;
}

/**
 * Opens a library: takes the single-writer lock, cleans up after any crash, loads the reader's
 * data and the corpus, and imports the sample digest on the very first run.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const { dataDir, samplePath } = options;
  const clock = options.clock ?? realClock;
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
    const daily = startDaily(library, ctx, options, clock);
    if (!store.data.settings.sampleImported) {
      if (samplePath && library.corpus.digests.length === 0 && fs.existsSync(samplePath)) {
        await library.import({ name: SAMPLE_NAME, text: fs.readFileSync(samplePath, 'utf8'), source: 'sample' });
      }
      store.update((d) => {
        d.settings.sampleImported = true;
      });
    }
    let closing: Promise<Unwritten[]> | undefined;
    const handlers = createHandlers(library, store, ctx, path.resolve(dataDir), daily, clock);
    daily.scheduler?.start();
    return {
      handlers,
      events,
      store,
      dataDir,
      close() {
        // Once, however often asked: a signal can arrive while a close is under way.
        closing ??= (async () => {
          try {
            daily.scheduler?.stop();
            let unwritten: Unwritten[];
            try {
              await daily.sources.close(); // fetches under way stop; an import under way finishes first
              await daily.ranking.close();
              await library.close();
            } finally {
              // The reader's data is folded and backed up however the rest closed.
              unwritten = await store.close();
            }
            removeStaleTempFiles(dataDir, true); // a clean stop leaves no temp file
            return unwritten;
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
