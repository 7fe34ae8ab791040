/**
 * The `size` best scores offered, kept in a min-heap of typed arrays; of equal scores, the lower
 * paper number wins. A key offers a couple of thousand of its 20,000-odd matches (the rest fall
 * below the least held). The heap is then sorted in place (`sorted`): 500 objects sorted by a
 * comparator were most of what choosing the best cost, and the heap alone no faster as arrays.
 */
export class TopScores {
  readonly #ids: Int32Array;
  readonly #scores: Float64Array;
  #held = 0;

  constructor(readonly size: number) {
    this.#ids = new Int32Array(size);
    this.#scores = new Float64Array(size);
  }

  /** Whether `size` scores are held: one below `least` is then not taken. */
  get full(): boolean {
    return this.#held >= this.size;
  }

  /** The least score held (only meaningful once `full`). */
  get least(): number {
    return this.#scores[0];
  }

  offer(shortId: number, score: number) {
    if (this.#held < this.size) {
      this.#up(this.#held++, shortId, score);
    } else if (this.size > 0 && (score > this.#scores[0] || (score === this.#scores[0] && shortId < this.#ids[0]))) {
      this.#down(0, this.#held, shortId, score);
    }
  }

  /**
   * The papers held, best first (equal scores in index order), sorted in place: the least is moved
   * to the end again and again. The arrays are the heap's own; it is spent.
   */
  sorted(): { ids: Int32Array; scores: Float64Array } {
    const ids = this.#ids;
    const scores = this.#scores;
    for (let end = this.#held - 1; end > 0; end--) {
      const id = ids[end];
      const score = scores[end];
      ids[end] = ids[0];
      scores[end] = scores[0];
      this.#down(0, end, id, score);
    }
    const n = this.#held;
    this.#held = 0;
    return { ids: ids.subarray(0, n), scores: scores.subarray(0, n) };
  }

  /** Puts a paper in the hole at `i` (the end), moving it up while it ranks below its parent. */
  #up(i: number, shortId: number, score: number) {
    const ids = this.#ids;
    const scores = this.#scores;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const ps = scores[parent];
      if (!(score < ps || (score === ps && shortId > ids[parent]))) break;
      scores[i] = ps;
      ids[i] = ids[parent];
      i = parent;
    }
    scores[i] = score;
    ids[i] = shortId;
  }

  /** Puts a paper in the hole at `i` of a heap of `n`, moving it down while a child ranks below it. */
  #down(i: number, n: number, shortId: number, score: number) {
    const ids = this.#ids;
    const scores = this.#scores;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (scores[r] < scores[c] || (scores[r] === scores[c] && ids[r] > ids[c]))) c = r;
      const cs = scores[c];
      if (!(cs < score || (cs === score && ids[c] > shortId))) break;
      scores[i] = cs;
      ids[i] = ids[c];
      i = c;
    }
    scores[i] = score;
    ids[i] = shortId;
  }
}

/** The bits set in a 16-bit number, without a loop (most searches have one or two words). */
export function popcount(n: number): number {
  n -= (n >> 1) & 0x5555;
  n = (n & 0x3333) + ((n >> 2) & 0x3333);
  n = (n + (n >> 4)) & 0x0f0f;
  return (n + (n >> 8)) & 0x1f;
}
