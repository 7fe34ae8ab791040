import type { Corpus } from '../library/corpus';
import type { Paper } from '../library/types';
import { indexTerm, tokenize } from './text';

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Tokens worth weighing: words of three letters or more, not stop words, not bare numbers. */
export function words(text: string): string[] {
  return tokenize(text)
    .map(indexTerm)
    .filter((t): t is string => t !== null && t.length >= 3 && !/^\d+$/.test(t));
}

/** How many papers there are, and how many use each term: the search index counts them. */
export type Frequencies = (terms: string[]) => Promise<{ documents: number; df: number[] }>;

type Text = Pick<Paper, 'title' | 'abstract'>;

/**
 * Document frequencies of the library's words, for TF-IDF: what makes a paper's wording its own.
 * The index worker counts them, for just the words asked about (`prepare`): counting every word of
 * 100,000 abstracts here took seconds of the thread that answers the window. Answers are kept
 * until the corpus changes (its stamp moves).
 */
export class TermStats {
  readonly #corpus: Corpus;
  readonly #frequencies: Frequencies;
  readonly #df = new Map<string, number>();
  #documents = 0;
  #stamp: string | null = null;

  constructor(corpus: Corpus, frequencies: Frequencies) {
    this.#corpus = corpus;
    this.#frequencies = frequencies;
  }

  /** Fetches what `idf` needs for these papers' words. */
  async prepare(papers: Text[]): Promise<void> {
    if (this.#stamp !== this.#corpus.stamp) {
      this.#df.clear();
      this.#stamp = this.#corpus.stamp;
    }
    const missing = [...new Set(papers.flatMap((p) => words(`${p.title} ${p.abstract}`)))].filter((t) => !this.#df.has(t));
    if (missing.length === 0) return;
    const { documents, df } = await this.#frequencies(missing);
    missing.forEach((t, i) => this.#df.set(t, df[i]));
    this.#documents = documents;
  }

  /** The term's inverse document frequency; its paper must have been prepared. */
  idf(term: string): number {
    const df = this.#df.get(term);
    if (df === undefined) throw new Error(`TermStats: “${term}” was not prepared`);
    return Math.log((this.#documents + 1) / (df + 1));
  }

  /** The paper's most distinctive terms: frequent in it (title words count double), rare elsewhere. */
  async distinctive(paper: Paper, limit = 12): Promise<WeightedTerm[]> {
    await this.prepare([paper]);
    const tf = new Map<string, number>();
    for (const t of words(paper.title)) tf.set(t, (tf.get(t) ?? 0) + 2);
    for (const t of words(paper.abstract)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return [...tf]
      .map(([term, n]) => ({ term, weight: (1 + Math.log(n)) * this.idf(term) }))
      .filter((w) => this.#df.get(w.term)! > 1 || this.#documents < 3) // a word no other paper has relates nothing
      .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
      .slice(0, limit);
  }
}
