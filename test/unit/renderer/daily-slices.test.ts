// The daily loop's slices (sources, smart lists, trends, "Best for you") and the helpers of their
// views, against a stand-in transport: what each sends to the core and what the page shows after.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../renderer/store';
import type { FetchRun, SourceSummary } from '../../../renderer/store/types';
import { nameFromQuery, phaseLine, smartQueryFromSearch, sourceLine, timeAgo } from '../../../renderer/daily';

const source = (over: Partial<SourceSummary> = {}): SourceSummary => ({
  id: 's1',
  name: 'cs.CL',
  kind: 'arxiv-rss',
  url: 'https://rss.arxiv.org/rss/cs.CL',
  format: null,
  state: 'ok',
  status: '',
  lastSuccessAt: '2026-07-20T08:00:00.000Z',
  lastAttemptAt: null,
  lastNewAt: null,
  lastDigestId: null,
  error: null,
  ...over,
});
const run = (newPapers: number, ok = true): FetchRun => ({
  trigger: 'manual',
  newPapers,
  matched: 0,
  summary: newPapers ? `${newPapers} new papers` : 'No new papers',
  results: [
    { sourceId: 's1', name: 'cs.CL', ok, newPapers, matched: 0, digests: [], error: ok ? null : { code: 'http-404', message: 'gone', retryable: false } },
  ],
});

const answers: Record<string, unknown> = {
  'sources.list': { sources: [source()], schedule: { atStartup: true, dailyHour: 8 }, next: { at: '2026-07-21T08:00:00.000Z', trigger: 'daily' } },
  'sources.remove': { id: 's1', name: 'cs.CL' },
  'sources.fetch': run(23),
  'smart.create': { id: 'm1', name: 'KV cache', query: '"kv cache"', rule: null, count: 4, newCount: 0, seenAt: '', createdAt: '' },
  'smart.delete': { id: 'm1', name: 'KV cache' },
  'smart.seen': { id: 'm1', name: 'KV cache', query: '"kv cache"', rule: null, count: 4, newCount: 0, seenAt: '', createdAt: '' },
  'smart.list': [{ id: 'm1', name: 'KV cache', query: '"kv cache"', rule: null, count: 4, newCount: 2, seenAt: '', createdAt: '' }],
  'papers.query': {
    total: 1,
    matched: 1,
    items: [{ id: 'a', reason: 'shares kv cache with 3 papers you starred' }],
    searched: false,
    indexing: null,
    ranking: { state: 'not-enough-signal', message: 'Not enough signal yet' },
  },
  'digests.list': { digests: [], paperCount: 1 },
  'lists.list': [],
  'tags.list': [],
  'app.status': { warnings: [] },
  'trends.get': { digests: [], series: [], rising: [{ term: 'kv cache', thisWeek: 5, perWeekBefore: 1, score: 2 }], window: {} },
};
const invoke = vi.fn(async (name: string, _arg?: unknown) => ({ ok: true as const, value: answers[name] ?? null }));
vi.stubGlobal('window', { digestReader: { invoke, subscribe: () => () => {} } });

let useApp: { getState(): AppState; setState(s: Partial<AppState>): void };
let queryFor: typeof import('../../../renderer/store/paper-list-slice').queryFor;
let NO_FACETS: typeof import('../../../renderer/store/paper-list-slice').NO_FACETS;
beforeAll(async () => {
  ({ useApp } = await import('../../../renderer/store'));
  ({ queryFor, NO_FACETS } = await import('../../../renderer/store/paper-list-slice'));
});
beforeEach(() => {
  invoke.mockClear();
  useApp.setState({ toast: null, view: { kind: 'all' }, query: '', sort: 'digest', fetching: {}, lastRun: null, lastResults: {} });
});
const calls = (name: string) => invoke.mock.calls.filter(([n]) => n === name).map(([, arg]) => arg);

