// Smart lists through the contract: saved searches with live and "new" counts, undo, queries
// that say where they stop making sense, papers.query over a smart list, and rules at import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core';
import { openCore } from '../../../src/core';
import { compileQuery, parseQuery } from '../../../src/smart';
import { smartPaper } from '../../../src/smart/evaluate';
import { READ_LATER_ID } from '../../../src/storage/schema';
import { matchSummary } from '../../../src/api/vocabulary';
import { SAMPLE, SECOND, tempDir } from '../../helpers';
import { caller, refusal, until } from '../sources/helpers';

let core: Core;
let call: ReturnType<typeof caller>;
/** The sample's papers, as the core holds them. */
let papers: Awaited<ReturnType<typeof allPapers>>;
const allPapers = async () => (await call('papers.query', { limit: 1000 })).items;

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir(), ranking: { debounceMs: 0 } });
  call = caller(core);
  await call('digests.import', { name: 'Sample', text: SAMPLE, source: 'paste' });
  // Search works once the index is built: wait for it, as the page does (on the event, here by asking again).
  let indexing = true;
  await until(() => {
    void call('papers.query', { q: 'cache' }).then((page) => (indexing = Boolean(page.indexing)));
    return !indexing;
  }, 'the search index');
  papers = await allPapers();
}, 60_000);
afterAll(() => core.close());

/** The papers a query matches, by a plain scan of every paper (the reference the service must agree with). */
async function scan(query: string): Promise<string[]> {
  const q = parseQuery(query);
  if (!q.ok) throw q.error;
  const test = compileQuery(q.query);
  const data = (await import('../../../src/smart/evaluate')).smartPaper;
  const full = await Promise.all(papers.map((p) => call('papers.get', { id: p.id })));
  return full
    .filter((p) => test({ ...data({ ...p, appearances: [], rev: 0 }), tags: p.tags.map((t) => t.name), state: p.state, starred: p.starred }))
    .map((p) => p.id)
    .sort();
}

describe('smart lists', () => {
  it('count exactly what the query says, whether the index or a scan answers', async () => {
    for (const query of [
      '"kv cache"',
      'speculative decoding',
      'reasoning -survey',
      'quantization cat:cs.CL',
      'the',
      '"mixture of experts" -moe',
      'inference',
    ]) {
      const made = await call('smart.create', { name: `q ${query}`, query });
      const members = (await call('papers.query', { smartListId: made.id, limit: 1000 })).items.map((p) => p.id).sort();
      expect(members, query).toEqual(await scan(query));
      expect(made.count, query).toBe(members.length);
      await call('smart.delete', { id: made.id });
    }
  });

  it('keep the query in its canonical form, refuse a duplicate name, and say where a query stops making sense', async () => {
    const made = await call('smart.create', { name: 'KV', query: '  "KV   cache"  AUTHOR:hinton ' });
    expect(made).toMatchObject({ name: 'KV', query: '"KV cache" author:hinton', rule: null, count: 0, newCount: 0 });
    expect((await refusal(call('smart.create', { name: 'kv', query: 'x' }))).code).toBe('duplicate-name');
    const bad = await refusal(call('smart.create', { name: 'Bad', query: 'speculative auhtor:hinton' }));
    expect(bad).toMatchObject({ code: 'invalid-query', message: 'This query does not read: unknown field "auhtor" at 12; did you mean author:?.' });
    expect(await call('smart.check', { query: 'speculative auhtor:hinton' })).toEqual({
      ok: false,
      code: 'unknown-field',
      offset: 12,
      message: 'unknown field "auhtor" at 12; did you mean author:?',
      caret: 'speculative auhtor:hinton\n            ^ unknown field "auhtor" at 12; did you mean author:?',
    });
    expect(await call('smart.check', { query: '"kv cache"' })).toEqual({ ok: true, query: '"kv cache"', count: (await scan('"kv cache"')).length });
    expect((await call('smart.list', {})).map((s) => s.name)).toEqual(['KV']);
    await call('smart.delete', { id: made.id });
  });

  it('follow the reader’s data live: tag: and status: terms', async () => {
    const list = await call('smart.create', { name: 'Starred cache', query: 'cache status:starred' });
    expect(list.count).toBe(0);
    const withCache = papers.filter((p) => /\bcache\b/i.test(p.title)).slice(0, 2);
    await call('status.set', { paperIds: withCache.map((p) => p.id), starred: true });
    expect((await call('smart.list', {})).find((s) => s.id === list.id)!.count).toBe(2);
    const tagged = await call('smart.create', { name: 'Tagged', query: 'tag:"to cite" -status:read' });
    await call('tags.add', { paperIds: [papers[0].id, papers[1].id], names: ['To cite'] });
    await call('status.set', { paperIds: [papers[1].id], state: 'read' });
    expect((await call('papers.query', { smartListId: tagged.id })).items.map((p) => p.id)).toEqual([papers[0].id]);
    await call('status.set', { paperIds: withCache.map((p) => p.id), starred: false });
    await call('smart.delete', { id: list.id });
    await call('smart.delete', { id: tagged.id });
  });

  it('rename, change the query or rule, delete with undo', async () => {
    const list = await call('smart.create', { name: 'MoE', query: 'experts' });
    expect(await call('smart.rename', { id: list.id, name: 'Mixture of experts' })).toMatchObject({ name: 'Mixture of experts', query: 'experts' });
    const changed = await call('smart.update', { id: list.id, query: '"mixture of experts"', rule: { tag: 'moe', star: false } });
    expect(changed).toMatchObject({ query: '"mixture of experts"', rule: { tag: 'moe' } });
    expect(await call('smart.update', { id: list.id, rule: null })).toMatchObject({ rule: null });
    expect((await refusal(call('smart.update', { id: list.id, rule: { listId: 'no-such-list' } }))).code).toBe('not-found');
    expect(await call('smart.delete', { id: list.id })).toEqual({ id: list.id, name: 'Mixture of experts' });
    expect(await call('smart.list', {})).toEqual([]);
    expect(await call('smart.restore', { id: list.id })).toMatchObject({ id: list.id, name: 'Mixture of experts', query: '"mixture of experts"' });
    expect((await refusal(call('smart.restore', { id: 'never-deleted' }))).code).toBe('not-found');
    await call('smart.delete', { id: list.id });
  });
});

