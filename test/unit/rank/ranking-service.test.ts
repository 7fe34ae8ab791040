// "Best for you" through the contract: the model trains in its worker from the reader's signals,
// any list, digest, search or smart list sorts by it with a reason per row, it retrains by itself
// when the signals change, and below three positives it says so instead of pretending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_POSITIVES } from '../../../src/api/vocabulary';
import type { Events } from '../../../src/api/events';
import { type Core, openCore } from '../../../src/core';
import { readSignals } from '../../../src/rank/signals';
import { migrate } from '../../../src/storage/schema';
import { SAMPLE, SECOND, tempDir } from '../../helpers';
import { caller, until } from '../sources/helpers';

let core: Core;
let call: ReturnType<typeof caller>;
const changes: Events['ranking.changed'][] = [];
let byTitle: Map<string, string>;
const id = (start: string) => [...byTitle].find(([t]) => t.startsWith(start))![1];

/** Waits for the model to answer the change just made (the core retrains in the background). */
async function retrained(since: number) {
  await until(() => changes.length > since, 'a retrain');
}

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir(), ranking: { debounceMs: 0 } });
  call = caller(core);
  core.events.on('ranking.changed', (e) => changes.push(e));
  await call('digests.import', { name: 'Sample', text: SAMPLE, source: 'paste' });
  byTitle = new Map((await call('papers.query', { limit: 1000 })).items.map((p) => [p.title, p.id]));
  // Searches answer once the index has opened beside the list (until then a page says "indexing", and the window asks again).
  while ((await call('papers.query', { q: 'inference', limit: 1 })).indexing) await new Promise((resolve) => setTimeout(resolve, 5));
}, 60_000);
afterAll(() => core.close());

