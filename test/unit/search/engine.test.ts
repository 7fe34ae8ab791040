import MiniSearch from 'minisearch';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticPapers } from '../../../scripts/bench/synthetic-library';
import { QUERIES } from '../../../scripts/bench/workload';
import { OPTIONS, RANKED, SearchEngine, signature, type SearchDoc } from '../../../src/search/engine';
import { QueryMarks } from '../../../src/search/marks';
import { planQuery } from '../../../src/search/query-plan';
import { indexTerm, tokenize } from '../../../src/search/text';
import { MINISEARCH_VERSION } from '../../../src/search/snapshot';

const papers = (n: number, seed = 1): SearchDoc[] => syntheticPapers(n, seed).map((p, i) => ({ id: `p${i}`, ...p }));

function engineOf(docs: SearchDoc[], ranked?: number) {
  const engine = SearchEngine.create(ranked);
  engine.upsert(docs);
  return engine;
}

/** The distinct indexed words of a paper that `marks` marks, sorted. */
const markedWords = (doc: SearchDoc, marks: QueryMarks) =>
  [...new Set(tokenize([doc.title, doc.abstract, doc.authors, doc.tags, doc.notes].join(' ')).flatMap((w) => indexTerm(w) ?? []))]
    .filter((w) => marks.has(w))
    .toSorted();

const ids = (engine: SearchEngine, q: string, n = 10) =>
  engine
    .search(q)
    .hits.slice(0, n)
    .map((h) => h.id);

describe('query planning for search as you type', () => {
  const plan = (q: string) => planQuery(q).map((t) => [t.term, t.prefix, t.fuzzy]);

  it('treats the last word, while it is being typed, as a prefix from two characters', () => {
    expect(plan('speculative dec')).toEqual([
      ['speculative', false, 0.2],
      ['dec', true, false],
    ]);
    expect(plan('kv')).toEqual([['kv', true, false]]);
    expect(plan('k')).toEqual([['k', false, false]]);
  });

  it('takes a word followed by a space or punctuation as finished', () => {
    expect(plan('kv ')).toEqual([['kv', false, false]]);
    expect(plan('test-time')).toEqual([
      ['test', false, false],
      ['time', true, false],
    ]);
  });

  it('drops stop words, but not one still being typed', () => {
    expect(plan('mixture of experts')).toEqual([
      ['mixture', false, 0.2],
      ['experts', true, 0.2],
    ]);
    expect(plan('mixture of')).toEqual([
      ['mixture', false, 0.2],
      ['of', true, false],
    ]);
    expect(plan('mixture of ')).toEqual([['mixture', false, 0.2]]);
    expect(plan('the a')).toEqual([]);
  });

  it('counts a repeated word once and keeps at most twelve words', () => {
    expect(plan('cache cache')).toEqual([['cache', false, 0.2]]);
    expect(planQuery(Array.from({ length: 30 }, (_, i) => `word${i}`).join(' '))).toHaveLength(12);
  });
});

