import { randomUUID } from 'node:crypto';
import type { EventBus } from '../api/events';
import { ApiError } from '../api/contract';
import type { Corpus } from '../library/corpus';
import type { UserStore } from '../storage/user-store';
import type { Tombstones } from './tombstones';

/** What every domain of the reader's own data works with. */
export interface DataContext {
  store: UserStore;
  corpus: Corpus;
  events: EventBus;
  /** Tells the search index that these papers' tags or notes changed. */
  reindex(paperIds: string[]): void;
  now(): string;
  /** What deletes left behind, for their undo. */
  tombstones: Tombstones;
}

export const newId = () => randomUUID();

/** Refuses ids of papers the library does not hold, so no data is attached to nothing. */
export function requirePapers(ctx: DataContext, paperIds: string[]): void {
  const missing = paperIds.filter((id) => !ctx.corpus.paper(id));
  if (missing.length) throw new ApiError('not-found', `${missing.length === 1 ? 'A paper is' : `${missing.length} papers are`} not in the library.`);
}

/** A change to the reader's data that lists and counts depend on. */
export function dataChanged(ctx: DataContext, paperIds: string[] = []): void {
  if (paperIds.length) ctx.reindex(paperIds);
  ctx.events.emit('library.changed', { reason: 'data' });
}
