import type { SnapshotWriter } from './snapshot';
import { zigzag } from './packed-postings';
import { grown } from './grown';

/**
 * Postings lists (short id and frequency, short ids rising) in one pool of 32-bit integers, as a
 * first build counts them (bulk-build.ts): a list is a chain of blocks, each twice the size of
 * the last up to a limit, so a word in one paper costs a few integers and a word in every paper
 * one block per thousand. Arrays of numbers per list made the garbage collector trace hundreds of
 * thousands of growing arrays as a build went on.
 *
 * A block is [next block, capacity in pairs, pairs…]; block 0 means none.
 */
export class PostingsPool {
  #pool = new Int32Array(1 << 16);
  #used = 1;
  /** By list: its first and last block, pairs in the last, pairs in all, last short id + 1. */
  #head = new Int32Array(1024);
  #tail = new Int32Array(1024);
  #fill = new Int32Array(1024);
  #count = new Int32Array(1024);
  #last = new Int32Array(1024);

  /** Integers of the pool in use. */
  get used(): number {
    return this.#used;
  }

  /** Makes room for `size` integers in all, at once. */
  reserve(size: number): void {
    if (size > this.#pool.length) this.#pool = grown(this.#pool, size);
  }

  has(list: number): boolean {
    return list < this.#count.length && this.#count[list] > 0;
  }

  /** One more occurrence in `shortId` (the paper being added, or one after it). */
  count(list: number, shortId: number): void {
    if (list >= this.#count.length) this.#lists(list + 1);
    const tail = this.#tail[list];
    if (this.#last[list] === shortId + 1) {
      this.#pool[tail + 2 * this.#fill[list] + 1]++;
      return;
    }
    let block = tail;
    if (block === 0 || this.#fill[list] === this.#pool[block + 1]) {
      block = this.#block(Math.min(1024, Math.max(2, this.#count[list])));
      if (tail === 0) this.#head[list] = block;
      else this.#pool[tail] = block;
      this.#tail[list] = block;
      this.#fill[list] = 0;
    }
    const at = block + 2 + 2 * this.#fill[list]++;
    this.#pool[at] = shortId;
    this.#pool[at + 1] = 1;
    this.#count[list]++;
    this.#last[list] = shortId + 1;
  }

  /** Writes a list as a snapshot holds postings (packed-postings.ts). */
  write(list: number, w: SnapshotWriter): { count: number; max: number } {
    let previous = 0;
    for (let block = this.#head[list]; block !== 0; block = this.#pool[block]) {
      const end = block + 2 + 2 * (block === this.#tail[list] ? this.#fill[list] : this.#pool[block + 1]);
      for (let at = block + 2; at < end; at += 2) {
        w.uint(zigzag(this.#pool[at] - previous));
        w.uint(this.#pool[at + 1]);
        previous = this.#pool[at];
      }
    }
    return { count: this.#count[list], max: previous };
  }

  #block(pairs: number): number {
    const size = 2 + 2 * pairs;
    if (this.#used + size > this.#pool.length) this.#pool = grown(this.#pool, Math.max(this.#pool.length * 2, this.#used + size));
    const block = this.#used;
    this.#used += size;
    this.#pool[block] = 0;
    this.#pool[block + 1] = pairs;
    return block;
  }

  #lists(size: number): void {
    const room = Math.max(size, this.#count.length * 2);
    this.#head = grown(this.#head, room);
    this.#tail = grown(this.#tail, room);
    this.#fill = grown(this.#fill, room);
    this.#count = grown(this.#count, room);
    this.#last = grown(this.#last, room);
  }
}