describe('"Best for you"', () => {
  it('waits for three positive signals, and says so', async () => {
    expect((await call('ranking.status', {})).state).toMatch(/idle|training/);
    await retrained(0);
    const status = await call('ranking.status', {});
    expect(status).toMatchObject({ state: 'not-enough-signal', positives: 0, needed: MIN_POSITIVES });
    expect(status.message).toBe('Not enough signal yet: star or tag 3 papers (0 so far) and “Best for you” will rank the rest.');
    const page = await call('papers.query', { sort: 'best', limit: 5 });
    expect(page.ranking?.state).toBe('not-enough-signal');
    const plain = await call('papers.query', { limit: 5 });
    expect(page.items.map((p) => p.id)).toEqual(plain.items.map((p) => p.id)); // the usual order, not a made-up one
    expect(page.items.every((p) => p.reason === null)).toBe(true);
    expect(plain.ranking).toBeNull();
  });

  it('learns from stars: the other papers of the subject come first, each with its reason', async () => {
    const n = changes.length;
    const starred = ['A Survey on Inference Optimization Techniques for Mixture', 'DeepSpeed-MoE', 'Fiddler', 'CMoE'].map(id);
    await call('status.set', { paperIds: starred, starred: true });
    await retrained(n);
    expect(changes.at(-1)).toEqual({ state: 'ready' });
    const page = await call('papers.query', { sort: 'best', starred: false, limit: 5 });
    expect(page.ranking).toMatchObject({ state: 'ready', positives: 4, message: 'Ranked from 4 of your papers.' });
    const moe = page.items.filter((p) => /mixture|moe|experts/i.test(p.title));
    expect(moe.length).toBeGreaterThanOrEqual(3);
    expect(page.items[0].reason).toMatch(/^shares .+ with [1-4] papers? you starred$/);
    // Reasons name only what the reader's papers contain.
    expect(page.items.filter((p) => p.reason).length).toBeGreaterThanOrEqual(3);
    // Unfiltered, the papers still to judge come first: the starred ones after them.
    const all = (await call('papers.query', { sort: 'best', limit: 1000 })).items;
    const firstStarred = all.findIndex((p) => p.starred);
    expect(all.slice(firstStarred).filter((p) => !p.starred && !p.notInterested)).toEqual([]);
    expect(firstStarred).toBe(all.length - starred.length);
  });

  it('orders a search, a digest and a smart list the same way', async () => {
    const search = await call('papers.query', { q: 'inference', sort: 'best', limit: 3 });
    expect(search.items[0].title).toMatch(/mixture|moe|experts/i);
    expect(search.items[0].reason).toMatch(/^shares /);
    const { digests } = await call('digests.list', {});
    const digest = await call('papers.query', { digestId: digests[0].id, sort: 'best', limit: 3 });
    expect(digest.items.map((p) => p.id)).toEqual((await call('papers.query', { sort: 'best', limit: 3 })).items.map((p) => p.id));
    const smart = await call('smart.create', { name: 'GPU', query: 'gpu' });
    const inSmart = await call('papers.query', { smartListId: smart.id, sort: 'best', limit: 50 });
    expect(inSmart.total).toBe(smart.count);
    expect(inSmart.items[0].title).toMatch(/mixture|moe|experts/i);
  });

  it('retrains by itself after "not interested" and triage skips; a paper not interested in goes last', async () => {
    const ranked = async () => (await call('papers.query', { sort: 'best', limit: 1000 })).items.map((p) => p.id);
    const target = id('HyperRouter');
    expect((await ranked()).indexOf(target)).toBeLessThan(10);
    const n = changes.length;
    await call('status.set', { paperIds: [target], notInterested: true });
    await call('status.skip', { paperIds: [id('BigMac'), id('Janus')] });
    await until(() => changes.length > n && (core.handlers['ranking.status'].run({}) as { negatives: number }).negatives === 3, 'the retrain');
    expect((await call('ranking.status', {})).message).toBe('Ranked from 4 of your papers and 3 you passed over.');
    expect((await ranked()).at(-1)).toBe(target);
    expect((await call('papers.get', { id: target })).notInterested).toBe(true);
    // Starring it again is keeping it: the "not interested" mark goes.
    await call('status.set', { paperIds: [target], starred: true });
    expect((await call('papers.get', { id: target })).notInterested).toBe(false);
    await call('status.set', { paperIds: [target], starred: false });
  });

  it('forgets a triage skip when it is undone; asked to wait, the status answers once the retrain is done', async () => {
    const before = await call('ranking.status', { wait: true });
    const llasa = id('LLaSA');
    const skipped = await call('status.skip', { paperIds: [llasa, id('Janus')] });
    expect(skipped.alreadySkipped).toEqual([id('Janus')]); // what an undo must put back
    expect(await call('ranking.status', { wait: true })).toMatchObject({ state: 'ready', negatives: before.negatives + 1 });
    await call('status.set', { paperIds: [llasa], skipped: false });
    expect(await call('ranking.status', { wait: true })).toMatchObject({ state: 'ready', negatives: before.negatives });
    expect(readSignals(core.store.data, () => true).negatives).not.toContain(llasa);
    expect((await call('papers.get', { id: llasa })).state).toBe('unread');
  });

  it('ranks by one tag’s model, in that tag’s words', async () => {
    const n = changes.length;
    const kv = ['LOOK-M', 'Compressing KV Cache for Long-Context', 'Fast Best-of-N'].map(id);
    const [tag] = await call('tags.add', { paperIds: kv, names: ['kv'] });
    await retrained(n);
    expect((await call('ranking.status', {})).tags).toEqual([{ id: tag.id, name: 'kv', papers: 3 }]);
    const page = await call('papers.query', { sort: 'best', bestFor: tag.id, limit: 10 });
    const reasons = page.items.map((p) => p.reason).filter(Boolean);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => /papers? tagged kv$/.test(r!))).toBe(true);
  });

  it('scores the papers an import brings, without waiting for a rebuild', async () => {
    const n = changes.length;
    const report = await call('digests.import', { name: 'Second', text: SECOND, source: 'paste' });
    await retrained(n);
    const page = await call('papers.query', { digestId: report.digest!.id, sort: 'best' });
    expect(page.items).toHaveLength(report.digest!.paperCount);
    expect(page.ranking?.state).toBe('ready');
  });
});

describe('signals', () => {
  it('are stars, reads, tags and lists; "not interested" wins; a skip counts only if the paper was not kept', () => {
    const data = migrate({});
    const at = '2026-01-01T00:00:00Z';
    data.status = {
      a: { state: 'read', starred: false, updatedAt: at },
      b: { state: 'unread', starred: true, notInterested: true, updatedAt: at },
      c: { state: 'unread', starred: false, skippedAt: at, updatedAt: at },
      d: { state: 'unread', starred: false, skippedAt: at, updatedAt: at },
    };
    data.paperTags = { d: ['t'], e: ['t'], gone: ['t'] };
    data.lists['read-later'].paperIds = ['f'];
    const s = readSignals(data, (p) => p !== 'gone');
    expect({ positives: s.positives, negatives: s.negatives, byTag: s.byTag }).toEqual({
      positives: ['a', 'd', 'e', 'f'],
      negatives: ['b', 'c'],
      byTag: { t: ['d', 'e'] },
    });
    expect([...s.kinds.get('d')!]).toEqual(['tagged']);
  });
});
