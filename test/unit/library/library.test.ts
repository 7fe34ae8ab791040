import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { RANKED } from '../../../src/search/search-index';
import { syntheticDigestText } from '../../../scripts/bench/synthetic-library';
import { SAMPLE, SECOND, tempDir } from '../../helpers';

async function withSample() {
  const dir = tempDir();
  const library = new Library(dir, new EventBus());
  await library.import({ name: 'Sample', text: SAMPLE, source: 'file' });
  await library.ready;
  return { dir, library };
}

describe('importing digests', () => {
  it('adds the sample, then adds nothing when the same text comes again', async () => {
    const { library } = await withSample();
    expect(library.corpus.paperCount).toBe(119);
    const again = await library.import({ name: 'Sample again', text: SAMPLE.replace(/\n/g, '\r\n'), source: 'file' });
    expect(again).toMatchObject({ added: 0, merged: 119, digest: null, alreadyImported: { name: 'Sample' } });
    expect(library.digests()).toHaveLength(1);
  });

  it('merges known papers and records every appearance', async () => {
    const { library } = await withSample();
    const report = await library.import({ name: 'Second', text: SECOND, source: 'paste' });
    expect(report).toMatchObject({ added: 3, merged: 2, skipped: [] });
    expect(library.corpus.paperCount).toBe(122);
    const focus = (await library.query({ q: 'FocusLLM' })).items[0];
    const view = await library.get(focus.id);
    expect(view.appearances.map((a) => [a.digestName, a.position])).toEqual([
      ['Sample', 4],
      ['Second', 2],
    ]);
  });

  it('numbers a digest whose name another has (a second listing of the same day)', async () => {
    const { library } = await withSample();
    await library.import({ name: 'Sample', text: SECOND, source: 'paste' });
    await library.import({ name: 'Sample', text: `${SECOND}\n${SAMPLE.split('\n').slice(2, 4).join('\n')}`, source: 'paste' });
    expect(library.digests().map((d) => d.name)).toEqual(['Sample', 'Sample (2)', 'Sample (3)']);
  });

  it('leaves the library exactly as it was when an import fails', async () => {
    const { dir, library } = await withSample();
    await expect(library.import({ name: 'bad', text: '{"not": "a digest"}', source: 'file' })).rejects.toThrow(/not a digest/);
    fs.chmodSync(path.join(dir, 'digests'), 0o500);
    try {
      if (process.getuid?.() !== 0) await expect(library.import({ name: 'Second', text: SECOND, source: 'file' })).rejects.toThrow();
    } finally {
      fs.chmodSync(path.join(dir, 'digests'), 0o700);
    }
    expect(library.corpus.paperCount).toBe(119);
    expect(fs.readdirSync(path.join(dir, 'digests'))).toHaveLength(1);
  });

  it('reports progress events while importing', async () => {
    const events = new EventBus();
    const seen: number[] = [];
    events.on('import.progress', (p) => seen.push(p.done));
    await new Library(tempDir(), events).import({ name: 'S', text: SAMPLE, source: 'file' });
    expect(seen.at(-1)).toBe(119);
  });
});

describe('listing and reading', () => {
  it('sorts by digest order, newest first and title, and filters by digest', async () => {
    const { library } = await withSample();
    const second = await library.import({ name: 'Second', text: SECOND, source: 'paste' });
    const byDigest = (await library.query({ limit: 1000 })).items.map((r) => r.title);
    expect(byDigest[0]).toMatch(/^Towards Concise/);
    expect(byDigest.at(-1)).toMatch(/^Comment: On the Evaluation/);
    const newest = (await library.query({ sort: 'date', limit: 1 })).items[0];
    expect(newest.title).toMatch(/^Sparse Attention Sinks/);
    const titles = (await library.query({ sort: 'title', limit: 1000 })).items.map((r) => r.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    const only = await library.query({ digestId: second.digest!.id });
    expect(only.total).toBe(5);
    expect(only.items.map((r) => r.digests[0].name)).toEqual(Array(5).fill('Second'));
    expect(only.items[1].title).toMatch(/^FocusLLM/);
  });

  it('keeps each sort order right when an import adds papers to it', async () => {
    const { dir, library } = await withSample();
    const orders = ['digest', 'date', 'title'] as const;
    for (const sort of orders) await library.query({ sort, limit: 1 }); // each order is made now
    await library.import({ name: 'Second', text: SECOND, source: 'paste' });
    const fresh = new Library(dir, new EventBus());
    for (const sort of orders) {
      const ids = async (l: Library) => (await l.query({ sort, limit: 1000 })).items.map((r) => r.id);
      expect(await ids(library)).toEqual(await ids(fresh));
    }
    expect((await library.query({ sort: 'date', limit: 3 })).items.map((r) => r.digests[0].name)).toEqual(['Second', 'Second', 'Second']);
  });

  it('pages through a long list', async () => {
    const { library } = await withSample();
    const a = await library.query({ offset: 0, limit: 50 });
    const b = await library.query({ offset: 50, limit: 100 });
    expect(a.total).toBe(119);
    expect(b.items).toHaveLength(69);
    expect(new Set([...a.items, ...b.items].map((r) => r.id)).size).toBe(119);
  });

  it('refuses an unknown paper or digest with a clear message', async () => {
    const { library } = await withSample();
    await expect(library.get('0000000000000000')).rejects.toThrow(/no longer in the library/);
    await expect(library.query({ digestId: 'nope' })).rejects.toThrow(/no longer in the library/);
  });
});

describe('paging through a search with many matches', () => {
  it('gives the same papers in the same order a page at a time as in one page of all of them', async () => {
    const dir = tempDir();
    const library = new Library(dir, new EventBus());
    await library.import({ name: 'Many', text: syntheticDigestText(1500, 5), source: 'file' });
    await library.ready;
    await library.index.settled();
    // Two words, so the phrase re-rank moves papers within the head the first page is cut from.
    const q = 'language model';
    const all = await library.query({ q, offset: 0, limit: RANKED });
    expect(all.total).toBe(RANKED);
    const first = await library.query({ q, offset: 0, limit: 50 });
    expect(first.total).toBe(RANKED);
    const paged = [...first.items];
    while (paged.length < first.total) paged.push(...(await library.query({ q, offset: paged.length, limit: 50 })).items);
    expect(paged.map((r) => r.id)).toEqual(all.items.map((r) => r.id));
  });
});
