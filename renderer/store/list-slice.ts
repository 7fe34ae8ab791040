import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import type { PaperRow, SortOrder } from './types';

const PAGE = 200;

export interface ListSlice {
  query: string;
  digestId: string | null;
  sort: SortOrder;
  rows: PaperRow[];
  total: number;
  searched: boolean;
  listError: string | null;
  loadingMore: boolean;
  setQuery(query: string): void;
  setDigest(digestId: string | null): void;
  setSort(sort: SortOrder): void;
  refreshList(): Promise<void>;
  loadMore(): Promise<void>;
}

/** Each request carries a number; an answer to an older request than the latest is dropped. */
let latest = 0;

export const createListSlice: StateCreator<AppState, [], [], ListSlice> = (set, get) => ({
  query: '',
  digestId: null,
  sort: 'digest',
  rows: [],
  total: 0,
  searched: false,
  listError: null,
  loadingMore: false,
  setQuery(query) {
    set({ query });
    void get().refreshList();
  },
  setDigest(digestId) {
    set({ digestId });
    void get().refreshList();
  },
  setSort(sort) {
    set({ sort });
    void get().refreshList();
  },
  async refreshList() {
    const { query, digestId, sort } = get();
    const ticket = ++latest;
    try {
      const page = await api.call('papers.query', { q: query, digestId, sort, offset: 0, limit: PAGE });
      if (ticket !== latest) return;
      set({ rows: page.items, total: page.total, searched: page.searched, listError: null });
      const { selectedId } = get();
      if (selectedId) void get().openPaper(selectedId);
    } catch (error) {
      if (ticket === latest) set({ rows: [], total: 0, listError: (error as Error).message });
    }
  },
  async loadMore() {
    const { rows, total, loadingMore, query, digestId, sort } = get();
    if (loadingMore || rows.length >= total) return;
    set({ loadingMore: true });
    const ticket = latest;
    try {
      const page = await api.call('papers.query', { q: query, digestId, sort, offset: rows.length, limit: PAGE });
      if (ticket === latest) set((s) => ({ rows: [...s.rows, ...page.items] }));
    } finally {
      set({ loadingMore: false });
    }
  },
});
