import * as fs from 'node:fs';
import * as path from 'node:path';
import { syntheticPapers } from '../../../scripts/bench/synthetic-library';
import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { searchDoc } from '../../../src/library/user-view';
import { migrate } from '../../../src/storage/schema';
import { SearchIndex } from '../../../src/search/search-index';
import { highlightRanges, snippet } from '../../../src/search/text';
import { SAMPLE, SECOND, tempDir } from '../../helpers';

/** A library holding the sample, closed (its index saved) and opened again unless `keepOpen`. */
async function sampleLibrary(dir = tempDir()) {
  const library = new Library(dir, new EventBus());
  await library.import({ name: 'Sample', text: SAMPLE, source: 'file' });
  await library.ready;
  return { dir, library };
}

async function reopen(dir: string) {
  const library = new Library(dir, new EventBus());
  await library.ready;
  return library;
}

const first = async (library: Library, q: string) => (await library.query({ q, limit: 3 })).items.map((r) => r.title);

describe('search quality on the sample', () => {
  it.each([
    ['speculative decoding', /speculative decoding/i],
    ['KV cache compression', /KV.?cache/i],
    ['mixture of experts inference', /mixture.of.experts|MoE/i],
    ['test-time scaling', /test.time/i],
    ['FocusLLM', /^FocusLLM/],
  ])('"%s" puts a paper with it in the title first', async (q, expected) => {
    const { library } = await sampleLibrary();
    expect((await first(library, q))[0]).toMatch(expected);
  });

  it('matches prefixes of the word being typed and tolerates a typo', async () => {
    const { library } = await sampleLibrary();
    expect((await first(library, 'specul'))[0]).toMatch(/speculative/i);
    expect(await first(library, 'speculativ decodng')).toContainEqual(expect.stringMatching(/speculative decoding/i));
  });

  it('returns the matched terms as highlight ranges in title and snippet', async () => {
    const { library } = await sampleLibrary();
    const row = (await library.query({ q: 'speculative decoding' })).items[0];
    const marked = row.titleRanges.map(([s, e]) => row.title.slice(s, e).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['speculative', 'decoding']));
    const withWord = (await library.query({ q: 'speculative decoding' })).items.find((r) => r.snippet.ranges.length > 0)!;
    const view = await library.get(withWord.id, 'speculative decoding');
    expect(view.abstractRanges.length).toBeGreaterThan(0);
    for (const [s, e] of view.abstractRanges) expect(view.abstract.slice(s, e).toLowerCase()).toMatch(/^(speculative|decoding)$/);
  });

  it('finds nothing for words no paper has', async () => {
    const { library } = await sampleLibrary();
    expect((await library.query({ q: 'xylophone zebra' })).total).toBe(0);
    expect((await library.query({ q: '  ' })).searched).toBe(false);
  });

  it('answers "the index is loading" to a search made before it is ready, and shows the list meanwhile', async () => {
    const { dir } = await sampleLibrary();
    const library = new Library(dir, new EventBus());
    const early = await library.query({ q: 'speculative' });
    expect(early).toMatchObject({ searched: true, items: [], indexing: { done: expect.any(Number), total: expect.any(Number) } });
    expect((await library.query({ limit: 5 })).items).toHaveLength(5);
    await library.ready;
    expect((await library.query({ q: 'speculative' })).items.length).toBeGreaterThan(0);
  });

  it('searches within a digest', async () => {
    const { library } = await sampleLibrary();
    const second = await library.import({ name: 'Second', text: SECOND, source: 'file' });
    const inSecond = await library.query({ q: 'decoding', digestId: second.digest!.id });
    expect(inSecond.items.map((r) => r.title)).toContainEqual(expect.stringMatching(/^FocusLLM/));
    expect(inSecond.items.every((r) => r.digests.some((d) => d.id === second.digest!.id))).toBe(true);
    expect((await library.query({ q: 'decoding' })).matched).toBeGreaterThan(inSecond.matched);
  });
});

