// Sources through the core's contract, against a local server of recorded answers: adding them,
// a fetch that brings papers (a dated digest named from the content), fetches that bring nothing
// (304, the same text, the same papers), and a source going offline while the library stays.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core';
import { HF_DAILY_URL } from '../../../src/sources/describe';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server';
import { dailyCore, fakeClock, HTTP_FIXTURES, refusal } from './helpers';

const RSS = fs.readFileSync(path.join(HTTP_FIXTURES, 'arxiv-rss-cs.CL.xml'), 'utf8');
const HF = fs.readFileSync(path.join(HTTP_FIXTURES, 'hf-daily-papers.json'), 'utf8');

let server: FixtureServer;
const cores: Core[] = [];
beforeAll(async () => {
  server = await startFixtureServer({
    folder: HTTP_FIXTURES,
    routes: {
      // The same listing with another build date, and no validators: new text, no new paper.
      '/rss-rebuilt': [
        { body: RSS, headers: { 'content-type': 'application/rss+xml' } },
        { body: RSS.replaceAll('04 Mar 2025', '05 Mar 2025'), headers: { 'content-type': 'application/rss+xml' } },
      ],
      '/hf': { body: HF, headers: { 'content-type': 'application/json' } },
      '/hf-query': { body: HF, headers: { 'content-type': 'application/json' } },
    },
  });
});
afterAll(() => server.close());
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

async function open(options: Parameters<typeof dailyCore>[0] = {}) {
  const made = await dailyCore(options);
  cores.push(made.core);
  return made;
}

describe('adding sources', () => {
  it('tells the kind from the address or the format, names it, and keeps it with the reader’s data', async () => {
    const { call } = await open();
    const rss = await call('sources.add', { url: 'https://rss.arxiv.org/rss/cs.CL+cs.LG' });
    expect(rss).toMatchObject({ name: 'arXiv cs.CL+cs.LG', kind: 'arxiv-rss', state: 'new', status: 'Not fetched yet', error: null });
    expect(await call('sources.add', { url: 'hf' })).toMatchObject({ kind: 'hf-daily', url: HF_DAILY_URL, name: 'Hugging Face daily papers' });
    expect(await call('sources.add', { url: 'arxiv:cs.AI' })).toMatchObject({ kind: 'arxiv-rss', url: 'https://rss.arxiv.org/rss/cs.AI' });
    expect(await call('sources.add', { url: 'https://export.arxiv.org/api/query?search_query=cat:cs.CL&sortBy=submittedDate&max_results=50' })).toMatchObject({
      kind: 'arxiv-api',
      name: 'arXiv query: cat:cs.CL',
    });
    const local = await call('sources.add', { url: server.url('/arxiv-api-query.atom'), name: 'My query', format: 'arxiv-api' });
    expect(local).toMatchObject({ kind: 'arxiv-api', name: 'My query', format: 'arxiv-api' });
    const listed = await call('sources.list', {});
    expect(listed.sources.map((s) => s.name)).toEqual(['arXiv cs.CL+cs.LG', 'Hugging Face daily papers', 'arXiv cs.AI', 'arXiv query: cat:cs.CL', 'My query']);
    expect(listed.schedule).toEqual({ atStartup: true, dailyHour: 8 });
  });

  it('refuses addresses it would not fetch, unknown formats and duplicates, saying why', async () => {
    const { call } = await open();
    expect(await refusal(call('sources.add', { url: 'ftp://example.org/feed' }))).toMatchObject({
      code: 'invalid-url',
      message: expect.stringMatching(/"ftp:" addresses are not fetched/),
    });
    expect((await refusal(call('sources.add', { url: 'http://example.org/feed.xml' }))).message).toMatch(/plain http address; only https is fetched/);
    expect((await refusal(call('sources.add', { url: 'not a url' }))).message).toMatch(/is not a web address/);
    expect((await refusal(call('sources.add', { url: 'arxiv:../../etc' }))).message).toMatch(/not a list of arXiv categories/);
    expect((await refusal(call('sources.add', { url: 'https://example.org/x', format: 'docx' as never }))).code).toBe('invalid-argument');
    await call('sources.add', { url: 'hf' });
    expect((await refusal(call('sources.add', { url: 'https://huggingface.co/papers' }))).message).toMatch(/already fetches this address/);
    expect((await call('sources.list', {})).sources).toHaveLength(1);
  });

  it('removes a source with undo, and renames or re-points one', async () => {
    const { call } = await open();
    const s = await call('sources.add', { url: 'arxiv:cs.CL' });
    expect(await call('sources.update', { id: s.id, name: 'Computation and language' })).toMatchObject({ name: 'Computation and language', url: s.url });
    expect(await call('sources.update', { id: s.id, url: 'arxiv:cs.LG' })).toMatchObject({
      name: 'Computation and language',
      url: 'https://rss.arxiv.org/rss/cs.LG',
    });
    expect(await call('sources.remove', { id: s.id })).toEqual({ id: s.id, name: 'Computation and language' });
    expect((await call('sources.list', {})).sources).toEqual([]);
    await call('sources.restore', { id: s.id });
    expect((await call('sources.list', {})).sources.map((x) => x.id)).toEqual([s.id]);
  });
});

