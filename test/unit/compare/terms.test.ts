import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { compareTerms, termWeights } from '../../../src/compare/terms';
import type { Corpus } from '../../../src/library/corpus';
import { Library } from '../../../src/library/library';
import { paperWords, scanFrequencies, TermStats } from '../../../src/search/distinctive';
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
    const counts = await library.terms.counts(papers);
    for (const t of shared) {
      expect(t.paperIds.length).toBeGreaterThanOrEqual(2);
      for (const id of t.paperIds)
        expect(
          termWeights(
            counts,
            papers.find((p) => p.id === id)!,
          ).has(t.term),
        ).toBe(true);
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
    const before = (await library.terms.counts(word)).idf('tokenizer');
    await library.import({ name: 'Second', text: SECOND, source: 'file' });
    expect((await library.terms.counts(word)).idf('tokenizer')).toBeLessThan(before); // counted again, by the index
    expect((await compareTerms(library.terms, [paper('FlexGen'), paper('LOOK-M')])).shared.length).toBeGreaterThan(0);
  });
});

describe('document frequencies', () => {
  it('are counted from the corpus, without the index, to the same figures while the index opens', async () => {
    const { dir, paper, library: built } = await sample();
    const papers = [paper('FlexGen'), paper('LOOK-M')];
    const terms = [...new Set(papers.flatMap((p) => Object.values(paperWords(p)).flat()))];
    const indexed = await built.index.frequencies(terms);
    expect(await scanFrequencies(() => built.corpus.papers)(terms)).toEqual(indexed);
    await built.close();

    const reopened = new Library(dir, new EventBus());
    expect(reopened.index.ready).toBe(false); // still loading its snapshot
    const { df } = await reopened.terms.counts(papers);
    expect(terms.map(df)).toEqual(indexed.df);
    await reopened.close();
  });

  it('are not kept when the corpus changed while they were counted', async () => {
    const corpus = { stamp: 'before', paperCount: 10 };
    let asked = 0;
    let release = () => {};
    const stats = new TermStats(corpus as unknown as Corpus, async (terms) => {
      asked++;
      if (asked === 1) await new Promise<void>((r) => (release = r));
      return { documents: 10, df: terms.map(() => asked) };
    });
    const paper = [{ title: 'cache', abstract: '' }];
    const pending = stats.counts(paper);
    corpus.stamp = 'after an import';
    release();
    expect((await pending).df('cache')).toBe(1); // its own answer
    expect((await stats.counts(paper)).df('cache')).toBe(2); // counted again for the new corpus
    expect((await stats.counts(paper)).df('cache')).toBe(2); // and kept
    expect(asked).toBe(2);
  });

  it('weigh the words of a paper outside its links, even glued to one', () => {
    const words = paperWords({ title: 'Graph Tokenizers', abstract: 'Code in our repositoryhttps://github.com/a/b and at www.example.org/x today.' });
    expect(words).toEqual({ title: ['graph', 'tokenizers'], abstract: ['code', 'repository', 'today'] });
  });
});
