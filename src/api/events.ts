import { EventEmitter } from 'node:events';
import type { ImportReport } from '../library/importer';
import type { RankingState } from './vocabulary';

/** What started a fetch: the reader ("Fetch now", the command line), the app's start, the daily hour, or a retry after a failure. */
export type FetchTrigger = 'manual' | 'startup' | 'daily' | 'retry';

/** How one source's fetch went. */
export interface SourceResult {
  sourceId: string;
  name: string;
  ok: boolean;
  /** Papers new to the library, over the digests it made. */
  newPapers: number;
  /** Of those, papers a smart list matches ("4 match your interests"). */
  matched: number;
  /** The dated digests it became (none when nothing was new). */
  digests: { id: string; name: string; added: number; matched: number }[];
  error: { code: string; message: string; retryable: boolean } | null;
}

/** Events the core pushes to every window. */
export interface Events {
  'import.progress': { name: string; done: number; total: number };
  /** 'index': the search index became ready; searches made before it now have results. */
  'library.changed': { reason: 'import' | 'data' | 'index' };
  /** A digest imported outside the page (desktop menu, a file the OS opened): its report or why it failed. */
  'import.finished': { name: string; report: ImportReport | null; error: string | null };
  /**
   * A source's fetch as it goes: asking ('fetching', with the URL), asking again after a failed
   * attempt ('retrying', which of how many and why), reading what came ('importing', bytes, then papers), and its end.
   */
  'fetch.progress': {
    sourceId: string;
    name: string;
    phase: 'fetching' | 'retrying' | 'importing' | 'done' | 'failed';
    url?: string;
    bytes?: number;
    papers?: number;
    /** While retrying: the attempt about to start, the most there will be, and why the last one failed. */
    attempt?: number;
    of?: number;
    reason?: string;
  };
  /** A fetch of one or all sources ended: per source, and `summary` for a notification ("23 new papers, 4 match your interests"). */
  'fetch.finished': { trigger: FetchTrigger; results: SourceResult[]; newPapers: number; matched: number; summary: string };
  /** Sources were added, changed, removed, or began or ended a fetch: `sources.list` has their new state. */
  'sources.changed': { sourceIds: string[] };
  /** "Best for you" has a new model (or none): lists sorted by it should be asked for again. */
  'ranking.changed': { state: RankingState };
}

export type EventName = keyof Events;

const NAMES: EventName[] = ['import.progress', 'library.changed', 'import.finished', 'fetch.progress', 'fetch.finished', 'sources.changed', 'ranking.changed'];

/** A typed emitter; `on` returns its own unsubscribe function. */
export class EventBus {
  readonly #emitter = new EventEmitter().setMaxListeners(100);

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.#emitter.emit(event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.#emitter.on(event, listener);
    return () => this.#emitter.off(event, listener);
  }

  /** Every event, for transports that forward them all. */
  onAny(listener: <E extends EventName>(event: E, payload: Events[E]) => void): () => void {
    const offs = NAMES.map((name) => this.on(name, (p) => listener(name, p)));
    return () => offs.forEach((off) => off());
  }
}
