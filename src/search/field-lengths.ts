import { grown } from './grown';

/**
 * Each paper's field lengths (in distinct words), in typed arrays by field then short id: what BM25
 * reads for every posting, and what MiniSearch keeps as a Map of small arrays (`_fieldLength`).
 * This stands in for that Map: at 100,000 papers the arrays were 100,000 objects to allocate at
 * every start and to hold.
 *
 * MiniSearch adds a paper's lengths by setting an empty array and filling it in; those wait in
 * `#adding` until `settle` moves them into the typed arrays (PaperIndex.add calls it).
 */
export class FieldLengths implements Map<number, number[]> {
  /** By field, then short id; 0 where the paper lacks the field. */
  lengths: Uint32Array<ArrayBuffer>[];
  /** By short id: a bit per field the paper has (MiniSearch keeps a field absent apart from empty). */
  #present = new Uint32Array(0);
  #size = 0;
  readonly #adding = new Map<number, number[]>();

  constructor(fields: number) {
    if (fields > 32) throw new Error('at most 32 fields');
    this.lengths = Array.from({ length: fields }, () => new Uint32Array(0));
  }

  /** Room for short ids below `size`. */
  fit(size: number): void {
    if (size <= this.#present.length) return;
    const room = Math.max(1024, this.#present.length * 2, size);
    this.#present = grown(this.#present, room);
    this.lengths = this.lengths.map((a) => grown(a, room));
  }

  /** Records one field's length (a snapshot being read). */
  setField(shortId: number, fieldId: number, length: number): void {
    this.fit(shortId + 1);
    if (!this.#present[shortId]) this.#size++;
    this.#present[shortId] |= 1 << fieldId;
    this.lengths[fieldId][shortId] = length;
  }

  /** Moves the lengths MiniSearch filled in for a paper it added into the typed arrays. */
  settle(shortId: number): void {
    const lengths = this.#adding.get(shortId);
    if (!lengths) return;
    this.#adding.delete(shortId);
    this.#remove(shortId);
    lengths.forEach((length, fieldId) => this.setField(shortId, fieldId, length));
  }

  #remove(shortId: number): boolean {
    if (!this.#present[shortId]) return false;
    this.#present[shortId] = 0;
    for (const a of this.lengths) a[shortId] = 0;
    this.#size--;
    return true;
  }

  get(shortId: number): number[] | undefined {
    const adding = this.#adding.get(shortId);
    if (adding) return adding;
    const bits = this.#present[shortId];
    if (!bits) return undefined;
    const lengths: number[] = [];
    this.lengths.forEach((a, f) => {
      if (bits & (1 << f)) lengths[f] = a[shortId];
    });
    return lengths;
  }
  set(shortId: number, lengths: number[]) {
    this.#adding.set(shortId, lengths);
    return this;
  }
  has(shortId: number) {
    return this.#adding.has(shortId) || Boolean(this.#present[shortId]);
  }
  delete(shortId: number) {
    const adding = this.#adding.delete(shortId);
    return this.#remove(shortId) || adding;
  }
  get size() {
    return this.#size + this.#adding.size;
  }
  clear() {
    this.#adding.clear();
    this.#present.fill(0);
    for (const a of this.lengths) a.fill(0);
    this.#size = 0;
  }
  *entries(): MapIterator<[number, number[]]> {
    yield* this.#adding;
    for (let shortId = 0; shortId < this.#present.length; shortId++) {
      if (this.#present[shortId] && !this.#adding.has(shortId)) yield [shortId, this.get(shortId)!];
    }
  }
  *keys(): MapIterator<number> {
    for (const [shortId] of this.entries()) yield shortId;
  }
  *values(): MapIterator<number[]> {
    for (const [, lengths] of this.entries()) yield lengths;
  }
  forEach(fn: (lengths: number[], shortId: number, map: Map<number, number[]>) => void) {
    for (const [shortId, lengths] of this.entries()) fn(lengths, shortId, this);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  get [Symbol.toStringTag]() {
    return 'Map';
  }
}