describe('sources', () => {
  it('loads the sources with the schedule and the next fetch', async () => {
    await useApp.getState().loadSources();
    expect(useApp.getState().sources).toHaveLength(1);
    expect(useApp.getState().schedule).toEqual({ atStartup: true, dailyHour: 8 });
    expect(useApp.getState().nextFetch).toBe('2026-07-21T08:00:00.000Z');
  });

  it('adds a source without an empty name, and fetches all; the run is counted once though it arrives twice', async () => {
    invoke.mockImplementationOnce(async () => ({ ok: true, value: source() }));
    expect(await useApp.getState().addSource({ url: 'arxiv:cs.CL', name: '  ' })).toBe(true);
    expect(calls('sources.add')).toEqual([{ url: 'arxiv:cs.CL' }]);
    await useApp.getState().fetchSources();
    expect(calls('sources.fetch')).toEqual([{}]);
    expect(useApp.getState().toast).toMatchObject({ message: '23 new papers.', tone: 'info' });
    expect(useApp.getState().lastResults.s1).toMatchObject({ newPapers: 23 });
    useApp.setState({ toast: null });
    useApp.getState().noteFetchFinished(run(23)); // the same run, as the event
    expect(useApp.getState().toast).toBeNull();
  });

  it("counts a fetch's sources from nothing each time: a later fetch of one is 1, not the last run's 5", () => {
    useApp.setState({ sources: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ ...source(), id })), fetchTotal: 0, fetching: {} });
    const pending = () => new Promise<never>(() => undefined); // each fetch stays under way
    invoke.mockImplementationOnce(pending).mockImplementationOnce(pending).mockImplementationOnce(pending);
    void useApp.getState().fetchSources();
    expect(useApp.getState().fetchTotal).toBe(5);
    for (const id of ['a', 'b', 'c', 'd', 'e']) useApp.getState().noteFetchProgress({ sourceId: id, name: id, phase: 'done' });
    expect(useApp.getState().fetchTotal).toBe(0);
    void useApp.getState().fetchSources(['c']);
    expect(useApp.getState().fetchTotal).toBe(1);
    void useApp.getState().fetchSources(['d', 'c']); // c is under way already: one more
    expect(useApp.getState().fetchTotal).toBe(2);
  });

  it('shows progress per source until it is done or failed', () => {
    useApp.getState().noteFetchProgress({ sourceId: 's1', name: 'cs.CL', phase: 'importing', papers: 12 });
    expect(useApp.getState().fetching.s1).toMatchObject({ phase: 'importing', papers: 12 });
    useApp.getState().noteFetchProgress({ sourceId: 's1', name: 'cs.CL', phase: 'failed' });
    expect(useApp.getState().fetching).toEqual({});
  });

  it('says which source failed, in an error toast when nothing came', () => {
    useApp.getState().noteFetchFinished(run(0, false));
    expect(useApp.getState().toast).toMatchObject({ message: 'No new papers. “cs.CL” failed: see Sources.', tone: 'error' });
  });

  it('removes a source with undo, by id', async () => {
    await useApp.getState().removeSource('s1');
    expect(useApp.getState().toast?.message).toBe('Removed the source “cs.CL” (its digests and papers are kept).');
    await useApp.getState().undoToast();
    expect(calls('sources.restore')).toEqual([{ id: 's1' }]);
  });
});

