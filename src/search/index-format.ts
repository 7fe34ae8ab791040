import { eachPosting, PackedTerm, zigzag } from './packed-postings';
import { SnapshotFile, SnapshotSizer, SnapshotWriter, type SnapshotReader } from './snapshot';
import { TermTable } from './term-table';

/** Writes one field's postings into `block`; returns how many and the highest short id (count 0: none). */
export type PostingsWriter = (block: SnapshotWriter) => { count: number; max: number };

/**
 * Writes the body of an index snapshot (snapshot.ts frames it), which PaperIndex.restore reads:
 * the fields' average lengths, the next short id, the papers (short id, id, each field's length
 * plus one, 0 for a field the paper lacks, which MiniSearch keeps apart from empty), then the
 * terms, each with its postings by field (packed-postings.ts). PaperIndex writes it from
 * MiniSearch's state; BulkBuild from a first build. The terms are read back by `restoreTerms`.
 */
export class IndexWriter {
  readonly #w: SnapshotWriter;
  readonly #fields: number;
  readonly #block: SnapshotWriter;
  #termCount = -1;
  #terms = 0;
  /** The terms to come, when known: a snapshot written into a file needs their count before the first. */
  readonly #termsToCome: number | undefined;

  /**
   * `size`: the snapshot's length, if known; `sizing`: only count it (see `length`); `fd`: write
   * it into that file as it is made (see SnapshotFile), which needs `terms`, how many terms will
   * come, every one with postings.
   */
  constructor(header: unknown, averages: number[], nextId: number, papers: number, how: { size?: number; sizing?: boolean; fd?: number; terms?: number } = {}) {
    this.#fields = averages.length;
    this.#termsToCome = how.terms;
    if (how.fd !== undefined && how.terms === undefined) throw new Error('a snapshot written into a file needs its count of terms');
    const w = (this.#w =
      how.fd !== undefined ? new SnapshotFile(how.fd, header) : how.sizing ? new SnapshotSizer(header) : new SnapshotWriter(header, true, how.size));
    this.#block = w.scratch();
    w.uint(this.#fields);
    for (const average of averages) w.float(average);
    w.uint(nextId);
    w.uint(papers);
  }

  /** One paper; all of them come before the first term. */
  paper(shortId: number, id: string, length: (field: number) => number | undefined): void {
    const w = this.#w;
    w.uint(shortId);
    w.string(id);
    for (let f = 0; f < this.#fields; f++) {
      const n = length(f);
      w.uint(n === undefined ? 0 : n + 1);
    }
    w.boundary();
  }

  /** One term, with its postings by field; a term left with none is left out. */
  term(term: string, fields: Iterable<[number, PostingsWriter]>): void {
    const w = this.#w;
    this.#countTerms();
    const start = w.pos;
    w.string(term);
    const fieldCount = w.placeholder();
    let present = 0;
    for (const [fieldId, write] of fields) {
      this.#block.pos = 0;
      const { count, max } = write(this.#block);
      if (count === 0) continue;
      w.uint(fieldId);
      w.uint(count);
      w.uint(max);
      w.uint(this.#block.pos);
      w.append(this.#block);
      present++;
    }
    if (present === 0) w.pos = start;
    else {
      w.patch(fieldCount, present);
      this.#terms++;
    }
    w.boundary();
  }

  /** Where the count of terms goes, before the first; filled in at once if known. */
  #countTerms(): void {
    if (this.#termCount >= 0) return;
    this.#termCount = this.#w.placeholder();
    if (this.#termsToCome !== undefined) this.#w.patch(this.#termCount, this.#termsToCome);
  }

  /** The snapshot's length in bytes, were it finished now. */
  get length(): number {
    return this.#w.pos + (this.#termCount < 0 ? 4 : 0);
  }

  finish(): Buffer {
    this.#countTerms();
    this.#w.patch(this.#termCount, this.#terms);
    return this.#w.finish();
  }

  /** Ends a snapshot written into a file (`fd`); its length. */
  end(): number {
    this.#countTerms();
    if (this.#terms !== this.#termsToCome) throw new Error(`the snapshot has ${this.#terms} terms, not the ${this.#termsToCome} it said`);
    if (!(this.#w instanceof SnapshotFile)) throw new Error('only a snapshot written into a file is ended');
    return this.#w.end();
  }
}

/** Writes the postings of papers `live` says are in the index; returns how many. */
export function writePostings(w: SnapshotWriter, postings: Map<number, number>, live: Uint8Array): { count: number; max: number } {
  let count = 0;
  let previous = 0;
  let max = 0;
  eachPosting(postings, (shortId, tf) => {
    if (!live[shortId]) return;
    w.uint(zigzag(shortId - previous));
    w.uint(tf);
    previous = shortId;
    if (shortId > max) max = shortId;
    count++;
  });
  return { count, max };
}

/** How many of `terms` have a posting of a paper `live` says is in the index. */
export function liveTerms(terms: Iterable<[string, Map<number, Map<number, number>>]>, live: Uint8Array): number {
  let count = 0;
  for (const [, term] of terms) {
    let found = false;
    for (const [, postings] of term instanceof PackedTerm ? term.read() : term) eachPosting(postings, (shortId) => (found ||= live[shortId] === 1));
    if (found) count++;
  }
  return count;
}

/** The snapshot's terms, from where `r` stands: sorted as written (an older snapshot's are sorted here). */
export function restoreTerms(r: SnapshotReader, snapshot: Buffer): TermTable {
  const count = r.u32();
  let [terms, at] = [new Array<string>(count), new Int32Array(count)];
  let sorted = true;
  for (let t = 0; t < count; t++) {
    const term = r.string();
    if (t > 0 && !(terms[t - 1] < term)) sorted = false;
    terms[t] = term;
    at[t] = r.pos;
    PackedTerm.skip(r);
  }
  if (!sorted) {
    const order = Array.from(terms.keys()).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
    [terms, at] = [order.map((i) => terms[i]), Int32Array.from(order, (i) => at[i])];
  }
  return new TermTable(terms, (i) => new PackedTerm(snapshot, at[i]));
}
