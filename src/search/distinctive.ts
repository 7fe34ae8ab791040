import type { Corpus } from '../library/corpus';
import type { Paper } from '../library/types';
import { processTerm, tokenize } from './text';

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Tokens worth weighing: words of three letters or more, not bare numbers. */
export function words(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((t) => t.length >= 3 && !/^\d+$/.test(t));
}

/**
 * Document frequencies of the library's words, for TF-IDF: what makes a paper's wording its own.
 * Built on first use and rebuilt when the corpus changes (its stamp moves).
 */
export class TermStats {
  readonly #corpus: Corpus;
  #df = new Map<string, number>();
  #stamp: string | null = null;

  constructor(corpus: Corpus) {
    this.#corpus = corpus;
  }

  #ensure() {
    if (this.#stamp === this.#corpus.stamp) return;
    this.#df = new Map();
    for (const p of this.#corpus.papers) {
      for (const t of new Set(words(`${p.title} ${p.abstract}`))) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
    }
    this.#stamp = this.#corpus.stamp;
  }

  idf(term: string): number {
    this.#ensure();
    return Math.log((this.#corpus.paperCount + 1) / ((this.#df.get(term) ?? 0) + 1));
  }

  /** The paper's most distinctive terms: frequent in it (title words count double), rare elsewhere. */
  distinctive(paper: Paper, limit = 12): WeightedTerm[] {
    this.#ensure();
    const tf = new Map<string, number>();
    for (const t of words(paper.title)) tf.set(t, (tf.get(t) ?? 0) + 2);
    for (const t of words(paper.abstract)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return [...tf]
      .map(([term, n]) => ({ term, weight: (1 + Math.log(n)) * this.idf(term) }))
      .filter((w) => (this.#df.get(w.term) ?? 0) > 1 || this.#corpus.paperCount < 3) // a word no other paper has relates nothing
      .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
      .slice(0, limit);
  }
}
