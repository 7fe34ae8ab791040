import * as fs from 'node:fs';

/**
 * The file is read in 4 KB blocks and the last 8 MB of them are kept. Typing shows and re-ranks a
 * few hundred papers at every key, each in a block of its own: with 32 KB blocks those were all
 * the 256 held, evicted by the next key's (70 reads of 32 KB a key at 100,000 papers; 54 of 4 KB
 * now, for the same time a key: BENCHMARKS.md, sixth round). A scan of every abstract reads ahead
 * instead (READ_AHEAD blocks per read), so it still reads the file in long runs.
 */
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const BLOCKS = 2048;
/** Blocks read at once from the third block read in a row (a scan). */
const READ_AHEAD = 16;
/** An abstract longer than this (a whole paper's text) is read by itself, not through the blocks it would evict. */
const LONG = 16 * BLOCK;
/** Bytes written per call when abstracts are appended, so the thread answers requests between calls. */
const CHUNK = 1 << 20;

/**
 * The text with any lone surrogate as U+FFFD, the bytes UTF-8 writes for one alone: texts are
 * joined before they are written, where a high surrogate ending one and a low one starting the
 * next would pair up into one character and shift every later place.
 */
const wellFormed = (text: string) => (text.isWellFormed() ? text : text.toWellFormed());

/**
 * The corpus's abstracts in one append-only file (UTF-8, one after another), each read when asked
 * for. At 100,000 papers they were a third of the main thread's heap, and copying them into it at
 * every start was most of a restart's time (BENCHMARKS.md). The file is derived from the digest
 * files, like the search index: losing it loses nothing (corpus-cache.ts).
 */
