/** The `size` best scores offered, kept in a min-heap; of equal scores, the lower paper number wins. */
export class TopScores {
  readonly #ids: number[] = [];
  readonly #scores: number[] = [];
  constructor(readonly size: number) {}

  /** Whether `size` scores are held: one below `least` is then not taken. */
  get full(): boolean {
    return this.#ids.length >= this.size;
  }

  /** The least score held (only meaningful once `full`). */
  get least(): number {
    return this.#scores[0];
  }

  /** Whether the paper at heap slot `a` ranks below the one at `b`. */
  #worse(a: number, b: number): boolean {
    const sa = this.#scores[a];
    const sb = this.#scores[b];
    return sa < sb || (sa === sb && this.#ids[a] > this.#ids[b]);
  }

  offer(shortId: number, score: number) {
    const ids = this.#ids;
    const scores = this.#scores;
    if (ids.length < this.size) {
      ids.push(shortId);
      scores.push(score);
      for (let i = ids.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!this.#worse(i, parent)) break;
        this.#swap(i, parent);
        i = parent;
      }
    } else if (this.size > 0 && (score > scores[0] || (score === scores[0] && shortId < ids[0]))) {
      ids[0] = shortId;
      scores[0] = score;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < ids.length && this.#worse(l, least)) least = l;
        if (r < ids.length && this.#worse(r, least)) least = r;
        if (least === i) break;
        this.#swap(i, least);
        i = least;
      }
    }
  }

  /** Plain swaps: a destructuring swap allocated two arrays each time, a third of what a search allocated. */
  #swap(a: number, b: number) {
    const ids = this.#ids;
    const scores = this.#scores;
    const id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
    const score = scores[a];
    scores[a] = scores[b];
    scores[b] = score;
  }

  /** Best first; equal scores in index order. */
  sorted(): { shortId: number; score: number }[] {
    return this.#ids.map((shortId, i) => ({ shortId, score: this.#scores[i] })).sort((a, b) => b.score - a.score || a.shortId - b.shortId);
  }
}

/** The bits set in a 16-bit number, without a loop (most searches have one or two words). */
export function popcount(n: number): number {
  n -= (n >> 1) & 0x5555;
  n = (n & 0x3333) + ((n >> 2) & 0x3333);
  n = (n + (n >> 4)) & 0x0f0f;
  return (n + (n >> 8)) & 0x1f;
}
