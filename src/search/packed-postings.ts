import { AppendedPostings } from './appended-postings';
import { SnapshotReader } from './snapshot';

export const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);

/** Postings as a snapshot holds them: `count` pairs of varints from `start` in `bytes` (see bm25.ts). */
export interface PackedSlice {
  bytes: Buffer;
  start: number;
  count: number;
}

/**
 * One term's postings in one field (paper → frequency), as a snapshot holds them: varints,
 * decoded into the Map only when something needs the Map. Most of a large library's postings
 * are never read between two starts, and a Map costs about 44 bytes per posting against the
 * two of the snapshot: decoding them all made a start take seconds and the index its full size.
 *
 * MiniSearch adds papers numbered above any here, kept on top of the packed ones (typed arrays,
 * appended-postings.ts); all else it does (looking one up, removing, walking) decodes first.
 * `eachPosting` reads them in place, for searching and saving.
 */
export class PackedPostings extends Map<number, number> {
  #packed: Buffer | null;
  readonly #count: number;
  /** The highest paper number among the packed postings. */
  readonly #max: number;
  /** Papers added since, while packed (appended-postings.ts); in the Map once one came out of order. */
  #appended: AppendedPostings | undefined;
  #outOfOrder = false;

  constructor(packed: Buffer, count: number, max: number) {
    super();
    this.#packed = packed;
    this.#count = count;
    this.#max = max;
  }

  /** The packed bytes and how many postings they hold, while packed (for the scoring loop, bm25.ts). */
  get packed(): PackedSlice | null {
    return this.#packed && { bytes: this.#packed, start: 0, count: this.#count };
  }

