import { describe, expect, it } from 'vitest';
import { compareTerms, termWeights } from '../../../src/compare/terms';
import { highlightRanges } from '../../../src/search/text';
import { SECOND } from '../../helpers';
import { readerContext } from '../reader/helpers';

async function sample() {
  const r = await readerContext();
  const paper = (titleStart: string) => {
    const p = [...r.library.corpus.papers].find((x) => x.title.startsWith(titleStart));
    if (!p) throw new Error(`no paper “${titleStart}”`);
    return p;
  };
  return { ...r, paper };
}

describe('shared and own terms, by TF-IDF against the library', () => {
  it('FlexGen, LOOK-M and Dynasor share cache, batch, latency and memory; generic and library-wide words are left out', async () => {
    const { library, paper } = await sample();
    const papers = [paper('FlexGen'), paper('LOOK-M'), paper('Efficiently Serving LLM Reasoning')];
    const { shared, own } = await compareTerms(library.terms, papers);
    const terms = shared.map((t) => t.term);
    expect(terms.slice(0, 4)).toEqual(['cache', 'batch', 'size', 'latency']);
    expect(terms).toContain('memory');
    // "inference" and "models" are in most of this library; "reduces" and "single" say nothing.
    for (const common of ['inference', 'models', 'language', 'large', 'reduces', 'single', 'the']) expect(terms).not.toContain(common);
    // Each shared term is used by the papers it names, and by at least two.
    for (const t of shared) {
      expect(t.paperIds.length).toBeGreaterThanOrEqual(2);
      for (const id of t.paperIds) expect(termWeights(library.terms, papers.find((p) => p.id === id)!).has(t.term)).toBe(true);
    }
    expect(shared.find((t) => t.term === 'cache')!.paperIds).toEqual([papers[0].id, papers[1].id]);
    // Own terms: the paper's name first, and nothing another compared paper uses.
    expect(own[papers[0].id].slice(0, 2)).toEqual(['flexgen', 'throughput']);
    expect(own[papers[2].id]).toEqual(expect.arrayContaining(['dynasor', 'certaindex']));
    expect(own[papers[0].id]).not.toContain('cache');
    expect(own[papers[1].id]).not.toContain('github');
  });

  it('highlights the shared terms in every abstract that has them', async () => {
    const { library, paper } = await sample();
    const papers = [paper('FlexGen'), paper('LOOK-M')];
    const terms = new Set((await compareTerms(library.terms, papers)).shared.map((t) => t.term));
    for (const p of papers) {
      const marked = highlightRanges(p.abstract, terms).map(([s, e]) => p.abstract.slice(s, e).toLowerCase());
      expect(marked).toContain('cache');
    }
  });

  it('papers with nothing distinctive in common share no terms', async () => {
    const { library, paper } = await sample();
    const { shared } = await compareTerms(library.terms, [paper('Tree Cross Attention'), paper('LLaSA')]);
    expect(shared).toEqual([]);
  });

  it('document frequencies follow an import: a new digest makes its words less distinctive', async () => {
    const { library, paper } = await sample();
    const word = [{ title: 'tokenizer', abstract: '' }];
    await library.terms.prepare(word);
    const before = library.terms.idf('tokenizer');
    await library.import({ name: 'Second', text: SECOND, source: 'file' });
    await library.terms.prepare(word); // the corpus changed: counted again, by the index
    expect(library.terms.idf('tokenizer')).toBeLessThan(before);
    expect(() => library.terms.idf('unprepared')).toThrow(/not prepared/);
    expect((await compareTerms(library.terms, [paper('FlexGen'), paper('LOOK-M')])).shared.length).toBeGreaterThan(0);
  });
});