describe('the persisted index', () => {
  const file = (dir: string) => path.join(dir, 'search-index.bin');

  it('is saved at close and loaded on restart, not rebuilt', async () => {
    const { dir, library } = await sampleLibrary();
    await library.close();
    expect(fs.existsSync(file(dir))).toBe(true);
    const again = await reopen(dir);
    expect(again.index).toMatchObject({ source: 'loaded', size: 119 });
    expect((await first(again, 'speculative decoding'))[0]).toMatch(/speculative decoding/i);
  });

  it.each([
    ['missing', (f: string) => fs.rmSync(f)],
    [
      'damaged',
      (f: string) =>
        fs.writeFileSync(
          f,
          fs.readFileSync(f).map((byte, i) => (i === 200 ? byte ^ 0xff : byte)),
        ),
    ],
    ['cut short', (f: string) => fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 300))],
    ['not an index', (f: string) => fs.writeFileSync(f, '{"version": 1, "st')],
  ])('is rebuilt when %s', async (_, damage) => {
    const { dir, library } = await sampleLibrary();
    await library.close();
    damage(file(dir));
    const again = await reopen(dir);
    expect(again.index).toMatchObject({ source: 'built', size: 119 });
    await again.close();
    expect((await reopen(dir)).index.source).toBe('loaded');
  });

  it('catches up with papers imported after it was saved, without a rebuild', async () => {
    const { dir, library } = await sampleLibrary();
    await library.close();
    const withSecond = await reopen(dir);
    await withSecond.import({ name: 'Second', text: SECOND, source: 'file' });
    await withSecond.index.settled(); // a crash now: the index was not saved with the new papers
    const again = await reopen(dir);
    expect(again.index).toMatchObject({ source: 'loaded', size: 122 });
    expect((await first(again, 'graph tokenizer'))[0]).toMatch(/^Graph Tokenizers/);
  });

  it('is packed and saved while a large library is built, and answers as if it were not', async () => {
    const NO_DATA = migrate({}); // the documents the library indexes, for a reader with no tags or notes yet
    const { library } = await sampleLibrary();
    const papers = () => [...library.corpus.papers];
    const dir = tempDir();
    const packed = new SearchIndex(file(dir), { packEvery: 50 }); // the sample's 119 papers come in one message
    await packed.open({
      ids: () => papers().map((p) => p.id),
      doc: (id) => library.corpus.paper(id) && searchDoc(library.corpus.paper(id)!, NO_DATA),
      stamp: () => 'sample',
      readerIds: () => [],
    });
    expect(fs.existsSync(file(dir))).toBe(true); // saved during the build, before any close
    const second = new Library(tempDir(), new EventBus());
    await second.import({ name: 'Second', text: SECOND, source: 'file' });
    void packed.add([...second.corpus.papers].map((p) => searchDoc(p, NO_DATA))); // on top of packed postings
    await library.import({ name: 'Second', text: SECOND, source: 'file' });
    // The same papers in the same order, the same scores (to rounding:
    // a restored index walks its words in another order, so sums are added in another order).
    const same = (found: Awaited<ReturnType<SearchIndex['search']>>) => found.hits.map((h) => ({ id: h.id, score: h.score.toFixed(9) }));
    for (const q of ['speculative decoding', 'kv cach', 'mixture of experts', 'graph tokenizer', 'atention']) {
      const expected = same(await library.index.search(q));
      expect(expected.length, q).toBeGreaterThan(0);
      expect(same(await packed.search(q)), q).toEqual(expected);
    }
    await packed.close();
    await second.close();
  });

  it('saves a first build once it is done, and a change after it does not write the whole index again', async () => {
    // 1,500 papers come in three messages; saved during the build at 500 and 1,000 (doubling sizes).
    const papers = syntheticPapers(1500, 9).map((p, i) => ({ id: `p${i}`, title: p.title, abstract: p.abstract }));
    const notes = new Map<string, string>();
    const doc = (id: string) => ({ ...papers[Number(id.slice(1))], notes: notes.get(id) });
    const source = { ids: () => papers.map((p) => p.id), doc, stamp: () => 'synthetic', readerIds: () => [...notes.keys()] };
    const dir = tempDir();
    const index = new SearchIndex(file(dir), { packEvery: 200, buildSaveGapMs: 0 });
    await index.open(source);
    const saved = fs.statSync(file(dir)); // written atomically: a new save is a new file
    notes.set('p7', 'quokkasaurus');
    index.update(doc('p7'));
    expect((await index.search('quokkasaurus')).hits.map((h) => h.id)).toEqual(['p7']);
    await index.settled();
    expect(fs.statSync(file(dir)).ino).toBe(saved.ino);
    await index.close();
    const again = new SearchIndex(file(dir));
    await again.open(source);
    expect(again).toMatchObject({ source: 'loaded', size: 1500 });
    expect((await again.search('quokkasaurus')).hits.map((h) => h.id)).toEqual(['p7']);
    await again.close();
  });

  /** An index saved with the first 200 of 1,300 papers, opened again, and the papers (`source(n)`: the first n). */
  async function savedWith200(seed: number) {
    const papers = syntheticPapers(1300, seed).map((p, i) => ({ id: `p${i}`, title: p.title, abstract: p.abstract }));
    const source = (n: number) => ({
      ids: () => papers.slice(0, n).map((p) => p.id),
      doc: (id: string) => papers[Number(id.slice(1))],
      stamp: () => `${n}`,
      readerIds: () => [],
    });
    const dir = tempDir();
    const built = new SearchIndex(file(dir));
    await built.open(source(200));
    await built.close();
    const index = new SearchIndex(file(dir));
    await index.open(source(200));
    return { papers, source, dir, index };
  }

  it('saves an import’s papers once idle, reopens from the file, and answers as before', async () => {
    const { papers, source, dir, index } = await savedWith200(21);
    const before = fs.statSync(file(dir)).ino;
    // More than a save's worth of changes, through MiniSearch's maps: saved 2 s after the work stops.
    void index.add(papers.slice(200), true);
    await index.settled();
    const scores = async () => {
      const all = [];
      for (const q of ['speculative decoding', 'kv cach', 'atention', 'retrieval augmented gen'])
        all.push((await index.search(q)).hits.map((h) => `${h.id} ${h.score.toFixed(9)}`));
      return all;
    };
    const unsaved = await scores();
    expect(unsaved.flat().some((hit) => Number(hit.slice(1, hit.indexOf(' '))) >= 200)).toBe(true);
    await vi.waitFor(() => expect(fs.statSync(file(dir)).ino).not.toBe(before), { timeout: 10_000, interval: 100 });
    expect(await scores()).toEqual(unsaved);
    await index.close();
    const again = new SearchIndex(file(dir));
    await again.open(source(1300));
    expect(again).toMatchObject({ source: 'loaded', size: 1300 });
    await again.close();
  });

  it('keeps what a save could not write in memory, answering from it, and writes it at the next save', async () => {
    const { papers, source, dir, index } = await savedWith200(23);
    // A folder, not empty, where the file goes: the save's rename onto it fails.
    fs.rmSync(file(dir));
    fs.mkdirSync(file(dir));
    fs.writeFileSync(path.join(file(dir), 'in the way'), '');
    // The worker's console comes out on this process's stderr.
    const failed = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      void index.add(papers.slice(200), true);
      await index.settled();
      await vi.waitFor(() => expect(failed.mock.calls.flat().join(' ')).toMatch(/could not be saved/), { timeout: 10_000, interval: 100 });
    } finally {
      failed.mockRestore();
    }
    const last = papers[1299].title.split(' ').slice(0, 4).join(' ');
    expect((await index.search(last)).hits.map((h) => h.id)).toContain('p1299');
    fs.rmSync(file(dir), { recursive: true });
    await index.close();
    // Opened as holding the first 200 papers (its mark): the 1,100 more can only have come from the file.
    const again = new SearchIndex(file(dir));
    await again.open(source(200));
    expect(again).toMatchObject({ source: 'loaded', checkedBy: 'stamp', size: 1300 });
    expect((await again.search(last)).hits.map((h) => h.id)).toContain('p1299');
    await again.close();
  });

  it('drops papers the library no longer has', async () => {
    const { dir, library } = await sampleLibrary();
    await library.import({ name: 'Second', text: SECOND, source: 'file' });
    await library.close();
    const digests = path.join(dir, 'digests');
    const second = fs.readdirSync(digests).find((f) => fs.readFileSync(path.join(digests, f), 'utf8').includes('"Second"'))!;
    fs.rmSync(path.join(digests, second));
    const again = await reopen(dir);
    expect(again.index).toMatchObject({ source: 'loaded', size: 119 });
    expect((await again.query({ q: 'graph tokenizer' })).items.map((r) => r.title)).not.toContainEqual(expect.stringMatching(/^Graph Tokenizers/));
  });
});

describe('highlighting helpers', () => {
  it('marks whole tokens only, case-insensitively', () => {
    const text = 'Decoding, decoder and DECODING.';
    expect(highlightRanges(text, new Set(['decoding'])).map(([s, e]) => text.slice(s, e))).toEqual(['Decoding', 'DECODING']);
  });
  it('centres the snippet on the first hit beyond the opening', () => {
    const text = `${'word '.repeat(100)}target rest of the sentence.`;
    const s = snippet(text, new Set(['target']));
    expect(s.text.startsWith('… ')).toBe(true);
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(['target']);
  });
});
