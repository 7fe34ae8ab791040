// The store's slices by domain, against a stand-in transport: what each sends to the core and
// what the page shows after. A delete's undo names what the core kept; it never sends rows back.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../renderer/store';

const answers: Record<string, unknown> = {
  'tags.delete': { id: 't1', name: 'survey' },
  'lists.delete': { id: 'l1', name: 'To read' },
  'lists.add': { added: 1 },
  'highlights.delete': { id: 'h1', paperId: 'p1' },
  'papers.query': { total: 3, matched: 3, items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], searched: false, indexing: null },
  'digests.list': { digests: [], paperCount: 3 },
  'lists.list': [{ id: 'l1', name: 'To read', count: 0, builtIn: false }],
  'tags.list': [],
  'app.status': { warnings: [] },
};
const answer = async (name: string, _arg?: unknown) => ({ ok: true as const, value: answers[name] ?? null });
const invoke = vi.fn(answer);
vi.stubGlobal('window', { digestReader: { invoke, subscribe: () => () => {} } });

let useApp: { getState(): AppState; setState(s: Partial<AppState>): void };
let queryFor: typeof import('../../../renderer/store/paper-list-slice').queryFor;
let NO_FACETS: typeof import('../../../renderer/store/paper-list-slice').NO_FACETS;
let readerChoice: typeof import('../../../renderer/store/session-slice').readerChoice;
beforeAll(async () => {
  ({ useApp } = await import('../../../renderer/store'));
  ({ queryFor, NO_FACETS } = await import('../../../renderer/store/paper-list-slice'));
  ({ readerChoice } = await import('../../../renderer/store/session-slice'));
});
beforeEach(() => {
  invoke.mockClear();
  useApp.setState({ toast: null, view: { kind: 'all' }, selectedIds: [], selectedId: null });
});

const calls = (name: string) => invoke.mock.calls.filter(([n]) => n === name).map(([, arg]) => arg);

describe('deletes with undo (tags, reading lists, highlights)', () => {
  it('deletes a tag, leaves the view that showed it, and undoes by id', async () => {
    useApp.setState({ view: { kind: 'tags', ids: ['t1'], mode: 'and' } });
    await useApp.getState().deleteTag('t1');
    expect(calls('tags.delete')).toEqual([{ id: 't1' }]);
    expect(useApp.getState().view).toEqual({ kind: 'all' });
    expect(useApp.getState().toast).toMatchObject({ message: 'Deleted the tag “survey” (its papers are kept).', tone: 'info' });
    await useApp.getState().undoToast();
    expect(calls('tags.restore')).toEqual([{ id: 't1' }]);
    expect(useApp.getState().toast).toBeNull();
  });

  it('deletes a reading list and a highlight the same way', async () => {
    useApp.setState({ view: { kind: 'list', id: 'l1' } });
    await useApp.getState().deleteList('l1');
    expect(useApp.getState().view).toEqual({ kind: 'all' });
    await useApp.getState().undoToast();
    expect(calls('lists.restore')).toEqual([{ id: 'l1' }]);
    await useApp.getState().deleteHighlight('h1');
    expect(useApp.getState().toast?.message).toBe('Highlight deleted.');
    await useApp.getState().undoToast();
    expect(calls('highlights.restore')).toEqual([{ id: 'h1' }]);
  });

  it('shows the core’s refusal and offers no undo when the delete fails', async () => {
    invoke.mockImplementationOnce(
      async () => ({ ok: false as const, error: { code: 'built-in', message: '“Read later” is built in and cannot be deleted.' } }) as never,
    );
    await useApp.getState().deleteList('read-later');
    expect(useApp.getState().toast).toMatchObject({ tone: 'error', message: '“Read later” is built in and cannot be deleted.', undo: undefined });
  });
});

describe('reading lists', () => {
  it('says where a paper was added, by the list’s name', async () => {
    await useApp.getState().loadLibrary();
    await useApp.getState().addToList('l1', ['p1']);
    expect(calls('lists.add')).toEqual([{ id: 'l1', paperIds: ['p1'] }]);
    expect(useApp.getState().toast?.message).toBe('Added the paper to “To read”.');
  });
});

