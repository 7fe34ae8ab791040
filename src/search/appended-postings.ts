import { grown } from './grown';

/**
 * Postings added after a snapshot, for papers numbered above all of it: pairs of paper and
 * frequency in one typed array, in the order MiniSearch adds them (each paper's number above the
 * last's), 8 bytes a posting where a Map entry cost about 40. MiniSearch counts a word's
 * frequency in a paper by `get`, then `set`, of the paper it is adding: the last pair here. `set`
 * answers false, and changes nothing, for a paper below the last that it does not hold: the
 * caller then keeps its postings in a Map instead.
 */
export class AppendedPostings {
  #pairs = new Int32Array(8);
  #count = 0;

  get size(): number {
    return this.#count;
  }

  get(shortId: number): number | undefined {
    const at = this.#find(shortId);
    return at < 0 ? undefined : this.#pairs[2 * at + 1];
  }

  set(shortId: number, tf: number): boolean {
    const at = this.#find(shortId);
    if (at >= 0) {
      this.#pairs[2 * at + 1] = tf;
      return true;
    }
    if (this.#count > 0 && shortId < this.#pairs[2 * this.#count - 2]) return false;
    if (2 * this.#count === this.#pairs.length) this.#pairs = grown(this.#pairs, this.#pairs.length * 2);
    this.#pairs[2 * this.#count] = shortId;
    this.#pairs[2 * this.#count + 1] = tf;
    this.#count++;
    return true;
  }

  /** Which pair holds `shortId`, or -1: the last first (the paper being added), else a binary search. */
  #find(shortId: number): number {
    const pairs = this.#pairs;
    let hi = this.#count - 1;
    if (hi < 0 || shortId > pairs[2 * hi]) return -1;
    if (pairs[2 * hi] === shortId) return hi;
    let lo = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = pairs[2 * mid];
      if (id < shortId) lo = mid + 1;
      else if (id > shortId) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  each(visit: (shortId: number, tf: number) => void): void {
    for (let i = 0; i < this.#count; i++) visit(this.#pairs[2 * i], this.#pairs[2 * i + 1]);
  }
}
