// The smart-list evaluator's three ways to an answer agree: the index's candidates when it names
// them all, a scan when it cannot (truncated, not ready, stop words), and an import's papers
// folded into the cached set without a rescan.
import { describe, expect, it } from 'vitest';
import { compileQuery, parseQuery } from '../../../src/smart';
import { SmartEvaluator, smartPaper, type TextIndex } from '../../../src/smart/evaluate';
import { applyRules } from '../../../src/smart/rules';
import { SECOND } from '../../helpers';
import { readerContext } from '../reader/helpers';

const query = (text: string) => {
  const r = parseQuery(text);
  if (!r.ok) throw r.error;
  return r.query;
};

/** A stand-in for the search index: answers from the real one, cut to `limit` hits; counts the searches. */
function cutIndex(real: TextIndex, limit: number, ready = true) {
  const index = {
    searches: 0,
    ready,
    async search(q: string) {
      index.searches++;
      const found = await real.search(q);
      return { matched: found.matched, hits: found.hits.slice(0, limit) };
    },
  };
  return index;
}

describe('SmartEvaluator', () => {
  it('gives the same papers from the index, from a scan, and from a plain test of every paper', async () => {
    const { library, store } = await readerContext();
    const papers = [...library.corpus.papers];
    for (const text of ['"kv cache"', 'decoding -speculative', 'inference year:2024', 'the']) {
      const q = query(text);
      const test = compileQuery(q);
      const expected = papers.filter((p) => test(smartPaper(p, store.data))).map((p) => p.id);
      const whole = new SmartEvaluator(library.corpus, library.index, () => store.data);
      const cut = cutIndex(library.index, 3);
      const truncated = new SmartEvaluator(library.corpus, cut, () => store.data);
      const notReady = new SmartEvaluator(library.corpus, cutIndex(library.index, 1000, false), () => store.data);
      expect([...(await whole.members(q))].sort(), text).toEqual(expected.sort());
      expect([...(await truncated.members(q))].sort(), text).toEqual(expected.sort());
      expect([...(await notReady.members(q))].sort(), text).toEqual(expected.sort());
    }
    await library.close();
  });

  it('keeps a cached set up to date through an import, without asking the index again', async () => {
    const { library, store, ctx } = await readerContext();
    const index = cutIndex(library.index, 1000);
    const evaluator = new SmartEvaluator(library.corpus, index, () => store.data);
    library.onImported = ({ papers, newIds }) => applyRules(ctx, evaluator, papers, newIds);
    const q = query('attention');
    const before = new Set(await evaluator.members(q));
    expect(index.searches).toBe(1);
    await library.import({ name: 'Second', text: SECOND, source: 'paste' });
    const after = await evaluator.members(q);
    expect(index.searches).toBe(1);
    const test = compileQuery(q);
    expect([...after].sort()).toEqual(
      [...library.corpus.papers]
        .filter((p) => test(smartPaper(p)))
        .map((p) => p.id)
        .sort(),
    );
    expect(after.size).toBeGreaterThan(before.size);
    await library.close();
  });
});
