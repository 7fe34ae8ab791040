import type { StateCreator } from 'zustand';
import type { Api } from '../../src/api';
import { LIST_PAGE as PAGE } from '../../src/api/vocabulary';
import { api } from '../api/client';
import type { AppState } from './index';
import type { PaperRow, RankingStatus, ReadState, SortOrder, View } from './types';

const INDEXING_POLL_MS = 250;
/**
 * While typing, a search's filter counts are asked once typing pauses this long, not at each key:
 * they rank 500 hits where the page needs 200, a sixth of a key's time. Any other list (a view, a
 * search sorted or filtered) has its counts with its first page.
 */
const FACETS_AFTER_MS = 250;

/** The paper list: what it shows (view, search, sort, filter), its rows as the core pages them, and the multi-selection. */
/** Filters on what sources said, over any view: one author's papers, a category (or branch, `cs.`), a year. */
export interface Facets {
  author: string | null;
  category: string | null;
  year: number | null;
}

export const NO_FACETS: Facets = { author: null, category: null, year: null };

export interface PaperListSlice {
  view: View;
  query: string;
  sort: SortOrder;
  stateFilter: ReadState | null;
  facets: Facets;
  /** The categories and years of the papers in view (the view, search and filters), for the filters' choices. */
  facetOptions: NonNullable<Api['papers.query']['result']['facets']>;
  /** What the filters' counts count (as `rowsFor`): while typing they are the last search's until it pauses. */
  facetOptionsFor: string;
  rows: PaperRow[];
  /** What the rows answer (view, search, sort and filters, as asked), to tell a new list from a reload. */
  rowsFor: string;
  total: number;
  /** Papers matching the search: more than `total` when only the best are ranked. */
  matched: number;
  searched: boolean;
  /** Set while the core's search index opens: a search is asked again until it answers (see fetchList). */
  indexing: { done: number; total: number } | null;
  listError: string | null;
  /** How "Best for you" stands, when the list is sorted by it ("Star or tag 3 papers…"). */
  ranking: RankingStatus | null;
  loadingMore: boolean;
  /** The multi-selection (Ctrl/Cmd-click, Shift-click); the open paper is `selectedId`. */
  selectedIds: string[];
  setQuery(query: string): void;
  setView(view: View): void;
  setSort(sort: SortOrder): void;
  setStateFilter(state: ReadState | null): void;
  /** Changes some facets (null removes one); the list shows from the top. */
  setFacets(change: Partial<Facets>): void;
  /** `typed`: asked by a key typed in the search box, so a search's filter counts wait until typing pauses. */
  refreshList(typed?: boolean): Promise<void>;
  refreshNow(typed?: boolean): Promise<void>;
  /** Resolves when the latest refresh has landed (typing fast leaves older ones behind). */
  listSettled(): Promise<void>;
  loadMore(): Promise<void>;
  /** Click handling for the list: plain click opens, toggle adds/removes, range extends. */
  selectRow(id: string, mode: 'open' | 'toggle' | 'range'): void;
  clearSelection(): void;
}

/** The core's query for what the list shows. */
export function queryFor(s: Pick<PaperListSlice, 'view' | 'query' | 'sort' | 'stateFilter' | 'facets'>): Api['papers.query']['arg'] {
  const { view } = s;
  return {
    ...s.facets,
    q: s.query,
    sort: s.sort === 'list' && view.kind !== 'list' ? 'digest' : s.sort,
    state: s.stateFilter,
    digestId: view.kind === 'digest' ? view.id : null,
    listId: view.kind === 'list' ? view.id : null,
    tagIds: view.kind === 'tags' ? view.ids : undefined,
    tagMode: view.kind === 'tags' ? view.mode : undefined,
    starred: view.kind === 'starred' ? true : undefined,
    smartListId: view.kind === 'smart' ? view.id : null,
  };
}

/** Each request carries a number; an answer to an older request than the latest is dropped. */
let latest = 0;
let inflight: Promise<void> = Promise.resolve();
/** The query in flight while typing, and whether keys were typed since it was sent. */
let typing: Promise<void> | null = null;
let typedSince = false;

/**
 * While typing, one query in flight at a time: the keys typed meanwhile become one query, sent
 * when it lands, so a slow answer never leaves a queue of stale ones behind it in the core.
 */
function refreshWhileTyping(get: () => AppState) {
  if (typing) {
    typedSince = true;
    return;
  }
  typing = get()
    .refreshList(true)
    .finally(() => {
      typing = null;
      if (typedSince) {
        typedSince = false;
        refreshWhileTyping(get);
      }
    });
}

type Set = Parameters<StateCreator<AppState, [], [], PaperListSlice>>[0];

/** The view (sidebar choice) the list last showed: another one may no longer hold the open paper. */
let shownView = '';

let facetsTimer: ReturnType<typeof setTimeout> | undefined;
/** Asks for the filter counts of the search in view once no key has been typed for a moment. */
function countFacetsSoon(set: Set, asked: Api['papers.query']['arg'], ticket: number) {
  clearTimeout(facetsTimer);
  facetsTimer = setTimeout(() => {
    if (ticket !== latest) return;
    api.call('papers.query', { ...asked, offset: 0, limit: 0, facets: true }).then(
      (page) => {
        if (ticket === latest && page.facets) set({ facetOptions: page.facets, facetOptionsFor: JSON.stringify(asked) });
      },
      () => {}, // the counts stay as they were: the list's next request meets what went wrong, and says it
    );
  }, FACETS_AFTER_MS);
}

