import { writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/**
 * The byte format of the index snapshot: a magic word, a JSON header, then a body of varints
 * and strings under a CRC-32. The index writes and reads the body (see PaperIndex).
 *
 * The body is MiniSearch's own state, read through the members it leaves to subclasses; a
 * snapshot says which MiniSearch version wrote it, and is not read by another. package.json
 * pins MiniSearch exactly, and a test checks the two agree.
 */
export const MINISEARCH_VERSION = '7.2.0';

const MAGIC = 'DRSX';

export class SnapshotWriter {
  buf: Buffer;
  pos = 0;
  /** Where the body begins, and where its length and checksum go once known. */
  protected readonly body: number;
  protected readonly bodyLength: number;
  protected readonly checksum: number;

  /**
   * `framed`: a whole snapshot with this header; otherwise a bare buffer (a term's postings).
   * `size`: the bytes to begin with (a snapshot's whole length, if known: see SnapshotSizer).
   */
  constructor(header: unknown, framed = true, size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
    this.body = this.bodyLength = this.checksum = 0;
    if (!framed) return;
    this.string(MAGIC);
    this.string(JSON.stringify({ minisearch: MINISEARCH_VERSION, header }));
    this.bodyLength = this.placeholder();
    this.checksum = this.placeholder();
    this.body = this.pos;
  }

  /** Between two papers or terms: nothing written so far will be patched (see SnapshotFile). */
  boundary(): void {}

  /** A bare writer of the same kind, for a piece to be `append`ed. */
  scratch(): SnapshotWriter {
    return new SnapshotWriter(null, false);
  }

  /** What `piece` wrote. */
  append(piece: SnapshotWriter) {
    this.bytes(piece.buf.subarray(0, piece.pos));
  }

  #room(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  uint(n: number) {
    this.#room(8);
    while (n > 0x7f) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.pos++] = n;
  }

  /** A u32 to fill in later (a count not known yet); returns where it is. */
  placeholder(): number {
    this.#room(4);
    this.pos += 4;
    return this.pos - 4;
  }

  patch(at: number, n: number) {
    this.buf.writeUInt32LE(n, at);
  }

  float(n: number) {
    this.#room(8);
    this.pos = this.buf.writeDoubleLE(n, this.pos);
  }

  bytes(b: Buffer) {
    this.#room(b.length);
    this.pos += b.copy(this.buf, this.pos);
  }

  string(s: string) {
    const length = Buffer.byteLength(s);
    this.uint(length);
    this.#room(length);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  finish(): Buffer {
    this.patch(this.bodyLength, this.pos - this.body);
    this.patch(this.checksum, crc32(this.buf.subarray(this.body, this.pos)));
    // Copied when the buffer has much room left: an index opened from it keeps it (PackedTerm).
    const bytes = this.buf.subarray(0, this.pos);
    return this.pos < this.buf.length * 0.875 ? Buffer.from(bytes) : bytes;
  }
}

/**
 * A writer that writes nothing and counts: how long a snapshot will be, for it to be written into
 * a buffer of that size. Grown by doubling from 1 MB, a first build's 300 MB snapshot (1,000,000
 * papers) passed through buffers of 256 and 512 MB, then was copied out of the second: the
 * build's worker held 840 MB more at its end than before.
 */
export class SnapshotSizer extends SnapshotWriter {
  constructor(header: unknown, framed = true) {
    super(header, framed, 0);
  }

  override scratch(): SnapshotWriter {
    return new SnapshotSizer(null, false);
  }

  override append(piece: SnapshotWriter) {
    this.pos += piece.pos;
  }

  override uint(n: number) {
    for (this.pos++; n > 0x7f; this.pos++) n = Math.floor(n / 128);
  }

  override placeholder(): number {
    this.pos += 4;
    return this.pos - 4;
  }

  override patch() {}

  override float() {
    this.pos += 8;
  }

  override bytes(b: Buffer) {
    this.pos += b.length;
  }

  override string(s: string) {
    const length = Buffer.byteLength(s);
    this.uint(length);
    this.pos += length;
  }

  override finish(): Buffer {
    throw new Error('a SnapshotSizer only counts');
  }
}

