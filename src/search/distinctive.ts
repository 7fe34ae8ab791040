import { setImmediate as breathe } from 'node:timers/promises';
import type { Corpus } from '../library/corpus';
import type { Paper } from '../library/types';
import { indexTerm, tokenize } from './text';

export interface WeightedTerm {
  term: string;
  weight: number;
}

type Text = Pick<Paper, 'title' | 'abstract'>;

/** Tokens worth weighing: words of three letters or more, not stop words, not bare numbers. */
export function words(text: string): string[] {
  return tokenize(text)
    .map(indexTerm)
    .filter((t): t is string => t !== null && t.length >= 3 && !/^\d+$/.test(t));
}

/** Links and template residue, whose pieces ("github", "com") are not what a paper is about. */
const LINK = /(?:https?:\/\/|www\.)\S+|\{\{[^}]*\}\}/g;

/** The weighed words of a paper: its title's, and its abstract's outside links. */
export function paperWords(paper: Text): { title: string[]; abstract: string[] } {
  return { title: words(paper.title), abstract: words(paper.abstract.replace(LINK, ' ')) };
}

/** How often each weighed word stands in a paper, a title's words counting double. */
export function termFrequencies(paper: Text): Map<string, number> {
  const { title, abstract } = paperWords(paper);
  const tf = new Map<string, number>();
  for (const t of title) tf.set(t, (tf.get(t) ?? 0) + 2);
  for (const t of abstract) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** How many papers there are, and how many use each term. */
export type Frequencies = (terms: string[]) => Promise<{ documents: number; df: number[] }>;

/** The words of some papers against the library: how many papers use each, and its idf. */
export interface Counts {
  df(term: string): number;
  idf(term: string): number;
}

/**
 * Counts document frequencies by reading every paper, in slices so the thread keeps answering:
 * for when the search index, which counts them at once, is not ready (a first build) or failed.
 */
export function scanFrequencies(papers: () => Iterable<Text>): Frequencies {
  return async (terms) => {
    const at = new Map(terms.map((t, i) => [t, i]));
    const df = terms.map(() => 0);
    let documents = 0;
    for (const p of papers()) {
      for (const t of new Set(words(`${p.title} ${p.abstract}`))) {
        const i = at.get(t);
        if (i !== undefined) df[i]++;
      }
      if (++documents % 2_000 === 0) await breathe();
    }
    return { documents, df };
  };
}

/**
 * Document frequencies of the library's words, for TF-IDF: what makes a paper's wording its own.
 * They are asked of `frequencies` (the index worker) for just the words needed, and kept until
 * the corpus changes (its stamp moves): counting every word of 100,000 abstracts on the thread
 * that answers the window took seconds.
 */
export class TermStats {
  readonly #corpus: Corpus;
  readonly #frequencies: Frequencies;
  #cache = { stamp: '', documents: 0, df: new Map<string, number>() };

  constructor(corpus: Corpus, frequencies: Frequencies) {
    this.#corpus = corpus;
    this.#frequencies = frequencies;
  }

  /** Counts for every word of these papers (see `paperWords`); other words count as unseen. */
  async counts(papers: Text[]): Promise<Counts> {
    const stamp = this.#corpus.stamp;
    if (this.#cache.stamp !== stamp) this.#cache = { stamp, documents: 0, df: new Map() };
    const cache = this.#cache;
    const needed = new Set(papers.flatMap((p) => Object.values(paperWords(p)).flat()));
    const missing = [...needed].filter((t) => !cache.df.has(t));
    let documents = cache.documents;
    const df = new Map([...needed].map((t) => [t, cache.df.get(t) ?? 0]));
    if (missing.length) {
      const counted = await this.#frequencies(missing);
      documents = counted.documents;
      missing.forEach((t, i) => df.set(t, counted.df[i]));
      // Kept only if the corpus did not change meanwhile: counts from before an import are stale.
      if (this.#corpus.stamp === stamp) {
        cache.documents = documents;
        missing.forEach((t, i) => cache.df.set(t, counted.df[i]));
      }
    }
    const count = (term: string) => df.get(term) ?? 0;
    return { df: count, idf: (term) => Math.log((documents + 1) / (count(term) + 1)) };
  }

  /** The paper's most distinctive terms: frequent in it (title words count double), rare elsewhere. */
  async distinctive(paper: Paper, limit = 12): Promise<WeightedTerm[]> {
    const { df, idf } = await this.counts([paper]);
    return [...termFrequencies(paper)]
      .map(([term, n]) => ({ term, weight: (1 + Math.log(n)) * idf(term) }))
      .filter((w) => df(w.term) > 1 || this.#corpus.paperCount < 3) // a word no other paper has relates nothing
      .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
      .slice(0, limit);
  }
}