/**
 * Asks for the first page of what the list shows; an answer overtaken by a newer request is dropped.
 * In another view the open paper stays open if the view has it; else the view's first paper opens
 * (or the reader empties), as a mail client does in another folder.
 */
async function fetchList(set: Set, get: () => AppState, typed: boolean) {
  const ticket = ++latest;
  const view = JSON.stringify(get().view);
  const { selectedId } = get();
  const locate = view !== shownView && selectedId ? { locate: selectedId } : {};
  let located: boolean | undefined;
  let asked: Api['papers.query']['arg'];
  let later: boolean; // a search typed: its counts once typing pauses
  try {
    for (;;) {
      asked = queryFor(get());
      later = typed && Boolean(asked.q?.trim());
      const page = await api.call('papers.query', { ...asked, offset: 0, limit: PAGE, facets: !later, ...locate });
      if (ticket !== latest) return;
      located = page.located;
      set({
        ...(page.facets && { facetOptions: page.facets, facetOptionsFor: JSON.stringify(asked) }),
        rows: page.items,
        rowsFor: JSON.stringify(asked),
        total: page.total,
        matched: page.matched,
        searched: page.searched,
        indexing: page.indexing,
        ranking: page.ranking,
        listError: null,
      });
      if (!page.indexing) break;
      // The core's search index is still opening: show how far it is, and ask again until it
      // answers, so that what waits for this list (Enter on the search box) gets the results.
      await new Promise((resolve) => setTimeout(resolve, INDEXING_POLL_MS));
      if (ticket !== latest) return;
    }
    if (later) countFacetsSoon(set, asked, ticket);
    shownView = view;
    const open = get().selectedId;
    if (!open) return;
    // Opened meanwhile (clicked while the list loaded), or still in view: shown again, up to date.
    if (open !== selectedId || located !== false) return void get().openPaper(open, 'again');
    const first = get().rows[0];
    // Shown, not chosen: opening it this way does not mark it read.
    if (first) void get().openPaper(first.id, 'shown');
    else set({ selectedId: null, paper: null, readerError: null });
  } catch (error) {
    if (ticket === latest) set({ rows: [], total: 0, matched: 0, listError: (error as Error).message });
  }
}

export const createPaperListSlice: StateCreator<AppState, [], [], PaperListSlice> = (set, get) => ({
  view: { kind: 'all' },
  query: '',
  sort: 'digest',
  stateFilter: null,
  facets: NO_FACETS,
  facetOptions: { categories: [], years: [] },
  facetOptionsFor: '',
  rows: [],
  rowsFor: '',
  total: 0,
  matched: 0,
  searched: false,
  indexing: null,
  listError: null,
  ranking: null,
  loadingMore: false,
  selectedIds: [],
  setQuery(query) {
    set({ query });
    refreshWhileTyping(get);
  },
  setView(view) {
    const sort = view.kind === 'list' ? 'list' : get().sort === 'list' ? 'digest' : get().sort;
    set({ view, sort, selectedIds: [] });
    void get().refreshList();
  },
  setSort(sort) {
    set({ sort });
    void get().refreshList();
  },
  setStateFilter(stateFilter) {
    set({ stateFilter });
    void get().refreshList();
  },
  setFacets(change) {
    set((s) => ({ facets: { ...s.facets, ...change }, selectedIds: [] }));
    void get().refreshList();
  },
  refreshList(typed = false) {
    inflight = get().refreshNow(typed);
    return inflight;
  },
  async listSettled() {
    let seen: Promise<void>;
    do {
      seen = inflight;
      await seen;
    } while (seen !== inflight);
  },
  refreshNow(typed = false) {
    return fetchList(set, get, typed);
  },
  async loadMore() {
    const { rows, total, loadingMore } = get();
    if (loadingMore || rows.length >= total) return;
    set({ loadingMore: true });
    const ticket = latest;
    try {
      const page = await api.call('papers.query', { ...queryFor(get()), offset: rows.length, limit: PAGE });
      if (ticket === latest) set((s) => ({ rows: [...s.rows, ...page.items] }));
    } finally {
      set({ loadingMore: false });
    }
  },
  selectRow(id, mode) {
    const { rows, selectedIds, selectedId } = get();
    if (mode === 'open') {
      set({ selectedIds: [] });
      void get().openPaper(id);
      return;
    }
    if (mode === 'toggle') {
      const base = selectedIds.length ? selectedIds : selectedId && selectedId !== id ? [selectedId] : [];
      set({ selectedIds: base.includes(id) ? base.filter((x) => x !== id) : [...base, id] });
      return;
    }
    const from = rows.findIndex((r) => r.id === (selectedIds.at(-1) ?? selectedId));
    const to = rows.findIndex((r) => r.id === id);
    if (from < 0 || to < 0) return set({ selectedIds: [id] });
    const [a, b] = from < to ? [from, to] : [to, from];
    set({ selectedIds: [...new Set([...selectedIds, ...rows.slice(a, b + 1).map((r) => r.id)])] });
  },
  clearSelection() {
    set({ selectedIds: [] });
  },
});