  /** Visits the packed postings, while they are packed; false once they are in the Map. */
  visitPacked(visit: (shortId: number, tf: number) => void): boolean {
    if (!this.#packed) return false;
    eachPacked({ bytes: this.#packed, start: 0, count: this.#count }, visit);
    return true;
  }

  #unpack(): void {
    if (!this.#packed) return;
    const added: [number, number][] = [];
    this.eachInMap((shortId, tf) => added.push([shortId, tf]));
    super.clear();
    this.visitPacked((shortId, tf) => super.set(shortId, tf));
    this.#packed = null;
    this.#appended = undefined;
    for (const [shortId, tf] of added) super.set(shortId, tf);
  }

  #isNew(shortId: number): boolean {
    return this.#packed !== null && shortId > this.#max;
  }

  override get(shortId: number) {
    if (!this.#isNew(shortId)) this.#unpack();
    return this.#appended ? this.#appended.get(shortId) : super.get(shortId);
  }
  override has(shortId: number) {
    if (!this.#isNew(shortId)) this.#unpack();
    return this.#appended ? this.#appended.get(shortId) !== undefined : super.has(shortId);
  }
  override set(shortId: number, tf: number) {
    if (!this.#isNew(shortId)) this.#unpack();
    else if (!this.#outOfOrder) {
      if ((this.#appended ??= new AppendedPostings()).set(shortId, tf)) return this;
      // Out of order: those added so far go into the Map, and so do the rest.
      this.#appended.each((id, n) => super.set(id, n));
      this.#appended = undefined;
      this.#outOfOrder = true;
    }
    return super.set(shortId, tf);
  }
  override delete(shortId: number) {
    this.#unpack();
    return super.delete(shortId);
  }
  override clear() {
    this.#packed = null;
    this.#appended = undefined;
    super.clear();
  }
  override get size() {
    return (this.#packed ? this.#count : 0) + (this.#appended?.size ?? 0) + super.size;
  }
  override entries() {
    this.#unpack();
    return super.entries();
  }
  override keys() {
    this.#unpack();
    return super.keys();
  }
  override values() {
    this.#unpack();
    return super.values();
  }
  override forEach(fn: (tf: number, shortId: number, map: Map<number, number>) => void) {
    this.#unpack();
    super.forEach(fn);
  }
  override [Symbol.iterator]() {
    return this.entries();
  }

  /** What is not packed: all postings once decoded, else those added since. */
  eachInMap(visit: (shortId: number, tf: number) => void): void {
    this.#appended?.each(visit);
    super.forEach((tf, shortId) => visit(shortId, tf));
  }
}

/** Every posting, packed or not, without decoding the packed ones into the Map. */
export function eachPosting(postings: Map<number, number>, visit: (shortId: number, tf: number) => void): void {
  if (postings instanceof PackedPostings) {
    postings.visitPacked(visit);
    postings.eachInMap(visit);
  } else {
    postings.forEach((tf, shortId) => visit(shortId, tf));
  }
}

/**
 * One term's postings by field, as a snapshot holds them (where its fields start), opened into a
 * Map of PackedPostings only when something reads them: restoring 170,000 terms so at a start took
 * a second, for terms most of which are never read before the next.
 */
export class PackedTerm implements Map<number, Map<number, number>> {
  readonly #snapshot: Buffer;
  readonly #at: number;
  #opened: Map<number, Map<number, number>> | undefined;
  #postings = -1;

  /** `at`: where the term's field count is; `skip` moves a reader past the term's fields. */
  constructor(snapshot: Buffer, at: number) {
    this.#snapshot = snapshot;
    this.#at = at;
  }

  /** Moves `r` past one term's fields. */
  static skip(r: SnapshotReader): void {
    eachField(r, visitNone);
  }

  #reader(): SnapshotReader {
    const r = SnapshotReader.of(this.#snapshot);
    r.pos = this.#at;
    return r;
  }

  /** The fields' postings read afresh from the snapshot, without keeping them. */
  read(): [number, PackedPostings][] {
    if (this.#opened) return [...(this.#opened as Map<number, PackedPostings>)];
    const fields: [number, PackedPostings][] = [];
    eachField(this.#reader(), (fieldId, count, max, start, length) => {
      fields.push([fieldId, new PackedPostings(this.#snapshot.subarray(start, start + length), count, max)]);
    });
    return fields;
  }

  /** How many postings the term has in all fields (for expand.ts), counted once while it is unopened. */
  get postings(): number {
    if (this.#opened) {
      let n = 0;
      for (const p of this.#opened.values()) n += p.size;
      return n;
    }
    if (this.#postings < 0) {
      this.#postings = 0;
      eachField(this.#reader(), (_, count) => {
        this.#postings += count;
      });
    }
    return this.#postings;
  }

  /**
   * One field's postings read in place, while the term is unopened: a search reads them without
   * opening the term (a Map and a PackedPostings per field, for every word a prefix begins).
   * Null when the term lacks the field; undefined once it is opened (read the Map).
   */
  slice(fieldId: number): PackedSlice | null | undefined {
    if (this.#opened) return undefined;
    let found: PackedSlice | null = null;
    eachField(this.#reader(), (id, count, _, start) => {
      if (id === fieldId) found = { bytes: this.#snapshot, start, count };
      return id === fieldId;
    });
    return found;
  }

  #open(): Map<number, Map<number, number>> {
    return (this.#opened ??= new Map(this.read()));
  }

  get size() {
    return this.#open().size;
  }
  get(fieldId: number) {
    return this.#open().get(fieldId);
  }
  has(fieldId: number) {
    return this.#open().has(fieldId);
  }
  set(fieldId: number, postings: Map<number, number>) {
    this.#open().set(fieldId, postings);
    return this;
  }
  delete(fieldId: number) {
    return this.#open().delete(fieldId);
  }
  clear() {
    this.#open().clear();
  }
  forEach(fn: (postings: Map<number, number>, fieldId: number, map: Map<number, Map<number, number>>) => void) {
    this.#open().forEach((postings, fieldId) => fn(postings, fieldId, this));
  }
  entries() {
    return this.#open().entries();
  }
  keys() {
    return this.#open().keys();
  }
  values() {
    return this.#open().values();
  }
  [Symbol.iterator]() {
    return this.#open().entries();
  }
  get [Symbol.toStringTag]() {
    return 'Map';
  }
}

const visitNone = () => false;

/** Walks one term's fields from `r` (IndexWriter.term's layout), leaving `r` past them; `visit` returning true stops. */
function eachField(r: SnapshotReader, visit: (fieldId: number, count: number, max: number, start: number, length: number) => boolean | void): void {
  for (let present = r.u32(); present > 0; present--) {
    const fieldId = r.uint();
    const count = r.uint();
    const max = r.uint();
    const length = r.uint();
    if (visit(fieldId, count, max, r.pos, length)) return;
    r.skip(length);
  }
}

/**
 * Visits `count` postings packed from `start`: two varints each, the zigzagged gap to the previous
 * paper, then the term frequency. The hot loop of a search (bm25.ts), decoded in place.
 */
export function eachPacked({ bytes: buf, start, count }: PackedSlice, visit: (shortId: number, tf: number) => void): void {
  let pos = start;
  let shortId = 0;
  for (let i = 0; i < count; i++) {
    let byte = buf[pos++];
    let gap = byte & 0x7f;
    for (let scale = 128; byte >= 0x80; scale *= 128) {
      byte = buf[pos++];
      gap += (byte & 0x7f) * scale;
    }
    byte = buf[pos++];
    let tf = byte & 0x7f;
    for (let scale = 128; byte >= 0x80; scale *= 128) {
      byte = buf[pos++];
      tf += (byte & 0x7f) * scale;
    }
    shortId += gap % 2 === 0 ? gap / 2 : -(gap + 1) / 2;
    visit(shortId, tf);
  }
}