describe('fetching', () => {
  it('makes a dated digest of what is new, reporting progress and a summary; then a 304 adds nothing', async () => {
    const { call, events } = await open();
    const s = await call('sources.add', { url: server.url('/arxiv-rss-cs.CL.xml') });
    const run = await call('sources.fetch', { ids: [s.id] });
    expect(run).toMatchObject({ trigger: 'manual', newPapers: 2, matched: 0, summary: '2 new papers' });
    expect(run.results[0]).toMatchObject({ ok: true, newPapers: 2, error: null, digests: [{ name: 'arXiv cs.CL 2025-03-04', added: 2 }] });
    const { digests } = await call('digests.list', {});
    expect(digests).toMatchObject([{ name: 'arXiv cs.CL 2025-03-04', source: 'fetch', format: 'arxiv-rss', paperCount: 2 }]);
    expect(events.of('fetch.progress').map((p) => p.phase)).toEqual(['fetching', 'importing', 'importing', 'done']);
    expect(events.of('fetch.progress')[1]).toMatchObject({ bytes: Buffer.byteLength(RSS) });
    expect(events.of('fetch.finished')).toEqual([run]);
    const [after] = (await call('sources.list', {})).sources;
    expect(after).toMatchObject({
      state: 'ok',
      lastDigestId: digests[0].id,
      error: null,
      status: expect.stringMatching(/^Last fetched \d{4}-\d\d-\d\d \d\d:\d\d$/),
    });

    const again = await call('sources.fetch', {});
    expect(again).toMatchObject({ newPapers: 0, summary: 'No new papers', results: [{ ok: true, digests: [] }] });
    expect(server.requestsTo('/arxiv-rss-cs.CL.xml').at(-1)!.headers['if-none-match']).toMatch(/^"/);
    expect((await call('digests.list', {})).digests).toHaveLength(1);
  });

  it('applies the smart lists’ rules to what a fetch brings, and says how many match', async () => {
    const { call, events } = await open();
    await call('smart.create', { name: 'Speculative', query: 'speculative', rule: { star: true, tag: 'spec' } });
    await call('sources.add', { url: server.url('/arxiv-rss-cs.CL.xml') });
    const run = await call('sources.fetch', {});
    expect(run).toMatchObject({ newPapers: 2, matched: 1, summary: '2 new papers, 1 matches your interests' });
    expect(events.of('fetch.finished')[0].summary).toBe('2 new papers, 1 matches your interests');
    const starred = await call('papers.query', { starred: true });
    expect(starred.items.map((p) => [p.title, p.tags.map((t) => t.name)])).toEqual([['Fast Best-of-N Decoding via Speculative Rejection', ['spec']]]);
  });

  it('sends the app’s User-Agent', async () => {
    const { call } = await open();
    await call('sources.add', { url: server.url('/hf-daily-papers.json') });
    await call('sources.fetch', {});
    expect(server.requestsTo('/hf-daily-papers.json')[0].headers['user-agent']).toMatch(/^DigestReader\/\S+ \(\+https:\/\/\S+\)$/);
  });

  it('the same papers under another build date add nothing; neither does the very same text', async () => {
    const { call } = await open();
    await call('sources.add', { url: server.url('/rss-rebuilt'), format: 'arxiv-rss' });
    expect((await call('sources.fetch', {})).newPapers).toBe(2);
    expect(await call('sources.fetch', {})).toMatchObject({ newPapers: 0, results: [{ ok: true, digests: [] }] });
    expect((await call('digests.list', {})).digests).toHaveLength(1);
  });

  it('a dated source asks for each day since its last, named by the day', async () => {
    const time = fakeClock('2025-03-04T10:00:00');
    const { call } = await open({ clock: time.clock });
    await call('sources.add', { url: server.url('/hf'), format: 'hf-daily-papers' });
    const run = await call('sources.fetch', {});
    // New: yesterday and today. Both days answer the same list here: the second adds nothing.
    expect(server.requestsTo('/hf').length).toBe(2);
    expect(run.results[0].digests.map((d) => d.name)).toEqual(['Hugging Face daily papers 2025-03-03']);
    time.advance(3 * 86_400_000);
    await call('sources.fetch', {});
    // From its last day with papers (03-04: it may have gained some) to today, 03-07.
    expect(server.requestsTo('/hf')).toHaveLength(2 + 4);
  });

  it('a Hugging Face address without {date} keeps its query, asking for each day in its own `date`', async () => {
    const time = fakeClock('2025-03-04T10:00:00');
    const { call } = await open({ clock: time.clock });
    const s = await call('sources.add', { url: server.url('/hf-query?limit=5&date=2020-01-01&q=a%20b'), format: 'hf-daily-papers' });
    expect(s.url).toBe(server.url('/hf-query?limit=5&q=a%20b&date={date}'));
    expect(await call('sources.add', { url: 'https://huggingface.co/api/daily_papers?limit=50', name: 'HF top 50' })).toMatchObject({
      url: 'https://huggingface.co/api/daily_papers?limit=50&date={date}',
    });
    await call('sources.fetch', { ids: [s.id] });
    expect(server.requestsTo('/hf-query').map((r) => r.search)).toEqual(['?limit=5&q=a%20b&date=2025-03-03', '?limit=5&q=a%20b&date=2025-03-04']);
  });

  it('a 404 for today is a day not listed yet, asked again later; one for an older day is an error naming it', async () => {
    const time = fakeClock('2025-03-04T10:00:00');
    const { call } = await open({ clock: time.clock });
    // Hugging Face answers 404 for a day it has not listed yet; `listed` says which days it has.
    const listed = new Map([['2025-03-03', HF]]);
    server.route('/hf-days', {
      handler: (req, res) => {
        const body = listed.get(new URL(req.url!, 'http://x').searchParams.get('date') ?? '');
        if (body) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not Found"}');
      },
    });
    const s = await call('sources.add', { url: server.url('/hf-days?date={date}'), format: 'hf-daily-papers' });
    const first = await call('sources.fetch', {});
    expect(first.results[0]).toMatchObject({ ok: true, error: null, digests: [{ name: 'Hugging Face daily papers 2025-03-03' }] });
    expect((await call('sources.list', {})).sources[0]).toMatchObject({ state: 'ok', error: null });
    // Listed later that day: the next fetch asks for today again and brings it in.
    listed.set('2025-03-04', HF.replaceAll('2503.00001', '2503.00004').replaceAll('Speculative Rejection', 'Speculative Refusal'));
    const later = await call('sources.fetch', {});
    expect(later.results[0]).toMatchObject({ ok: true, digests: [{ name: 'Hugging Face daily papers 2025-03-04', added: 1 }] });
    // Two days on, 03-05 was never listed: an error that names the day, and 03-06 (today) still asked for.
    time.advance(2 * 86_400_000);
    const gap = await call('sources.fetch', { ids: [s.id] });
    expect(gap.results[0]).toMatchObject({ ok: false, error: { code: 'http-404', retryable: false } });
    expect(gap.results[0].error!.message).toMatch(/^No listing for 2025-03-05: 127\.0\.0\.1:\d+ has nothing at this address \(HTTP 404\)\.$/);
    expect(server.requestsTo('/hf-days').map((r) => r.search.slice(-10))).toEqual([
      '2025-03-03',
      '2025-03-04',
      '2025-03-03',
      '2025-03-04',
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
    ]);
  });

  it('a listing fetched again the same day, grown since, becomes a digest of what it added', async () => {
    const { call } = await open();
    const first = RSS.replace(/<item>(?:(?!<item>)[\s\S])*FocusLLM[\s\S]*?<\/item>/, '');
    expect(first).not.toContain('FocusLLM');
    server.route(
      '/growing',
      [first, RSS].map((body) => ({ body, headers: { 'content-type': 'application/rss+xml' } })),
    );
    await call('sources.add', { url: server.url('/growing'), format: 'arxiv-rss' });
    const [day] = (await call('sources.fetch', {})).results[0].digests;
    expect(day).toMatchObject({ name: expect.stringMatching(/^arXiv cs\.CL \d{4}-\d\d-\d\d$/), added: 1 });
    const again = await call('sources.fetch', {});
    expect(again.results[0].digests).toEqual([expect.objectContaining({ name: `${day.name} (2)`, added: 1 })]);
    const second = (await call('digests.list', {})).digests.find((d) => d.name.endsWith('(2)'))!;
    expect(second.paperCount).toBe(1); // the paper it added, not a second copy of the day
  });

  it('a listing fetched again with nothing new but grown upvotes makes no digest and updates the upvotes', async () => {
    const time = fakeClock('2025-03-04T10:00:00');
    const { call } = await open({ clock: time.clock });
    const items = JSON.parse(HF) as { paper: { id: string; upvotes: number } }[];
    const top = items[0].paper;
    const later = JSON.stringify(items.map((x) => (x.paper.id === top.id ? { ...x, paper: { ...x.paper, upvotes: top.upvotes + 40 } } : x)).reverse());
    // Yesterday and today at the first fetch, today again at the second.
    server.route(
      '/hf-upvoted',
      [HF, HF, later].map((body) => ({ body, headers: { 'content-type': 'application/json' } })),
    );
    await call('sources.add', { url: server.url('/hf-upvoted'), format: 'hf-daily-papers' });
    await call('sources.fetch', {});
    time.advance(3_600_000);
    expect(await call('sources.fetch', {})).toMatchObject({ newPapers: 0, results: [{ ok: true, digests: [] }] });
    expect(server.requestsTo('/hf-upvoted')).toHaveLength(3);
    expect((await call('digests.list', {})).digests).toHaveLength(1);
    const row = (await call('papers.query', { limit: 50 })).items.find((p) => p.arxivId === top.id)!;
    expect(row.upvotes).toBe(top.upvotes + 40);
  });

  it('a catch-up that fails on a later day keeps and reports the days before it', async () => {
    const time = fakeClock('2025-03-04T10:00:00');
    const { call } = await open({ clock: time.clock });
    server.route('/hf-then-busy', [
      { body: HF, headers: { 'content-type': 'application/json' } },
      { status: 503, body: 'busy' },
    ]);
    const s = await call('sources.add', { url: server.url('/hf-then-busy'), format: 'hf-daily-papers' });
    const run = await call('sources.fetch', {});
    expect(run.results[0]).toMatchObject({ ok: false, digests: [{ name: 'Hugging Face daily papers 2025-03-03' }], error: { retryable: true } });
    const listed = (await call('sources.list', {})).sources.find((x) => x.id === s.id)!;
    expect(listed.status).toMatch(/^Error: .*\(last fetched 2025-03-04 10:00\)$/); // not "never fetched": a day came in
  });

  it('a request that times out is asked once more, and the retry is reported as it starts', async () => {
    const { call, events } = await open({ timeoutMs: 300 });
    server.route('/late', [{ hang: true }, { body: RSS, headers: { 'content-type': 'application/rss+xml' } }]);
    const s = await call('sources.add', { url: server.url('/late'), name: 'Late' });
    const run = await call('sources.fetch', { ids: [s.id] });
    expect(run.results[0]).toMatchObject({ ok: true, newPapers: 2 });
    const retries = events.of('fetch.progress').filter((p) => p.phase === 'retrying');
    expect(retries).toEqual([
      {
        sourceId: s.id,
        name: 'Late',
        phase: 'retrying',
        url: server.url('/late'),
        attempt: 2,
        of: 2,
        reason: `${new URL(server.origin).host} did not answer within 300 ms.`,
      },
    ]);
  });

  it('offline: the source says so and since when; the library does not change', async () => {
    const dead = await startFixtureServer({ routes: { '/feed': { body: RSS, headers: { 'content-type': 'application/rss+xml' } } } });
    const { call } = await open();
    const s = await call('sources.add', { url: dead.url('/feed') });
    await call('sources.fetch', {});
    const before = await call('digests.list', {});
    await dead.close(); // the port refuses connections from now on
    const run = await call('sources.fetch', { ids: [s.id] });
    expect(run.results[0]).toMatchObject({ ok: false, newPapers: 0, error: { code: 'offline', retryable: true } });
    const [after] = (await call('sources.list', {})).sources;
    expect(after.state).toBe('offline');
    expect(after.status).toMatch(/^Offline, last fetched \d{4}-\d\d-\d\d \d\d:\d\d\. Could not reach 127\.0\.0\.1:\d+: the connection failed/);
    expect(after.lastSuccessAt).not.toBeNull();
    expect(await call('digests.list', {})).toEqual(before);
  });
});
