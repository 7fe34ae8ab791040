import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { words } from '../../../src/search/distinctive';
import { relatedPapers } from '../../../src/search/related';
import { SAMPLE, tempDir } from '../../helpers';

async function sample() {
  const library = new Library(tempDir(), new EventBus());
  await library.import({ name: 'Sample', text: SAMPLE, source: 'file' });
  const byTitle = (start: string) => [...library.corpus.papers].find((p) => p.title.startsWith(start))!;
  return { library, byTitle };
}

describe('related papers', () => {
  it('relates Dovetail to another speculative-decoding paper, with the shared terms', async () => {
    const { library, byTitle } = await sample();
    const dovetail = byTitle('Dovetail');
    const related = await relatedPapers(library.corpus, library.index, library.terms, dovetail.id);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    expect(related.map((r) => r.id)).not.toContain(dovetail.id);
    const speculative = related.filter((r) => /speculative/i.test(r.title));
    expect(speculative.length).toBeGreaterThan(0);
    for (const r of related) expect(r.sharedTerms.length).toBeGreaterThanOrEqual(2);
  });

  it('finds distinctive terms that are the paper’s own, not common words', async () => {
    const { library, byTitle } = await sample();
    const terms = (await library.terms.distinctive(byTitle('FocusLLM'))).map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['long', 'context', 'chunks']));
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('and');
  });

  it('counts document frequencies in the index worker exactly as a scan of titles and abstracts would', async () => {
    const { library } = await sample();
    await library.ready;
    const terms = ['cache', 'speculative', 'decoding', 'model', 'tokenizer', 'quasiperiodic', 'the'];
    const scanned = terms.map((t) => [...library.corpus.papers].filter((p) => words(`${p.title} ${p.abstract}`).includes(t)).length);
    const counted = await library.index.frequencies(terms);
    expect(counted).toEqual({ documents: 119, df: scanned });
    expect(scanned[0]).toBeGreaterThan(5); // a real word, in many papers
    expect(counted.df.at(-1)).toBe(0); // a stop word is not indexed, and not weighed
  });

  it('gives nothing for an unknown paper', async () => {
    const { library } = await sample();
    expect(await relatedPapers(library.corpus, library.index, library.terms, 'ffffffffffffffff')).toEqual([]);
  });
});
