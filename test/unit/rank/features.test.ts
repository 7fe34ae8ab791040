import { describe, expect, it } from 'vitest';
import { addPapers, buildFeatures, rankTokens, valueAt } from '../../../src/rank';
import { CountTable } from '../../../src/rank/count-table';
import { toyCorpus } from './toy-corpus';

const row = (m: ReturnType<typeof buildFeatures>, id: string) => {
  const r = m.rowOf.get(id)!;
  const out: Record<string, number> = {};
  for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) out[m.terms[m.indices[k]]] = m.values[k];
  return out;
};

describe('rankTokens', () => {
  it('reads words as arxiv-sanity does: two characters or more, starting with a letter, stop words out, accents folded', () => {
    expect(rankTokens('The KV-cache of GPT4 is 4x smaller: a Müller–Schmidt model, 2024, x y_z')).toEqual([
      'kv',
      'cache',
      'gpt4',
      'smaller',
      'muller',
      'schmidt',
      'model',
      'y_z',
    ]);
  });
});

describe('buildFeatures', () => {
  const papers = [
    { id: 'a', title: 'kv cache', abstract: 'kv cache kv cache eviction' },
    { id: 'b', title: 'kv cache', abstract: 'speculative decoding' },
    { id: 'c', title: 'speculative decoding', abstract: 'draft model' },
    { id: 'd', title: 'protein folding', abstract: 'draft model folding' },
  ];

  it('weighs sublinear tf by smoothed idf and normalises each row', () => {
    const m = buildFeatures(papers, { minDf: 2, maxDf: 1 });
    expect(m.terms).toEqual(['kv', 'cache', 'speculative', 'decoding', 'draft', 'model', 'kv cache', 'speculative decoding', 'draft model']);
    const idf = Math.log(5 / 3) + 1; // every kept term is in 2 of the 4 papers
    const a = row(m, 'a');
    // "kv", "cache" three times and "kv cache" three times in paper a: equal weights, 1/√3 each.
    expect(Object.keys(a)).toEqual(['kv', 'cache', 'kv cache']);
    for (const v of Object.values(a)) expect(v).toBeCloseTo(1 / Math.sqrt(3), 6);
    expect(m.idf[0]).toBeCloseTo(idf, 6);
    const b = row(m, 'b');
    // b has kv, cache, kv cache once and speculative, decoding, speculative decoding once: all equal.
    for (const v of Object.values(b)) expect(v).toBeCloseTo(1 / Math.sqrt(6), 6);
    for (let r = 0; r < m.ids.length; r++) {
      let sq = 0;
      for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) {
        sq += m.values[k] ** 2;
        if (k > m.indptr[r]) expect(m.indices[k]).toBeGreaterThan(m.indices[k - 1]);
      }
      expect(sq).toBeCloseTo(1, 5);
    }
  });

  it('keeps terms between min_df and max_df, at most max_features, bigrams optional', () => {
    expect(buildFeatures(papers, { minDf: 1, maxDf: 0.25 }).terms).not.toContain('kv');
    expect(buildFeatures(papers, { minDf: 1, maxDf: 0.25 }).terms).toContain('eviction');
    expect(buildFeatures(papers, { minDf: 2, maxDf: 1, bigrams: false }).terms).toEqual(['kv', 'cache', 'speculative', 'decoding', 'draft', 'model']);
    expect(buildFeatures(papers, { minDf: 2, maxDf: 1, maxFeatures: 3 }).terms).toHaveLength(3);
    expect(valueAt(buildFeatures(papers, { minDf: 2, maxDf: 1 }), 3, 0)).toBe(0);
  });

  it('is deterministic', () => {
    const corpus = toyCorpus();
    const [x, y] = [buildFeatures(corpus), buildFeatures(corpus)];
    expect(x.terms).toEqual(y.terms);
    expect(x.values).toEqual(y.values);
  });

  it('adds papers with the vocabulary it has: a copy of a paper gets the same row', () => {
    const corpus = toyCorpus();
    const m = buildFeatures(corpus);
    const copy = { ...corpus[4], id: 'copy' };
    const grown = addPapers(m, [copy, { id: 'new', title: 'nothing known here', abstract: 'zzz qqq' }, corpus[0]]);
    expect(grown.ids).toEqual([...m.ids, 'copy', 'new']);
    expect(row(grown, 'copy')).toEqual(row(m, corpus[4].id));
    expect(row(grown, 'new')).toEqual({});
    expect(grown.terms).toBe(m.terms);
  });
});

describe('CountTable', () => {
  it('counts numeric keys beyond 2^32 and grows', () => {
    const t = new CountTable(4);
    const big = 2 ** 40 + 3;
    for (let i = 0; i < 1000; i++) t.increment(i * 7919);
    t.increment(big);
    t.increment(big);
    expect(t.size).toBe(1001);
    expect(t.get(big)).toBe(2);
    expect(t.get(7919 * 3)).toBe(1);
    expect(t.get(5, -1)).toBe(-1);
    t.set(5, 42);
    expect(t.get(5)).toBe(42);
    expect([...t.entries()].length).toBe(1002);
  });
});
