import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import type { View } from './types';
import { NO_FACETS } from './paper-list-slice';

/** Where the reader was: restored at start, saved a moment after it changes. */
export interface SessionSlice {
  /** The list's scroll position to restore once its rows are there. */
  pendingScroll: number | null;
  listScroll: number;
  /** `before`: the reader's choice when the app started, if the session is restored later (after the library loads). */
  restoreSession(before?: unknown[]): Promise<void>;
  setListScroll(top: number): void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  pendingScroll: null,
  listScroll: 0,
  async restoreSession(before) {
    // A reader who clicks, types or picks a view while the app starts keeps what they chose:
    // each step below applies only if nothing the reader controls changed since the last one.
    let seen = before ?? readerChoice(get());
    const untouched = () => sameChoice(seen, readerChoice(get()));
    const session = await api.call('session.get', {}).catch(() => null);
    if (!untouched()) return;
    if (session) {
      const view = session.view as View;
      set({
        view,
        query: session.query,
        facets: session.facets ?? NO_FACETS,
        sort: view.kind === 'list' ? 'list' : 'digest',
        pendingScroll: session.scrollTop,
        listScroll: session.scrollTop,
      });
      seen = readerChoice(get());
    }
    await get().refreshList();
    if (!untouched()) return;
    // A view that no longer exists (a deleted list, say) falls back to all papers.
    if (get().listError && get().view.kind !== 'all') {
      set({ view: { kind: 'all' }, listError: null, pendingScroll: null });
      seen = readerChoice(get());
      await get().refreshList();
      if (!untouched()) return;
    }
    const id = session?.selectedId;
    if (id) {
      await get().openPaper(id);
      // A paper gone since (merged, say) is simply not reopened.
      if (get().readerError) set({ selectedId: null, paper: null, readerError: null });
    }
  },
  setListScroll(top) {
    set({ listScroll: top });
  },
});

/** What the reader chooses in the list: restoring a session must not undo any of it. */
export function readerChoice(s: AppState): unknown[] {
  return [s.view, s.query, s.facets, s.sort, s.selectedId, s.selectedIds];
}

function sameChoice(a: unknown[], b: unknown[]): boolean {
  return a.every((value, i) => value === b[i]);
}

/** Saves where the reader is, a moment after it changes; returns the unsubscribe function. */
export function saveSessionOnChange(store: { getState(): AppState; subscribe(fn: (s: AppState, prev: AppState) => void): () => void }): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const save = () => {
    const { view, selectedId, query, facets, listScroll } = store.getState();
    const session = { view, selectedId, query, facets, scrollTop: Math.round(listScroll) };
    const key = JSON.stringify(session);
    if (key === last) return;
    last = key;
    void api.call('session.save', session).catch(() => {});
  };
  const off = store.subscribe((s, prev) => {
    if (s.view !== prev.view || s.selectedId !== prev.selectedId || s.query !== prev.query || s.facets !== prev.facets || s.listScroll !== prev.listScroll) {
      clearTimeout(timer);
      timer = setTimeout(save, 800);
    }
  });
  return () => {
    clearTimeout(timer);
    off();
  };
}
