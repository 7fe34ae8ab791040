import * as fs from 'node:fs';
import type { Paper } from './types';

/**
 * The file is read a block at a time and the last 8 MB of blocks are kept: a scan of every
 * abstract reads each block once, and typing, which shows and re-ranks the same few hundred papers
 * at every key, finds theirs held. Decoding from a held block costs a fraction of a microsecond;
 * keeping decoded strings instead cost more in garbage collection than it saved.
 */
const BLOCK_BITS = 15;
const BLOCK = 1 << BLOCK_BITS;
const BLOCKS = 256;
/** Bytes written per call when abstracts are appended, so the thread answers requests between calls. */
const CHUNK = 1 << 20;

/**
 * The corpus's abstracts in one append-only file (UTF-8, one after another), each read when asked
 * for. At 100,000 papers they were a third of the main thread's heap, and copying them into it at
 * every start was most of a restart's time (BENCHMARKS.md). The file is derived from the digest
 * files, like the search index: losing it loses nothing (corpus-cache.ts).
 */
export class AbstractFile {
  #fd: number | undefined;
  /** Blocks read, by number; a block at the end of the file holds fewer bytes than its buffer. */
  readonly #blocks = new Map<number, { bytes: Buffer; length: number }>();
  #blockKeys: Array<number | undefined> = [];
  #blockNext = 0;

  constructor(readonly file: string) {}

  /** The abstract of `length` bytes at `at`. */
  read(at: number, length: number): string {
    const first = at >> BLOCK_BITS;
    const inBlock = at - first * BLOCK;
    let bytes: Buffer;
    let from = 0;
    if (inBlock + length <= BLOCK) {
      bytes = this.#block(first);
      from = inBlock;
    } else {
      bytes = Buffer.allocUnsafeSlow(length);
      bytes = bytes.subarray(0, this.#readInto(bytes, at, length));
    }
    if (bytes.length < from + length) throw new Error(`The file of abstracts ${this.file} ends early; restart the app to make it again from your digests.`);
    return bytes.toString('utf8', from, from + length);
  }

  #block(n: number): Buffer {
    const held = this.#blocks.get(n);
    if (held) return held.bytes.subarray(0, held.length);
    // The oldest block's buffer is read into again (allocating one per read made the garbage
    // collector run full collections for the external memory), named by a ring of keys: a Map's
    // first key is found by skipping the entries deleted before it, slowly.
    let bytes: Buffer = Buffer.allocUnsafeSlow(BLOCK);
    const oldest = this.#blockKeys[this.#blockNext];
    if (oldest !== undefined) {
      bytes = this.#blocks.get(oldest)!.bytes;
      this.#blocks.delete(oldest);
    }
    this.#blockKeys[this.#blockNext] = n;
    this.#blockNext = (this.#blockNext + 1) % BLOCKS;
    const length = this.#readInto(bytes, n * BLOCK, BLOCK);
    this.#blocks.set(n, { bytes, length });
    return bytes.subarray(0, length);
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
   */
  async append(texts: string[], afresh = false): Promise<Array<[number, number]>> {
    if (afresh) this.close();
    const handle = await fs.promises.open(this.file, afresh ? 'w' : 'a');
    try {
      let at = (await handle.stat()).size;
      const places: Array<[number, number]> = [];
      let chunk: Buffer[] = [];
      let size = 0;
      for (const text of texts) {
        const bytes = Buffer.from(text, 'utf8');
        places.push([at, bytes.length]);
        at += bytes.length;
        chunk.push(bytes);
        size += bytes.length;
        if (size >= CHUNK) {
          await handle.writeFile(Buffer.concat(chunk));
          chunk = [];
          size = 0;
        }
      }
      if (size) await handle.writeFile(Buffer.concat(chunk));
      await handle.sync();
      this.#forget(); // the last block held may have ended where this began
      return places;
    } finally {
      await handle.close();
    }
  }

  /** The file's size, 0 if it is missing. */
  size(): number {
    try {
      return fs.statSync(this.file).size;
    } catch {
      return 0;
    }
  }

  #forget(): void {
    this.#blocks.clear();
    this.#blockKeys = [];
  }

  close(): void {
    if (this.#fd !== undefined) fs.closeSync(this.#fd);
    this.#fd = undefined;
    this.#forget();
  }
}

/**
 * A paper of the corpus whose abstract lives in the AbstractFile once saved, and in memory until
 * then (a new paper, or a newer version's text). `abstract` is an accessor: a spread (`{...p}`)
 * leaves it out, so a copy names it (`{ ...p, abstract: p.abstract }`); JSON.stringify keeps it.
 */
export class StoredPaper {
  #text: string | undefined;
  #file: AbstractFile | undefined;
  #at = 0;
  #length = 0;

  constructor(text?: string, file?: AbstractFile, at = 0, length = 0) {
    this.#text = text;
    this.#file = file;
    this.#at = at;
    this.#length = length;
  }

  get abstract(): string {
    if (this.#text !== undefined) return this.#text;
    return this.#length === 0 ? '' : this.#file!.read(this.#at, this.#length);
  }

  set abstract(text: string) {
    this.#text = text;
  }

  /** The abstract if it is not in the file yet. */
  get unsaved(): string | undefined {
    return this.#text;
  }

  /** Where the abstract is in the file, if it is there and current. */
  get place(): [number, number] | undefined {
    return this.#text === undefined ? [this.#at, this.#length] : undefined;
  }

  /** The abstract `text` was written at `place`: read it from there from now on, unless it changed meanwhile. */
  saved(file: AbstractFile, place: [number, number], text: string): void {
    if (this.#text !== text) return;
    this.#file = file;
    [this.#at, this.#length] = place;
    this.#text = undefined;
  }

  toJSON(): Paper {
    return { ...this, abstract: this.abstract } as unknown as Paper;
  }
}

/** A paper of the corpus: the rest of its fields are set on the StoredPaper as own properties. */
export type CorpusPaper = StoredPaper & Paper;