describe('the search engine', () => {
  it('re-indexes one paper when the reader’s tags or notes on it change, and leaves it alone otherwise', () => {
    const docs = papers(50);
    const engine = engineOf(docs);
    expect(engine.upsert([docs[7]])).toBe(0);
    expect(engine.upsert([{ ...docs[7], tags: 'zanzibarian', notes: 'A note on wombatology.' }])).toBe(1);
    expect(ids(engine, 'zanzibarian')).toEqual(['p7']);
    expect(ids(engine, 'wombatology')).toEqual(['p7']);
    expect(engine.upsert([{ ...docs[7], tags: 'zanzibarian', notes: '' }])).toBe(1);
    expect(ids(engine, 'wombatology')).toEqual([]);
    expect(engine.size).toBe(50);
  });

  it('ranks the reader’s tags and notes above the abstract, below the title', () => {
    const docs = papers(3);
    const word = 'quokkasaurus';
    const engine = engineOf([
      { ...docs[0], abstract: `${docs[0].abstract} ${word}` },
      { ...docs[1], notes: word },
      { ...docs[2], tags: word },
    ]);
    expect(ids(engine, word)).toEqual(['p2', 'p1', 'p0']);
  });

  it('tolerates a typo in a word of five characters or more', () => {
    const engine = engineOf([
      { id: 'a', title: 'Models of the edge', abstract: 'Small models for small devices.' },
      { id: 'b', title: 'Inference at the edge', abstract: 'Fast inference for models.' },
      { id: 'c', title: 'Decoding speculatively', abstract: 'Speculative decoding of tokens.' },
    ]);
    expect(ids(engine, 'decodng ')).toEqual(['c']);
    expect(ids(engine, 'inferense ')).toEqual(['b']);
    expect(ids(engine, 'mdel ')).toEqual([]);
  });

  it('brings itself in line with the library: drops papers it no longer has, names those to index', () => {
    const docs = papers(20);
    const engine = engineOf(docs.slice(0, 15));
    engine.upsert([{ ...docs[3], notes: 'old note' }]);
    const needed = engine.reconcile(
      docs.slice(2).map((d) => d.id),
      docs.slice(2).map(() => ''),
    );
    expect(needed).toEqual(['p3', ...docs.slice(15).map((d) => d.id)]);
    expect(engine.size).toBe(13);
    expect(ids(engine, docs[0].title)).not.toContain('p0');
  });
});

describe('ranking at scale', () => {
  const docs = papers(3000);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const engine = engineOf(docs);
  const mini = new MiniSearch(OPTIONS);
  mini.addAll(docs);
  /** MiniSearch's own search for the same plan: the reference the engine must agree with. */
  const reference = (q: string) =>
    mini.search(
      { combineWith: 'OR', queries: planQuery(q).map((t) => ({ queries: [t.term], prefix: t.prefix, fuzzy: t.fuzzy })) },
      { boost: { title: 3, tags: 2.2, notes: 1.5 } },
    );

  it.each([...QUERIES, 'speculative de', 'KV cache co', 'mixture of', 're', 'decodng '])(
    '"%s": the same papers, scores and order as MiniSearch’s search',
    (q) => {
      const found = engine.search(q);
      const expected = reference(q);
      expect(found.matched).toBe(expected.length);
      expect(found.hits).toHaveLength(Math.min(RANKED, expected.length));
      expect(found.hits.slice(0, 20).map((h) => h.id)).toEqual(expected.slice(0, 20).map((r) => r.id));
      const score = new Map(expected.map((r) => [r.id, r]));
      // The words marked on the page are the words MiniSearch says each paper matched.
      const marks = new QueryMarks(q);
      for (const hit of found.hits) {
        expect(hit.score).toBeCloseTo(score.get(hit.id)!.score, 9);
        expect(markedWords(byId.get(hit.id)!, marks)).toEqual(score.get(hit.id)!.terms.toSorted());
      }
    },
  );
});

describe('the index’s numbers for its hits', () => {
  it('gives each hit its own number, the same for a paper from search to search and after a restore', () => {
    const engine = engineOf(papers(400));
    const numbers = (e: SearchEngine, q: string) => {
      const found = e.search(q);
      expect(found.shortIds).toHaveLength(found.hits.length);
      return new Map(found.hits.map((h, i) => [h.id, found.shortIds![i]]));
    };
    const first = numbers(engine, 'model');
    expect(new Set(first.values()).size).toBe(first.size);
    const again = numbers(engine, 'language model');
    for (const [id, n] of again) if (first.has(id)) expect(n).toBe(first.get(id));
    expect(numbers(SearchEngine.restore(engine.snapshot())!, 'model')).toEqual(first);
  });
});

