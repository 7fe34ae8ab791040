import type { WordScores } from './word-scores';

/** Words kept, and postings' room held in all, before the least recent is dropped. */
export const CACHED_WORDS = 32;
const CACHED_POSTINGS = 4_000_000;
/** Postings' room kept in the arrays of dropped words, for the next words to reuse. */
const SPARE_POSTINGS = 1_000_000;

/** A word's scores in arrays of their own (`room` postings), the first `ids.length` of them used. */
interface Held extends WordScores {
  room: { ids: Int32Array; scores: Float64Array };
}

/**
 * The scores of the words of recent searches. Typing "retrieval augmented gen", every key but
 * the space repeats the words before the last: each is scored once and added in from here, so a
 * key costs the word being typed, not the whole query. Any change to the index empties it.
 *
 * A dropped word's arrays are reused by the words that come next. Made afresh, each was garbage
 * that the index's thread, idle between keys, seldom collected, and whose memory its allocator
 * kept once it did: at 100,000 papers resident memory grew by 10 MB with each pass of the bench's
 * typing (BENCHMARKS.md, fifteenth round). Arrays dropped during a search are reused from the next
 * one on (`begin`): that search may still be adding them in.
 */
export class WordCache {
  readonly #words = new Map<string, Held>();
  #version = -1;
  #postings = 0;
  /** Arrays free to reuse, and those dropped during the current search. */
  #spare: Held['room'][] = [];
  #dropped: Held['room'][] = [];

  /** A search begins: what the last one dropped may be reused. */
  begin(): void {
    for (const room of this.#dropped.splice(0)) this.#keep(room);
  }

  /** The scores of `key`, from here or made by `compute` into arrays it is given (`into`). */
  get(key: string, version: number, compute: (into: (count: number) => WordScores) => WordScores): WordScores {
    if (version !== this.#version) {
      for (const word of this.#words.values()) this.#dropped.push(word.room);
      this.#words.clear();
      this.#postings = 0;
      this.#version = version;
    }
    let word = this.#words.get(key);
    if (word) {
      // Most recent last: Map keeps insertion order.
      this.#words.delete(key);
      this.#words.set(key, word);
      return word;
    }
    let room: Held['room'] | undefined;
    const scores = compute((count) => {
      room = this.#take(count);
      return { ids: room.ids.subarray(0, count), scores: room.scores.subarray(0, count) };
    });
    word = { ...scores, room: room! };
    this.#words.set(key, word);
    this.#postings += word.room.ids.length;
    for (const [oldest, w] of this.#words) {
      if (this.#words.size <= CACHED_WORDS && this.#postings <= CACHED_POSTINGS) break;
      if (oldest === key) break;
      this.#words.delete(oldest);
      this.#postings -= w.room.ids.length;
      this.#dropped.push(w.room);
    }
    return word;
  }

  /** Arrays for `count` postings: the smallest spare ones that hold them, else new. */
  #take(count: number): Held['room'] {
    let best = -1;
    for (let i = 0; i < this.#spare.length; i++) {
      const room = this.#spare[i].ids.length;
      if (room >= count && (best < 0 || room < this.#spare[best].ids.length)) best = i;
    }
    if (best >= 0) return this.#spare.splice(best, 1)[0];
    return { ids: new Int32Array(count), scores: new Float64Array(count) };
  }

  /** Keeps dropped arrays to reuse, the largest first, up to SPARE_POSTINGS. */
  #keep(room: Held['room']): void {
    this.#spare.push(room);
    this.#spare.sort((a, b) => b.ids.length - a.ids.length);
    let total = 0;
    this.#spare = this.#spare.filter((r) => (total += r.ids.length) <= SPARE_POSTINGS);
  }
}
