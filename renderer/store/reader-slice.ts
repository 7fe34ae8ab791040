import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import type { PaperView } from './types';

export interface ReaderSlice {
  selectedId: string | null;
  paper: PaperView | null;
  readerError: string | null;
  /**
   * Opens a paper: one the reader chose ('chosen') is marked read if the settings say so; one the
   * app shows by itself ('shown', another view's first) is not, nor the open one shown 'again' fresh.
   */
  openPaper(id: string, how?: 'chosen' | 'shown' | 'again'): Promise<void>;
  /** Moves the selection through the current list: +1 next, -1 previous. */
  step(delta: 1 | -1): void;
}

/** The paper the app opened by itself (another view's first), not yet chosen by the reader. */
let shownUnchosen: string | null = null;

export const createReaderSlice: StateCreator<AppState, [], [], ReaderSlice> = (set, get) => ({
  selectedId: null,
  paper: null,
  readerError: null,
  async openPaper(id, how = 'chosen') {
    // Chosen now: newly, or the paper the app showed unchosen (its "read" waits for this).
    const opening = how === 'chosen' && (get().selectedId !== id || shownUnchosen === id);
    if (how !== 'again') shownUnchosen = how === 'shown' ? id : null;
    set({ selectedId: id });
    try {
      let paper = await api.call('papers.get', { id, q: get().query });
      if (get().selectedId !== id) return;
      if (opening && paper.state === 'unread' && get().settings?.markReadOnOpen) {
        await api.call('status.set', { paperIds: [id], state: 'read' });
        paper = { ...paper, state: 'read' };
        void get().loadLibrary();
        set((s) => ({ rows: s.rows.map((r) => (r.id === id ? { ...r, state: 'read' } : r)) }));
      }
      set({ paper, readerError: null });
      get().loadNote(id, paper.note?.text ?? '');
    } catch (error) {
      if (get().selectedId === id) set({ paper: null, readerError: (error as Error).message });
    }
  },
  step(delta) {
    const { rows, selectedId } = get();
    if (rows.length === 0) return;
    const at = rows.findIndex((r) => r.id === selectedId);
    const next = at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + delta));
    if (rows[next].id !== selectedId) get().selectRow(rows[next].id, 'open');
    if (delta > 0 && next >= rows.length - 5) void get().loadMore();
  },
});
