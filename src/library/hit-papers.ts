import { grown } from '../search/grown';
import type { Paper } from './types';

/**
 * The papers of a search's hits, found by the index's own number for each (its short id) before
 * the id: a key looks up 500 hits, and a lookup in a Map of 100,000 ids cost about a microsecond
 * (hashing the id, then two or three reads far apart in memory), the main thread's largest cost
 * at every key. A slot remembers the paper last found for that number and serves it again while
 * the index's numbering stays the same (search-types.ts), or without one if the ids agree, so a
 * rebuilt index that numbers its papers anew finds them all the same. The corpus never replaces a
 * paper's object (merges change it in place), so a paper served is the corpus's own.
 */
export class HitPapers {
  #byShortId: Array<Paper | undefined> = [];
  /** The numbering each slot was filled under (0: none), so a new one empties nothing at once. */
  #filledUnder = new Int32Array(0);

  constructor(private readonly lookup: (id: string) => Paper | undefined) {}

  get(id: string, shortId: number | undefined, numbering: number | undefined): Paper | undefined {
    if (shortId === undefined) return this.lookup(id);
    const known = this.#byShortId[shortId];
    // Under the numbering it was found under, a short id names the same paper: no ids compared.
    if (known !== undefined && (numbering !== undefined ? this.#filledUnder[shortId] === numbering : known.id === id)) return known;
    const paper = this.lookup(id);
    if (paper) this.#remember(shortId, paper, numbering ?? 0);
    return paper;
  }

  #remember(shortId: number, paper: Paper, numbering: number): void {
    // Grown by pushing, never with holes past the end: V8 would keep a sparse array as a dictionary.
    while (this.#byShortId.length <= shortId) this.#byShortId.push(undefined);
    if (this.#filledUnder.length <= shortId) this.#filledUnder = grown(this.#filledUnder, Math.max(shortId + 1, 2 * this.#filledUnder.length, 1024));
    this.#byShortId[shortId] = paper;
    this.#filledUnder[shortId] = numbering;
  }
}