export class AbstractFile {
  #fd: number | undefined;
  /** Blocks read, by number, each in a buffer of its own that is read into again once it is the oldest (see `#slot`). */
  readonly #blocks = new Map<number, { bytes: Buffer; length: number }>();
  /** The block numbers held, oldest first from `#next` round: a Map's first key is found by skipping its deleted entries, slowly. */
  #ring: Array<number | undefined> = [];
  #next = 0;
  #lastRead = -2;
  #inARow = 0;
  /** Where a run of blocks is read at once, and where an abstract across blocks is put together. */
  readonly #run = Buffer.allocUnsafeSlow(READ_AHEAD * BLOCK);
  #joined = Buffer.allocUnsafeSlow(2 * BLOCK);
  #appending: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  /** The abstract of `length` bytes at `at`. */
  read(at: number, length: number): string {
    const first = at >> BLOCK_BITS;
    const from = at - first * BLOCK;
    if (from + length <= BLOCK) {
      const block = this.#block(first);
      if (block.length < from + length) this.#endsEarly();
      return block.toString('utf8', from, from + length);
    }
    if (length > LONG) {
      const bytes = Buffer.allocUnsafeSlow(length);
      if (this.#readInto(bytes, at, length) < length) this.#endsEarly();
      return bytes.toString('utf8');
    }
    if (this.#joined.length < length) this.#joined = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.#joined.length));
    let got = 0;
    for (let n = first; got < length; n++) {
      const block = this.#block(n);
      const start = n === first ? from : 0;
      if (block.length <= start) this.#endsEarly();
      got += block.copy(this.#joined, got, start, Math.min(block.length, start + length - got));
    }
    return this.#joined.toString('utf8', 0, length);
  }

  #endsEarly(): never {
    throw new Error(`The file of abstracts ${this.file} ends early; restart the app to make it again from your digests.`);
  }

  #block(n: number): Buffer {
    let held = this.#blocks.get(n);
    if (!held) {
      // The third block in a row read one after another: a scan, which reads ahead. (Typing reads
      // two neighbouring blocks often enough in a small library that reading ahead for one evicted more.)
      this.#inARow = n === this.#lastRead + 1 ? this.#inARow + 1 : 0;
      const ahead = this.#inARow >= 2 ? READ_AHEAD : 1;
      const got = this.#readInto(this.#run, n * BLOCK, ahead * BLOCK);
      for (let i = 0; i === 0 || (i < ahead && i * BLOCK < got && !this.#blocks.has(n + i)); i++) {
        const length = Math.max(0, Math.min(got - i * BLOCK, BLOCK));
        const bytes = this.#slot(n + i);
        this.#run.copy(bytes, 0, i * BLOCK, i * BLOCK + length);
        this.#blocks.set(n + i, { bytes, length });
        this.#lastRead = n + i;
      }
      held = this.#blocks.get(n)!;
    }
    return held.bytes.subarray(0, held.length);
  }

  /** A buffer for block `n`: the oldest block's, which is forgotten, or a new one while fewer than BLOCKS are held. */
  #slot(n: number): Buffer {
    const oldest = this.#ring[this.#next];
    let bytes: Buffer | undefined;
    if (oldest !== undefined) {
      bytes = this.#blocks.get(oldest)!.bytes;
      this.#blocks.delete(oldest);
    }
    this.#ring[this.#next] = n;
    this.#next = (this.#next + 1) % BLOCKS;
    return bytes ?? Buffer.allocUnsafeSlow(BLOCK);
  }

  /** Up to `length` bytes from `at` into `bytes` (fewer at the end of the file); the count read. */
  #readInto(bytes: Buffer, at: number, length: number): number {
    this.#fd ??= fs.openSync(this.file, 'r');
    let got = 0;
    while (got < length) {
      const n = fs.readSync(this.#fd, bytes, got, length - got, at + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  }

  /**
   * Appends texts at the end of the file (made if missing) and returns where each went: [offset,
   * bytes]. `afresh` empties the file first: for a whole corpus, when no paper reads from it.
   * Appends run one after another: each places its texts where the one before it ended.
   */
  append(texts: string[], afresh = false): Promise<Array<[number, number]>> {
    const run = this.#appending.then(() => this.#append(texts, afresh));
    this.#appending = run.catch(() => undefined);
    return run;
  }

  async #append(texts: string[], afresh: boolean): Promise<Array<[number, number]>> {
    if (afresh) this.close();
    const handle = await fs.promises.open(this.file, afresh ? 'w' : 'a');
    try {
      const end = (await handle.stat()).size;
      let at = end;
      const places: Array<[number, number]> = [];
      // Texts are joined and written as strings: a buffer per text, then their concatenation, took
      // twice the bytes written outside the heap.
      let chunk: string[] = [];
      let size = 0;
      for (const text of texts.map(wellFormed)) {
        const bytes = Buffer.byteLength(text, 'utf8');
        places.push([at, bytes]);
        at += bytes;
        chunk.push(text);
        size += bytes;
        if (size >= CHUNK) {
          await handle.writeFile(chunk.join(''));
          chunk = [];
          size = 0;
        }
      }
      if (size) await handle.writeFile(chunk.join(''));
      await handle.sync();
      this.#reread(end);
      return places;
    } finally {
      await handle.close();
    }
  }

  /**
   * Empties the file and appends to it synchronously, a call at a time, until `end`: for a corpus
   * replayed from its digests, whose abstracts are written as each digest is added (corpus.ts).
   * Not flushed to the disk: the cache's save does (`append`) before it names a place in the file.
   */
  rewrite(): { append(texts: string[]): Array<[number, number]>; end(): void } {
    this.close();
    const fd = fs.openSync(this.file, 'w');
    let at = 0;
    return {
      append: (given) => {
        const texts = given.map(wellFormed);
        const places = texts.map((text): [number, number] => {
          const bytes = Buffer.byteLength(text, 'utf8');
          at += bytes;
          return [at - bytes, bytes];
        });
        const bytes = Buffer.from(texts.join(''), 'utf8');
        for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done);
        this.#reread(at - bytes.length); // a merge may have read the block that held the end
        return places;
      },
      end: () => fs.closeSync(fd),
    };
  }

  /** The file's size, 0 if it is missing. */
  size(): number {
    try {
      return fs.statSync(this.file).size;
    } catch {
      return 0;
    }
  }

  /**
   * Reads again the blocks held from the one where the file ended before an append: it held the
   * end, and now more. (Forgetting every block instead let go of 8 MB of buffers at each import,
   * which the process kept until a collection, and read them all again.)
   */
  #reread(end: number): void {
    for (const [n, held] of this.#blocks) if (n >= end >> BLOCK_BITS) held.length = this.#readInto(held.bytes, n * BLOCK, BLOCK);
  }

  #forget(): void {
    this.#blocks.clear();
    this.#ring = [];
    this.#next = 0;
    this.#lastRead = -2;
  }

  close(): void {
    if (this.#fd !== undefined) fs.closeSync(this.#fd);
    this.#fd = undefined;
    this.#forget();
  }
}