describe('the index snapshot', () => {
  /** The same papers, scores (to rounding: the term tree is rebuilt in another order) and words. */
  const answer = (e: SearchEngine, q: string) => e.search(q).hits.map((h) => ({ id: h.id, score: h.score.toFixed(9) }));

  it('gives back an index that answers exactly as the one saved', () => {
    const engine = engineOf(papers(400));
    const restored = SearchEngine.restore(engine.snapshot())!;
    expect(restored.size).toBe(400);
    for (const q of [...QUERIES, 'spec', 'kv ', 'decodng ']) expect(answer(restored, q)).toEqual(answer(engine, q));
  });

  it('keeps the changes made before it was saved, and what they were', async () => {
    const docs = papers(400);
    const engine = engineOf(docs);
    engine.upsert([
      { ...docs[5], notes: 'wombatology' },
      { ...docs[9], tags: 'favourite reading' },
    ]);
    engine.upsert([{ ...docs[5], notes: 'quokkasaurus' }]);
    const current = docs.slice(1).map((d) => (d.id === 'p5' ? { ...d, notes: 'quokkasaurus' } : d.id === 'p9' ? { ...d, tags: 'favourite reading' } : d));
    expect(
      engine.reconcile(
        current.map((d) => d.id),
        current.map(signature),
      ),
    ).toEqual([]);
    const restored = SearchEngine.restore(engine.snapshot())!;
    expect(restored.size).toBe(399);
    expect(ids(restored, 'quokkasaurus')).toEqual(['p5']);
    expect(ids(restored, 'wombatology')).toEqual([]);
    expect(ids(restored, 'favourite')).toEqual(['p9']);
    await engine.vacuum(); // replaced papers leave stale entries, which the snapshot never has
    for (const q of QUERIES) expect(answer(restored, q)).toEqual(answer(engine, q));
    expect(
      restored.reconcile(
        current.map((d) => d.id),
        current.map(signature),
      ),
    ).toEqual([]);
  });

  it('takes changes after it was loaded, and saves them again', () => {
    const docs = papers(400);
    const restored = SearchEngine.restore(engineOf(docs).snapshot())!;
    expect(
      restored.upsert([
        { ...docs[7], notes: 'quokkasaurus' },
        { id: 'new', title: 'A quokkasaurus survey', abstract: 'Everything on quokkasaurus.' },
      ]),
    ).toBe(2);
    expect(ids(restored, 'quokkasaurus')).toEqual(['new', 'p7']);
    const again = SearchEngine.restore(restored.snapshot())!;
    expect(again.size).toBe(401);
    expect(answer(again, 'quokkasaurus')).toEqual(answer(restored, 'quokkasaurus'));
    expect(ids(again, docs[7].title)[0]).toBe('p7');
  });

  it('forgets, saved again after a load, the papers dropped and the words changed meanwhile', async () => {
    // A loaded index reads a term only when asked: terms never read are saved again from the
    // snapshot they came from, without the papers dropped since.
    const docs = papers(400);
    const restored = SearchEngine.restore(engineOf(docs).snapshot())!;
    const changed = { ...docs[8], title: 'Quokkasaurus', abstract: 'Only this.', rev: 1 };
    const now = [...docs.filter((d) => d.id !== 'p3' && d.id !== 'p8'), changed];
    restored.reconcile(
      now.map((d) => d.id),
      now.map(signature),
    );
    restored.upsert([changed]);
    const again = SearchEngine.restore(restored.snapshot())!;
    expect(again.size).toBe(399);
    expect(ids(again, docs[3].title)).not.toContain('p3');
    expect(ids(again, docs[8].title)).not.toContain('p8');
    expect(ids(again, 'quokkasaurus')).toEqual(['p8']);
    await restored.vacuum(); // dropped papers leave stale entries, which the snapshot never has
    for (const q of [...QUERIES, docs[3].title, docs[8].title, 'spec', 'decodng ']) expect(answer(again, q)).toEqual(answer(restored, q));
  });

  it('answers, built in bulk at first, exactly as when every paper goes through MiniSearch’s own add', () => {
    const docs = papers(1500, 4).map((d, i) => (i % 7 === 0 ? { ...d, tags: 'favourite', notes: 'Re-read the KV-cache part.' } : d));
    const bulk = engineOf(docs);
    expect(bulk.building).toBe(true);
    const oneByOne = engineOf(docs.slice(0, 1));
    oneByOne.finishBuild(); // an index with a paper: the rest go through MiniSearch's add
    oneByOne.upsert(docs.slice(1));
    expect(oneByOne.building).toBe(false);
    for (const q of [...QUERIES, 'favourite', 'kv-cache', 'spec', 'decodng ']) expect(answer(bulk, q)).toEqual(answer(oneByOne, q));
    expect(bulk.building).toBe(false);
    expect(bulk.size).toBe(1500);
    expect(bulk.frequencies(['cache', 'decoding'])).toEqual(oneByOne.frequencies(['cache', 'decoding']));
  });

  it('writes the same index when a build knows how many papers are coming (its pool sized once) as when it grows as it goes', () => {
    const docs = papers(2500, 6);
    const told = SearchEngine.create();
    // What the worker asks before a first build: which papers the index lacks (all of them).
    expect(
      told.reconcile(
        docs.map((d) => d.id),
        docs.map(signature),
      ),
    ).toHaveLength(2500);
    told.upsert(docs);
    expect(told.snapshot().equals(engineOf(docs).snapshot())).toBe(true);
  });

  it('goes on building in bulk through a background import’s slices, until something reads the index', () => {
    const docs = papers(900, 5);
    const engine = SearchEngine.create();
    for (let i = 0; i < docs.length; i += 300) {
      engine.upsert(docs.slice(i, i + 300), true);
      engine.settled(); // the worker found no more slices queued, for now
      expect(engine.building).toBe(true);
    }
    expect(answer(engine, 'speculative decoding')).toEqual(answer(engineOf(docs), 'speculative decoding'));
    expect(engine.building).toBe(false);
  });

  it('is written into a file as it is made, the same bytes as in memory, also once papers were changed or dropped', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dr-index-')), 'search-index.bin');
    const written = (engine: SearchEngine) => {
      const fd = fs.openSync(file, 'w');
      try {
        engine.write(fd);
      } finally {
        fs.closeSync(fd);
      }
      return fs.readFileSync(file);
    };
    const docs = [...papers(300, 9), { id: 'lone', title: 'Zyzzyva', abstract: 'The one paper with quokkanomics.', authors: '' }];
    // Opened from a snapshot: its terms are packed until read.
    const engine = SearchEngine.restore(engineOf(docs).snapshot())!;
    expect(written(engine).equals(engine.snapshot())).toBe(true);
    // Papers added, none dropped: every word has a paper in the index (its count is known at once).
    engine.upsert(papers(30, 11).map((d) => ({ ...d, id: `added-${d.id}` })));
    expect(written(engine).equals(engine.snapshot())).toBe(true);
    engine.upsert([...docs.slice(0, 40).map((d) => ({ ...d, notes: 'wombat' })), ...papers(20, 10).map((d) => ({ ...d, id: `new-${d.id}` }))]);
    // Dropped, its words stay in the index with no paper in it: the file says how many terms have one.
    expect(
      engine.reconcile(
        docs.filter((d) => d.id !== 'lone').map((d) => d.id),
        docs.slice(1).map(() => ''),
        new Set(['new-p0']),
      ),
    ).not.toContain('lone');
    const bytes = written(engine);
    expect(bytes.equals(engine.snapshot())).toBe(true);
    expect(SearchEngine.restore(bytes)!.search('quokkanomics').matched).toBe(0);
    expect(SearchEngine.restore(bytes)!.search('wombat').matched).toBe(40);
    await engine.vacuum();
    expect(written(engine).equals(engine.snapshot())).toBe(true);
  });

  it('is refused when damaged', () => {
    const snapshot = engineOf(papers(20)).snapshot();
    snapshot[snapshot.length - 3] ^= 0xff;
    expect(SearchEngine.restore(snapshot)).toBeUndefined();
    expect(SearchEngine.restore(Buffer.from('not a snapshot'))).toBeUndefined();
  });

  it('was written for the MiniSearch version installed (it reads MiniSearch’s private state)', () => {
    const installed = JSON.parse(fs.readFileSync('node_modules/minisearch/package.json', 'utf8')).version;
    expect(installed).toBe(MINISEARCH_VERSION);
  });
});
