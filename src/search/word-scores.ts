import { popcount, TopScores } from './top-scores';

/** One query word's share of the score of each paper that has it (sparse: the papers, their shares). */
export interface WordScores {
  ids: Int32Array;
  scores: Float64Array;
}

/**
 * Scratch arrays reused from search to search, grown with the index. A pass's papers are kept in
 * the order they were first touched (their slots), so choosing the best reads them in order: read
 * by paper number, the 20,000-odd of a key were scattered over the whole library's arrays.
 */
export class Scratch {
  /** By slot: the paper, its score so far, and the words it matched (a bit each). */
  touched = new Int32Array(0);
  scores = new Float64Array(0);
  words = new Uint16Array(0);
  /** By paper: the pass that last touched it (`generation`), and its slot then. */
  stamp = new Uint32Array(0);
  slot = new Int32Array(0);
  /** Slots filled so far in the current pass. */
  count = 0;
  generation = 0;

  /** Starts a pass: no paper touched yet. */
  begin() {
    this.count = 0;
    this.generation++;
  }

  /** Adds to a paper's score in this pass (from nothing, at its first share); `bit` marks the word it came by. */
  add(id: number, share: number, bit: number) {
    if (this.stamp[id] !== this.generation) {
      this.stamp[id] = this.generation;
      const k = this.count++;
      this.slot[id] = k;
      this.touched[k] = id;
      this.scores[k] = share;
      this.words[k] = bit;
    } else {
      const k = this.slot[id];
      this.scores[k] += share;
      this.words[k] |= bit;
    }
  }

  /** The papers touched in this pass and their scores, copied into the arrays `into` gives. */
  collect(into: (count: number) => WordScores): WordScores {
    const kept = into(this.count);
    kept.ids.set(this.touched.subarray(0, this.count));
    kept.scores.set(this.scores.subarray(0, this.count));
    return kept;
  }

  fit(n: number) {
    if (this.stamp.length >= n) return;
    const size = Math.max(1024, n * 2);
    this.touched = new Int32Array(size);
    this.scores = new Float64Array(size);
    this.words = new Uint16Array(size);
    this.stamp = new Uint32Array(size);
    this.slot = new Int32Array(size);
    this.generation = 0;
  }
}

/** Adds a cached word's scores into the current pass, for the papers `live` admits; `bit` marks the word. */
export function addWord(word: WordScores, live: Uint8Array, acc: Scratch, bit: number): void {
  const { ids, scores: shares } = word;
  for (let k = 0; k < ids.length; k++) if (live[ids[k]]) acc.add(ids[k], shares[k], bit);
}

/** How many papers a search touched, and the best of them (by short id), best first. */
export interface Best {
  matched: number;
  ids: Int32Array;
  scores: Float64Array;
}

/**
 * How many papers the current pass touched, and the `limit` best. As in MiniSearch, a paper's
 * score counts once per query word it matched.
 */
export function best(acc: Scratch, limit: number): Best {
  const { scores, words, touched, count } = acc;
  const top = new TopScores(limit);
  // Once the heap is full, most papers fall below its least: tested here, without a call.
  let least = -Infinity;
  for (let k = 0; k < count; k++) {
    const score = scores[k] * popcount(words[k]);
    if (score < least) continue;
    top.offer(touched[k], score);
    if (top.full) least = top.least;
  }
  return { matched: count, ...top.sorted() };
}
