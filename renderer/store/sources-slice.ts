import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import { deleteWithUndo } from './mutate';
import type { FetchProgress, FetchRun, FetchSchedule, SourceFormat, SourceSummary } from './types';

/** Subscriptions: the reader's sources, how each stands, fetching them (with progress) and the daily hour. */
export interface SourcesSlice {
  sources: SourceSummary[];
  schedule: FetchSchedule | null;
  /** When the app fetches next by itself (ISO), if it will. */
  nextFetch: string | null;
  /** Sources being fetched now, by id: the phase they are in. */
  fetching: Record<string, FetchProgress>;
  /** How many sources the fetch under way set out to fetch (for its progress). */
  fetchTotal: number;
  /** The latest fetch that ended, for the Sources view's summary. */
  lastRun: FetchRun | null;
  /** Each source's latest result seen by this page ("23 new"), kept across runs of other sources. */
  lastResults: Record<string, FetchRun['results'][number]>;
  loadSources(): Promise<void>;
  addSource(source: { url: string; name?: string; format?: SourceFormat }): Promise<boolean>;
  renameSource(id: string, name: string): Promise<boolean>;
  removeSource(id: string): Promise<void>;
  /** "Fetch now": the sources named, or all of them. */
  fetchSources(ids?: string[]): Promise<void>;
  setSchedule(change: Partial<FetchSchedule>): Promise<void>;
  noteFetchProgress(progress: FetchProgress): void;
  noteFetchFinished(run: FetchRun): void;
}

export const createSourcesSlice: StateCreator<AppState, [], [], SourcesSlice> = (set, get) => ({
  sources: [],
  schedule: null,
  nextFetch: null,
  fetching: {},
  fetchTotal: 0,
  lastRun: null,
  lastResults: {},
  async loadSources() {
    const got = await api.call('sources.list', {}).catch(() => null);
    if (got) set({ sources: got.sources, schedule: got.schedule, nextFetch: got.next?.at ?? null });
  },
  async addSource({ url, name, format }) {
    const added = await get().attempt(() => api.call('sources.add', { url, ...(name?.trim() ? { name: name.trim() } : {}), ...(format ? { format } : {}) }));
    if (!added) return false;
    get().notify(`Added the source “${added.name}”. Fetch it now to get its papers.`);
    await get().loadSources();
    return true;
  },
  async renameSource(id, name) {
    const ok = await get().attempt(() => api.call('sources.update', { id, name }));
    await get().loadSources();
    return Boolean(ok);
  },
  async removeSource(id) {
    await deleteWithUndo(get, {
      remove: () => api.call('sources.remove', { id }),
      message: (s) => `Removed the source “${s.name}” (its digests and papers are kept).`,
      restore: (s) => api.call('sources.restore', { id: s.id }),
      refresh: () => get().loadSources(),
    });
  },
  async fetchSources(ids) {
    // Marked at once: the progress events follow as the core works.
    const marked = Object.fromEntries((ids ?? get().sources.map((s) => s.id)).map((id) => [id, { sourceId: id, name: '', phase: 'fetching' as const }]));
    set((s) => {
      const added = Object.keys(marked).filter((id) => !s.fetching[id]).length;
      return { fetching: { ...marked, ...s.fetching }, fetchTotal: (Object.keys(s.fetching).length === 0 ? 0 : s.fetchTotal) + added };
    });
    const run = await get().attempt(() => api.call('sources.fetch', ids ? { ids } : {}));
    if (run) get().noteFetchFinished(run);
    else set((s) => ({ fetching: Object.fromEntries(Object.entries(s.fetching).filter(([id]) => !marked[id])) }));
  },
  async setSchedule(change) {
    const got = await get().attempt(() => api.call('sources.schedule', change));
    if (got) set({ schedule: got.schedule, nextFetch: got.next?.at ?? null });
  },
  noteFetchProgress(progress) {
    set((s) => {
      const fetching = { ...s.fetching };
      if (progress.phase === 'done' || progress.phase === 'failed') delete fetching[progress.sourceId];
      else fetching[progress.sourceId] = progress;
      // Once nothing is fetched, the next fetch counts from nothing.
      return { fetching, ...(Object.keys(fetching).length === 0 ? { fetchTotal: 0 } : {}) };
    });
  },
  noteFetchFinished(run) {
    // The same run may arrive twice (the answer to "Fetch now" and the event): counted once.
    if (get().lastRun === run || JSON.stringify(get().lastRun) === JSON.stringify(run)) return;
    const done = new Set(run.results.map((r) => r.sourceId));
    set((s) => {
      const fetching = Object.fromEntries(Object.entries(s.fetching).filter(([id]) => !done.has(id)));
      return {
        lastRun: run,
        lastResults: { ...s.lastResults, ...Object.fromEntries(run.results.map((r) => [r.sourceId, r])) },
        fetching,
        ...(Object.keys(fetching).length === 0 ? { fetchTotal: 0 } : {}),
      };
    });
    const failed = run.results.filter((r) => !r.ok);
    const failures = failed.length ? ` ${failed.length === 1 ? `“${failed[0].name}” failed` : `${failed.length} sources failed`}: see Sources.` : '';
    if (run.results.length) get().notify(`${run.summary}.${failures}`, { tone: failed.length && !run.newPapers ? 'error' : 'info' });
    void get().loadSources();
    void get().refreshAll();
  },
});
