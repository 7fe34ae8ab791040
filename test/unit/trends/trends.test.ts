// Trends across digests: papers per digest by the day each covers, per kind of source, and the
// terms rising this week against the four before — with a floor, so a rare term does not win.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/boundary/dispatch';
import { openCore } from '../../../src/core';
import { Corpus } from '../../../src/library/corpus';
import { computeTrends, FLOOR, MIN_PAPERS, risingTerms, TermCache } from '../../../src/trends/trends';
import { tempDir } from '../../helpers';

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2026, 6, 1) + n * DAY).toISOString().slice(0, 10); // day 0: 2026-07-01

/** A corpus of daily digests: day n holds `papers(n)` (title, abstract), dated n, of the given format. */
function corpusOf(days: number, papers: (n: number) => string[], format = (_n: number) => 'arxiv-rss'): Corpus {
  const corpus = new Corpus(tempDir());
  for (let n = 0; n < days; n++) {
    const texts = papers(n);
    corpus.addDigest(
      {
        name: `Day ${n}`,
        importedAt: `${day(n)}T09:00:00.000Z`,
        format: format(n),
        source: 'fetch',
        contentHash: `h${n}`,
        paperCount: texts.length,
        meta: { title: 'arXiv cs.CL', date: day(n) },
      },
      texts.map((t, i) => ({ id: `d${n}p${i}`, title: t, abstract: `An abstract about ${t.toLowerCase()} and language models.` })),
    );
  }
  return corpus;
}

describe('trends', () => {
  // Five weeks of daily digests: "kv cache" in one paper a week before, three a day in the last
  // week; "zebrafish" appears in two papers of the last week only; "language models" everywhere.
  const corpus = corpusOf(35, (n) => {
    const last = n >= 28;
    const titles = ['Graph networks', 'Speech recognition', 'Protein folding'];
    if (last) titles.push('Sparse kv cache', 'Quantised kv cache', 'kv cache eviction');
    else if (n % 7 === 0) titles.push('A kv cache study');
    if (n === 30 || n === 33) titles.push('Zebrafish neurons');
    return titles;
  });

  it('finds the terms rising this week, above a floor, not the rare or the ubiquitous', () => {
    const t = computeTrends(corpus, new TermCache(), day(40), { until: day(34) });
    expect(t.window).toEqual({ from: day(28), until: day(34), baselineFrom: day(0), papersThisWeek: 7 * 6 + 2, papersBefore: 28 * 3 + 4 });
    const terms = t.rising.map((r) => r.term);
    expect(terms[0]).toBe('kv cache'); // "kv" and "cache" alone say nothing more: left out
    expect(terms).not.toContain('kv');
    expect(terms).not.toContain('zebrafish'); // two papers: below the minimum of three
    expect(terms).not.toContain('language models'); // in every paper
    expect(t.rising[0]).toMatchObject({ thisWeek: 21, perWeekBefore: 1 });
  });

  it('gives papers per digest over time, by the day covered, per kind of source', () => {
    const mixed = corpusOf(
      4,
      () => ['A paper', 'Another paper'],
      (n) => (n % 2 ? 'hf-daily-papers' : 'arxiv-rss'),
    );
    const t = computeTrends(mixed, new TermCache(), day(3));
    expect(t.digests.map((d) => [d.date, d.kind, d.papers])).toEqual([
      [day(0), 'arXiv', 2],
      [day(1), 'Hugging Face', 2],
      [day(2), 'arXiv', 2],
      [day(3), 'Hugging Face', 2],
    ]);
    expect(t.series).toEqual([
      {
        kind: 'arXiv',
        points: [
          { date: day(0), papers: 2 },
          { date: day(2), papers: 2 },
        ],
      },
      {
        kind: 'Hugging Face',
        points: [
          { date: day(1), papers: 2 },
          { date: day(3), papers: 2 },
        ],
      },
    ]);
  });

  it('shows the last week read when no digest came since, and nothing rising in an empty library', () => {
    expect(computeTrends(corpus, new TermCache(), day(90)).window.until).toBe(day(34));
    expect(computeTrends(new Corpus(tempDir()), new TermCache(), day(3))).toMatchObject({ digests: [], series: [], rising: [] });
  });

  it('scores with a floor: a term that went from 10 to 40 papers outranks one new with 3', () => {
    const terms = ['steady rise', 'mamba kernels'];
    const rising = risingTerms(terms, [40, MIN_PAPERS], 200, [40, 0], 800, 4, 10);
    expect(rising.map((r) => r.term)).toEqual(['steady rise', 'mamba kernels']);
    expect(rising[1].score).toBe(Math.round(((MIN_PAPERS + 1) / FLOOR) * 100) / 100);
  });

  it('never names a generic word of abstracts as rising, alone or in a phrase', () => {
    const terms = ['propose', 'novel approach', 'results', 'kv cache', 'based', 'quickly'];
    const rising = risingTerms(terms, [50, 40, 45, 20, 30, 25], 200, [0, 0, 0, 0, 0, 0], 800, 4, 10);
    expect(rising.map((r) => r.term)).toEqual(['kv cache']);
  });

  it('is answered through the contract, its arguments checked', async () => {
    const core = await openCore({ dataDir: tempDir() });
    try {
      expect(await dispatch(core.handlers, 'trends.get', { until: '2026-07-20', weeks: 4 })).toMatchObject({ ok: true, value: { rising: [], digests: [] } });
      expect(await dispatch(core.handlers, 'trends.get', { until: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(await dispatch(core.handlers, 'trends.get', { weeks: 99 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    } finally {
      await core.close();
    }
  });
});