describe('the paper list', () => {
  it('asks the core for what the view shows', () => {
    expect(queryFor({ view: { kind: 'list', id: 'l1' }, query: 'moe', sort: 'list', stateFilter: 'unread', facets: NO_FACETS })).toMatchObject({
      q: 'moe',
      sort: 'list',
      listId: 'l1',
      digestId: null,
      state: 'unread',
    });
    // A list's own order means nothing outside a list.
    expect(queryFor({ view: { kind: 'tags', ids: ['t1'], mode: 'or' }, query: '', sort: 'list', stateFilter: null, facets: NO_FACETS })).toMatchObject({
      sort: 'digest',
      tagIds: ['t1'],
      tagMode: 'or',
    });
    // Facets hold over any view.
    const facets = { author: 'Ada Lovelace', category: 'cs.', year: 2024 };
    expect(queryFor({ view: { kind: 'starred' }, query: '', sort: 'published', stateFilter: null, facets })).toMatchObject({
      ...facets,
      starred: true,
      sort: 'published',
    });
  });

  it('asks a search’s filter counts once typing pauses, not with each key', async () => {
    vi.useFakeTimers();
    const facets = { categories: [{ name: 'cs.CL', count: 2 }], years: [] };
    invoke.mockImplementation(async (name, arg) =>
      name === 'papers.query' && (arg as { limit: number }).limit === 0
        ? { ok: true, value: { ...(answers[name] as object), items: [], facets } }
        : answer(name),
    );
    try {
      const asked = () => (calls('papers.query') as { q: string; limit: number; facets: boolean }[]).map((a) => [a.q, a.limit, a.facets]);
      for (const q of ['dif', 'diff']) {
        useApp.getState().setQuery(q);
        await useApp.getState().listSettled();
      }
      expect(asked()).toEqual([
        ['dif', 25, false],
        ['diff', 25, false],
      ]);
      await vi.advanceTimersByTimeAsync(249);
      expect(asked()).toHaveLength(2);
      // Until then the counts in hand are not this search's: the filters show no numbers.
      expect(useApp.getState().facetOptionsFor).not.toBe(useApp.getState().rowsFor);
      await vi.advanceTimersByTimeAsync(1);
      expect(asked().at(-1)).toEqual(['diff', 0, true]);
      expect(useApp.getState().facetOptions).toEqual(facets);
      expect(useApp.getState().facetOptionsFor).toBe(useApp.getState().rowsFor);
      // The same search sorted otherwise: no key typed, so its counts come with its first page.
      useApp.getState().setSort('title');
      await useApp.getState().listSettled();
      await vi.advanceTimersByTimeAsync(1000);
      expect(asked().slice(3)).toEqual([['diff', 25, true]]);
      // No search: the view's counts come with its first page, and nothing is asked after.
      useApp.getState().setQuery('');
      await useApp.getState().listSettled();
      await vi.advanceTimersByTimeAsync(1000);
      expect(asked().slice(4)).toEqual([['', 25, true]]);
    } finally {
      invoke.mockImplementation(answer);
      useApp.getState().setSort('digest');
      useApp.getState().setQuery('');
      await useApp.getState().listSettled();
      vi.useRealTimers();
    }
  });

  it('selects with toggle and range as the rows stand', async () => {
    await useApp.getState().refreshList();
    const { selectRow } = useApp.getState();
    selectRow('a', 'toggle');
    selectRow('c', 'range');
    expect(useApp.getState().selectedIds).toEqual(['a', 'b', 'c']);
    selectRow('b', 'toggle');
    expect(useApp.getState().selectedIds).toEqual(['a', 'c']);
    useApp.getState().clearSelection();
    expect(useApp.getState().selectedIds).toEqual([]);
  });
});

describe('restoring the session at start', () => {
  it('keeps what the reader chose while the saved session was on its way', async () => {
    const saved = { view: { kind: 'starred' }, query: 'diffusion', facets: NO_FACETS, selectedId: 'b', scrollTop: 40 };
    let answer: (value: { ok: true; value: unknown }) => void = () => {};
    invoke.mockImplementationOnce((async () => new Promise((resolve) => (answer = resolve))) as never);
    useApp.setState({ query: '' });
    const restoring = useApp.getState().restoreSession();
    // The reader picks a digest before the session arrives: their choice stands.
    useApp.getState().setView({ kind: 'digest', id: 'd1' });
    answer({ ok: true, value: saved });
    await restoring;
    expect(useApp.getState().view).toEqual({ kind: 'digest', id: 'd1' });
    expect(useApp.getState().query).toBe('');
    expect(calls('papers.get')).toEqual([]);
  });

  it('keeps a search typed while the library loaded, before the session was asked for', async () => {
    const saved = { view: { kind: 'starred' }, query: 'diffusion', facets: NO_FACETS, selectedId: 'b', scrollTop: 40 };
    invoke.mockImplementationOnce((async () => ({ ok: true, value: saved })) as never);
    useApp.setState({ query: '' });
    const before = readerChoice(useApp.getState()); // the app's start
    useApp.getState().setQuery('attention'); // typed while the library loads
    await useApp.getState().restoreSession(before);
    expect(useApp.getState().query).toBe('attention');
    expect(useApp.getState().view).not.toEqual({ kind: 'starred' });
    await useApp.getState().listSettled();
  });

  it('restores the saved view, search and open paper when the reader did nothing meanwhile', async () => {
    const saved = { view: { kind: 'starred' }, query: 'diffusion', facets: NO_FACETS, selectedId: 'b', scrollTop: 40 };
    invoke.mockImplementationOnce((async () => ({ ok: true, value: saved })) as never);
    await useApp.getState().restoreSession();
    expect(useApp.getState().view).toEqual({ kind: 'starred' });
    expect(useApp.getState().query).toBe('diffusion');
    expect(calls('papers.get')).toContainEqual({ id: 'b', q: 'diffusion' });
  });
});