/** Bytes a SnapshotFile holds before it writes them out. */
const FLUSH_AT = 4 << 20;

/**
 * A snapshot written into a file as it is made, a few megabytes at a time (a first build's: made
 * whole in memory, the 300 MB snapshot of 1,000,000 papers stood beside the build that made it, at
 * the worker's peak). Bytes go out only at a `boundary`, so a count patched in later is still in
 * memory, but for the body's length and checksum, written into the file last (`end`).
 */
export class SnapshotFile extends SnapshotWriter {
  #written = 0;
  #crc = 0;

  constructor(
    readonly fd: number,
    header: unknown,
  ) {
    super(header, true, 2 * FLUSH_AT);
  }

  override boundary(): void {
    if (this.pos >= FLUSH_AT) this.#flush();
  }

  #flush(): void {
    const bytes = this.buf.subarray(0, this.pos);
    this.#crc = crc32(this.#written === 0 ? bytes.subarray(this.body) : bytes, this.#crc);
    for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at, bytes.length - at);
    this.#written += bytes.length;
    this.pos = 0;
  }

  /** Writes the rest, then the body's length and checksum; the snapshot's length. */
  end(): number {
    this.#flush();
    const fields = Buffer.alloc(8);
    fields.writeUInt32LE(this.#written - this.body, 0);
    fields.writeUInt32LE(this.#crc, 4);
    if (writeSync(this.fd, fields, 0, 4, this.bodyLength) + writeSync(this.fd, fields, 4, 4, this.checksum) !== 8)
      throw new Error('the index snapshot could not be written whole');
    return this.#written;
  }

  override finish(): Buffer {
    throw new Error('a SnapshotFile is written into its file: end it');
  }
}

export class SnapshotReader {
  pos = 0;
  private constructor(readonly buf: Buffer) {}

  /** A reader of bytes taken from a snapshot already opened (a term's postings). */
  static of(bytes: Buffer): SnapshotReader {
    return new SnapshotReader(bytes);
  }

  /** The header alone, to decide whether the rest is worth reading. */
  static header(buf: Buffer): unknown {
    const r = new SnapshotReader(buf);
    if (r.string() !== MAGIC) throw new Error('not an index snapshot');
    return JSON.parse(r.string()).header;
  }

  /** A reader at the start of the body; throws unless `buf` is whole, undamaged and of this version. */
  static open(buf: Buffer): SnapshotReader {
    const r = new SnapshotReader(buf);
    if (r.string() !== MAGIC) throw new Error('not an index snapshot');
    const { minisearch } = JSON.parse(r.string());
    if (minisearch !== MINISEARCH_VERSION) throw new Error(`snapshot written with MiniSearch ${minisearch}`);
    const bodyLength = r.u32();
    const checksum = r.u32();
    if (r.pos + bodyLength !== buf.length || crc32(buf.subarray(r.pos)) !== checksum) throw new Error('snapshot is damaged');
    return r;
  }

  uint(): number {
    const buf = this.buf;
    let byte = buf[this.pos++];
    if (byte < 0x80) return byte; // the common case: one byte
    let n = byte & 0x7f;
    for (let scale = 128; ; scale *= 128) {
      byte = buf[this.pos++];
      if (byte === undefined) throw new Error('snapshot is truncated');
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
    }
  }

  u32(): number {
    const n = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return n;
  }

  float(): number {
    const n = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return n;
  }

  /** Moves past the next `length` bytes. */
  skip(length: number): void {
    if (!(this.pos + length <= this.buf.length)) throw new Error('snapshot is truncated');
    this.pos += length;
  }

  /** The next `length` bytes, sharing the snapshot's memory. */
  bytes(length: number): Buffer {
    if (!(this.pos + length <= this.buf.length)) throw new Error('snapshot is truncated');
    this.pos += length;
    return this.buf.subarray(this.pos - length, this.pos);
  }

  string(): string {
    const length = this.uint();
    if (!(this.pos + length <= this.buf.length)) throw new Error('snapshot is truncated');
    const s = this.buf.toString('utf8', this.pos, this.pos + length);
    this.pos += length;
    return s;
  }
}