describe('rules and "new since you last looked", at import', () => {
  it('name the matching papers in the report, act on the new ones only, and count them as new until seen', async () => {
    const list = await call('lists.create', { name: 'Decoding' });
    const smart = await call('smart.create', {
      name: 'Decoding',
      query: 'decoding',
      rule: { tag: 'decoding', listId: list.id, star: true },
    });
    const other = await call('smart.create', { name: 'Nothing', query: 'zzzyzx' });
    const before = new Set(papers.map((p) => p.id));
    const report = await call('digests.import', { name: 'Second', text: SECOND, source: 'paste' });
    const total = report.digest!.paperCount;
    const matching = report.matches.find((m) => m.smartListId === smart.id)!;
    expect(report.matches.map((m) => m.name)).toEqual(['Decoding']); // "Nothing" matches nothing, and is not named
    expect(matching.paperIds.length).toBeGreaterThan(0);
    expect(report.matchedPapers).toBe(matching.paperIds.length);
    // The report names them by title, in the digest's order.
    expect(report.matchedTitles.map((t) => t.id).sort()).toEqual([...matching.paperIds].sort());
    for (const t of report.matchedTitles) expect(t.title).toBe((await call('papers.get', { id: t.id })).title);
    expect(matchSummary(report.matchedPapers, total)).toBe(`${report.matchedPapers} of ${total} match${report.matchedPapers === 1 ? 'es' : ''} your interests`);
    const fresh = matching.paperIds.filter((id) => !before.has(id));
    const known = matching.paperIds.filter((id) => before.has(id));
    expect(fresh.length).toBeGreaterThan(0);
    expect(known.length).toBeGreaterThan(0); // FocusLLM was in the sample: matched, but left alone
    expect(matching.newPaperIds.sort()).toEqual(fresh.sort());
    expect(matching.applied).toEqual({ tagged: fresh.length, listed: fresh.length, starred: fresh.length });
    for (const id of fresh) expect(await call('papers.get', { id })).toMatchObject({ starred: true, tags: [{ name: 'decoding' }], lists: [{ id: list.id }] });
    for (const id of known) expect(await call('papers.get', { id })).toMatchObject({ starred: false, lists: [] });

    const summary = (await call('smart.list', {})).find((s) => s.id === smart.id)!;
    expect(summary.newCount).toBe(fresh.length);
    expect(await call('smart.seen', { id: smart.id })).toMatchObject({ newCount: 0, count: summary.count });
    await call('smart.delete', { id: other.id });
  });

  it('a rule whose reading list is gone still tags and stars, and the import goes through', async () => {
    const dir = tempDir();
    const own = await openCore({ dataDir: dir });
    const c = caller(own);
    try {
      const list = await c('lists.create', { name: 'Gone soon' });
      await c('smart.create', { name: 'Graphs', query: 'molecular', rule: { listId: list.id, star: true } });
      await c('lists.delete', { id: list.id });
      const report = await c('digests.import', { name: 'Second', text: SECOND, source: 'paste' });
      expect(report.matches).toMatchObject([{ name: 'Graphs', applied: { listed: 0, starred: 1 } }]);
      expect((await c('lists.list', {})).map((l) => l.id)).toEqual([READ_LATER_ID]);
    } finally {
      await own.close();
    }
  });

  it('smartPaper reads categories and the reader’s data', () => {
    const p = { id: 'p', title: 'T', abstract: 'A', appearances: [], rev: 0, primaryCategory: 'cs.CL', categories: ['cs.LG'] };
    expect(smartPaper(p)).toMatchObject({ categories: ['cs.CL', 'cs.LG'], tags: [], state: 'unread', starred: false });
  });
});
