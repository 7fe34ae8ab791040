import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import type { Trends } from './types';

/** Trends across digests, for the Trends view. */
export interface TrendsSlice {
  trends: Trends | null;
  trendsError: string | null;
  loadTrends(): Promise<void>;
  /** Clicking a rising term: all papers, searched for it. */
  searchTerm(term: string): void;
}

export const createTrendsSlice: StateCreator<AppState, [], [], TrendsSlice> = (set, get) => ({
  trends: null,
  trendsError: null,
  async loadTrends() {
    try {
      set({ trends: await api.call('trends.get', {}), trendsError: null });
    } catch (error) {
      set({ trendsError: (error as Error).message });
    }
  },
  searchTerm(term) {
    // A phrase is searched as one.
    const q = /\s/.test(term) ? `"${term}"` : term;
    set({ view: { kind: 'all' }, query: q, selectedIds: [] });
    void get().refreshList();
  },
});