describe('smart lists and "Best for you"', () => {
  it('creates a smart list, opens it (asking for its papers) and marks it seen', async () => {
    const id = await useApp.getState().createSmartList('KV cache', '"kv cache"', { tag: 'kv' });
    expect(calls('smart.create')).toEqual([{ name: 'KV cache', query: '"kv cache"', rule: { tag: 'kv' } }]);
    useApp.getState().openSmartList(id!);
    expect(useApp.getState().view).toEqual({ kind: 'smart', id: 'm1' });
    expect(queryFor(useApp.getState())).toMatchObject({ smartListId: 'm1' });
    await vi.waitFor(() => expect(calls('smart.seen')).toEqual([{ id: 'm1' }]));
  });

  it('deletes a smart list with undo and leaves its view', async () => {
    useApp.setState({ view: { kind: 'smart', id: 'm1' } });
    await useApp.getState().deleteSmartList('m1');
    expect(useApp.getState().view).toEqual({ kind: 'all' });
    await useApp.getState().undoToast();
    expect(calls('smart.restore')).toEqual([{ id: 'm1' }]);
  });

  it('keeps live counts with the library', async () => {
    await useApp.getState().loadLibrary();
    await vi.waitFor(() => expect(useApp.getState().smartLists[0]).toMatchObject({ newCount: 2 }));
  });

  it('sorts "Best for you": rows carry reasons and the list knows how the model stands', async () => {
    useApp.getState().setSort('best');
    await useApp.getState().listSettled();
    expect(calls('papers.query').at(-1)).toMatchObject({ sort: 'best' });
    expect(useApp.getState().rows[0].reason).toBe('shares kv cache with 3 papers you starred');
    expect(useApp.getState().ranking).toMatchObject({ state: 'not-enough-signal' });
  });

  it('sends "not interested" for a selection', async () => {
    await useApp.getState().setStatus(['a', 'b'], { notInterested: true });
    expect(calls('status.set')).toEqual([{ paperIds: ['a', 'b'], notInterested: true }]);
  });
});

describe('trends', () => {
  it('loads the trends; a term searches all papers for it, a phrase as a phrase', async () => {
    await useApp.getState().loadTrends();
    expect(useApp.getState().trends?.rising[0].term).toBe('kv cache');
    useApp.setState({ view: { kind: 'trends' } });
    useApp.getState().searchTerm('kv cache');
    expect(useApp.getState().view).toEqual({ kind: 'all' });
    expect(useApp.getState().query).toBe('"kv cache"');
  });
});

describe('helpers of the views', () => {
  const now = new Date('2026-07-20T10:00:00.000Z');
  it('says how long ago', () => {
    expect(timeAgo('2026-07-20T09:59:40.000Z', now)).toBe('just now');
    expect(timeAgo('2026-07-20T09:55:00.000Z', now)).toBe('5 min ago');
    expect(timeAgo('2026-07-20T08:00:00.000Z', now)).toBe('2 h ago');
    expect(timeAgo('2026-07-17T10:00:00.000Z', now)).toBe('3 days ago');
  });

  it('says what a source being fetched is doing, a retry with why and which', () => {
    const p = { sourceId: 's', name: 'HF', url: 'https://huggingface.co/api/daily_papers?date=2026-07-20' };
    expect(phaseLine({ ...p, phase: 'fetching' })).toBe('Asking huggingface.co…');
    expect(phaseLine({ ...p, phase: 'retrying', attempt: 2, of: 2, reason: 'huggingface.co did not answer within 30 s.' })).toBe(
      'huggingface.co did not answer within 30 s. Trying again (2 of 2)…',
    );
    expect(phaseLine({ ...p, phase: 'importing', papers: 23 })).toBe('Importing 23 papers…');
  });

  it('says how a source stands', () => {
    expect(sourceLine(source(), run(23).results[0], now)).toBe('Fetched 2 h ago, 23 new');
    expect(sourceLine(source(), run(0).results[0], now)).toBe('Fetched 2 h ago, nothing new');
    expect(sourceLine(source({ state: 'offline' }), undefined, now)).toBe('Offline, last fetched 2 h ago');
    expect(sourceLine(source({ state: 'error', lastSuccessAt: null }), undefined, now)).toBe('Failed, never fetched');
    expect(sourceLine(source({ state: 'new', lastSuccessAt: null }), undefined, now)).toBe('Not fetched yet');
  });

  it('writes the search and its filters in the smart-list syntax, and names it from its words', () => {
    expect(smartQueryFromSearch('kv cache', NO_FACETS, null)).toBe('kv cache');
    expect(smartQueryFromSearch('decoding', { author: 'Ada Lovelace', category: 'cs.', year: 2025 }, 'unread')).toBe(
      'decoding author:"Ada Lovelace" cat:cs year:2025 status:unread',
    );
    expect(nameFromQuery('"kv cache" author:"Ada Lovelace" cat:cs.CL')).toBe('kv cache');
  });
});
