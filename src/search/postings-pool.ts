import type { SnapshotWriter } from './snapshot';
import { grown } from './grown';

/** A block: the next block's offset and its length in bytes (its room while it is a list's last, then what it holds). */
const HEADER = 8;
/** The most one posting takes: two varints of up to five bytes. */
const POSTING_MAX = 10;
const BLOCK_MIN = 16;
const BLOCK_MAX = 4096;
/** Blocks link by signed 32-bit offsets: 2 GB of postings, some three million papers. */
export const MAX_POOL = 2 ** 31 - 1;

/**
 * Postings lists (short id and frequency, short ids rising) in one pool of bytes, as a first build
 * counts them (bulk-build.ts), already in the snapshot's form (packed-postings.ts): per posting,
 * the gap to the last paper (zigzagged) and the frequency, two varints. Saving copies the bytes.
 * A list's newest posting stays open in `#last`/`#tf` while its paper is being read, since its
 * frequency still grows; it is written when another paper counts in the list, or when saving.
 *
 * A list is a chain of blocks, each about twice the last up to 4 KB, so a word in one paper costs
 * a few dozen bytes and a word in every paper one block per thousand papers. Pairs of 32-bit
 * integers took 8 bytes a posting against 2–3: at 100,000 papers 190 MB of a build's memory (and
 * its first touch, some 4.5 ms a megabyte here) against about 50.
 */
export class PostingsPool {
  #pool = new Uint8Array(1 << 16);
  #used = 1;
  /**
   * By list number (as BulkBuild numbers them, term × fields + field): where the list is in the
   * arrays below, plus one (0: not counted yet). Most words are in one field or two of five: sized
   * for every list number, the seven arrays below took 235 MB at 1,000,000 papers.
   */
  #place = new Int32Array(1024);
  #places = 0;
  /** By place: the list's first and last block, bytes used in the last, postings in all, the open posting's paper + 1 and frequency, the last paper written. */
  #head = new Int32Array(1024);
  #tail = new Int32Array(1024);
  #fill = new Int32Array(1024);
  #count = new Int32Array(1024);
  #last = new Int32Array(1024);
  #tf = new Int32Array(1024);
  #written = new Int32Array(1024);

  /** Bytes of the pool in use. */
  get used(): number {
    return this.#used;
  }

  /** Makes room for `size` bytes in all, at once. */
  reserve(size: number): void {
    if (size > this.#pool.length) this.#pool = grown(this.#pool, size);
  }

  has(list: number): boolean {
    return list < this.#place.length && this.#place[list] > 0;
  }

  /** One more occurrence in `shortId` (the paper being added, or one after it). */
  count(list: number, shortId: number): void {
    if (list >= this.#place.length) this.#place = grown(this.#place, Math.max(list + 1, this.#place.length * 2));
    const at = this.#place[list] > 0 ? this.#place[list] - 1 : this.#newPlace(list);
    if (this.#last[at] === shortId + 1) {
      this.#tf[at]++;
      return;
    }
    if (this.#last[at] !== 0) this.#close(at);
    this.#last[at] = shortId + 1;
    this.#tf[at] = 1;
    this.#count[at]++;
  }

  #newPlace(list: number): number {
    const at = this.#places++;
    if (at >= this.#count.length) this.#lists(at + 1);
    this.#place[list] = at + 1;
    return at;
  }

  /** Writes the open posting of the list at place `at` into its blocks. */
  #close(at: number): void {
    let tail = this.#tail[at];
    if (tail === 0 || this.#fill[at] + POSTING_MAX > this.#length(tail)) {
      const block = this.#block(Math.min(BLOCK_MAX, Math.max(BLOCK_MIN, 3 * this.#count[at])));
      if (tail === 0) this.#head[at] = block;
      else {
        this.#setInt(tail, block);
        this.#setInt(tail + 4, this.#fill[at]); // closed: its length is what it holds
      }
      this.#tail[at] = tail = block;
      this.#fill[at] = 0;
    }
    const shortId = this.#last[at] - 1;
    let byte = tail + HEADER + this.#fill[at];
    byte = this.#varint(byte, 2 * (shortId - this.#written[at]));
    byte = this.#varint(byte, this.#tf[at]);
    this.#fill[at] = byte - tail - HEADER;
    this.#written[at] = shortId;
  }

  /** Writes a list as a snapshot holds postings (packed-postings.ts). */
  write(list: number, w: SnapshotWriter): { count: number; max: number } {
    if (!this.has(list)) return { count: 0, max: 0 };
    const at = this.#place[list] - 1;
    // Saved between papers (a build saves along the way): the open posting's paper is complete.
    if (this.#last[at] !== 0) this.#close(at);
    this.#last[at] = 0;
    const pool = this.#pool;
    for (let block = this.#head[at]; block !== 0; block = this.#int(block)) {
      const length = block === this.#tail[at] ? this.#fill[at] : this.#length(block);
      w.bytes(Buffer.from(pool.buffer, pool.byteOffset + block + HEADER, length));
    }
    return { count: this.#count[at], max: this.#written[at] };
  }

  #varint(at: number, n: number): number {
    const pool = this.#pool;
    while (n > 0x7f) {
      pool[at++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    pool[at++] = n;
    return at;
  }

  #length(block: number): number {
    return this.#int(block + 4);
  }

  #int(at: number): number {
    const p = this.#pool;
    return p[at] | (p[at + 1] << 8) | (p[at + 2] << 16) | (p[at + 3] << 24);
  }

  #setInt(at: number, n: number): void {
    const p = this.#pool;
    p[at] = n & 0xff;
    p[at + 1] = (n >>> 8) & 0xff;
    p[at + 2] = (n >>> 16) & 0xff;
    p[at + 3] = n >>> 24;
  }

  #block(bytes: number): number {
    const size = HEADER + bytes;
    if (this.#used + size > MAX_POOL) throw new Error('The library is too large to index in one build (over 2 GB of postings).');
    if (this.#used + size > this.#pool.length) this.#pool = grown(this.#pool, Math.min(MAX_POOL, Math.max(this.#pool.length * 2, this.#used + size)));
    const block = this.#used;
    this.#used += size;
    this.#setInt(block, 0);
    this.#setInt(block + 4, bytes);
    return block;
  }

  #lists(size: number): void {
    const room = Math.max(size, this.#count.length * 2);
    this.#head = grown(this.#head, room);
    this.#tail = grown(this.#tail, room);
    this.#fill = grown(this.#fill, room);
    this.#count = grown(this.#count, room);
    this.#last = grown(this.#last, room);
    this.#tf = grown(this.#tf, room);
    this.#written = grown(this.#written, room);
  }
}
