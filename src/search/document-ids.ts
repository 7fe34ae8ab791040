/**
 * MiniSearch's two maps of its documents' ids (`_documentIds`: short id → id, `_idToShortId`: id →
 * short id), standing in for its Maps: the first is an array by short id, the second a table made
 * only when something looks an id up (a paper changed, a filter, a check at start). A start at
 * 100,000 papers filled both Maps, 200,000 entries, before the first search.
 */
export class DocumentIds implements Map<number, string> {
  #ids: (string | undefined)[] = [];
  #size = 0;
  /** Told of an id about to be deleted (ShortIds, which compares ids read from here). */
  onDelete: ((id: string, shortId: number) => void) | undefined;

  get(shortId: number): string | undefined {
    return this.#ids[shortId];
  }
  has(shortId: number): boolean {
    return this.#ids[shortId] !== undefined;
  }
  set(shortId: number, id: string): this {
    if (this.#ids[shortId] === undefined) this.#size++;
    while (this.#ids.length < shortId) this.#ids.push(undefined); // no holes: the array stays packed
    this.#ids[shortId] = id;
    return this;
  }
  delete(shortId: number): boolean {
    const id = this.#ids[shortId];
    if (id === undefined) return false;
    this.onDelete?.(id, shortId);
    this.#ids[shortId] = undefined;
    this.#size--;
    return true;
  }
  clear(): void {
    this.#ids = [];
    this.#size = 0;
  }
  get size(): number {
    return this.#size;
  }
  *entries(): MapIterator<[number, string]> {
    for (let shortId = 0; shortId < this.#ids.length; shortId++) {
      const id = this.#ids[shortId];
      if (id !== undefined) yield [shortId, id];
    }
  }
  *keys(): MapIterator<number> {
    for (const [shortId] of this.entries()) yield shortId;
  }
  *values(): MapIterator<string> {
    for (const [, id] of this.entries()) yield id;
  }
  forEach(fn: (id: string, shortId: number, map: Map<number, string>) => void): void {
    const ids = this.#ids;
    for (let shortId = 0; shortId < ids.length; shortId++) if (ids[shortId] !== undefined) fn(ids[shortId]!, shortId, this);
  }
  [Symbol.iterator](): MapIterator<[number, string]> {
    return this.entries();
  }
  get [Symbol.toStringTag]() {
    return 'Map';
  }
}

/** Slots at least this many, and at most half full. */
const MIN_SLOTS = 1024;
const EMPTY = 0;
const GONE = -1;

/** FNV-1a of the id's UTF-16 units. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * id → short id, made from `DocumentIds` the first time it is read: a table of short ids by the
 * id's hash (open addressing), the id itself read from `DocumentIds` to compare. A Map of them
 * took 130 ms to make at 100,000 papers, in the index's thread, at the first paper of the first
 * import after each save (the index reopens from its snapshot then), and a search typed meanwhile
 * waited for it; the table takes a few, and a tenth of the memory. MiniSearch sets both maps as it
 * adds a paper, this one first: until the table is made, a set is left for the making to find.
 */
export class ShortIds implements Map<string, number> {
  /** By slot: short id + 1, EMPTY, or GONE (deleted: a probe goes on past it). */
  #slots: Int32Array | undefined;
  #size = 0;
  /** Slots not EMPTY. */
  #taken = 0;

  constructor(private readonly documents: DocumentIds) {
    // MiniSearch's `remove` deletes the short id first: the id is let go here while it can be compared.
    documents.onDelete = (id, shortId) => {
      const at = this.#find(id);
      if (at >= 0 && this.#slots![at] === shortId + 1) this.#forget(at);
    };
  }

  #made(): Int32Array {
    if (!this.#slots) {
      this.#slots = new Int32Array(this.#room(this.documents.size));
      this.documents.forEach((id, shortId) => this.#put(id, shortId));
    }
    return this.#slots;
  }

  #room(entries: number): number {
    let slots = MIN_SLOTS;
    while (slots < 2 * entries) slots *= 2;
    return slots;
  }

  /** The slot that holds `id`, or -1. */
  #find(id: string): number {
    const slots = this.#made();
    const mask = slots.length - 1;
    for (let at = hash(id) & mask; ; at = (at + 1) & mask) {
      const v = slots[at];
      if (v === EMPTY) return -1;
      if (v !== GONE && this.documents.get(v - 1) === id) return at;
    }
  }

  #put(id: string, shortId: number): void {
    let slots = this.#slots!;
    if (2 * (this.#taken + 1) > slots.length) {
      const old = slots;
      slots = this.#slots = new Int32Array(this.#room(2 * (this.#size + 1))); // room to grow: not again at the next few
      this.#size = this.#taken = 0;
      for (const v of old) if (v > 0) this.#put(this.documents.get(v - 1)!, v - 1);
    }
    const mask = slots.length - 1;
    let at = hash(id) & mask;
    while (slots[at] > 0) at = (at + 1) & mask; // a GONE slot is taken again
    if (slots[at] === EMPTY) this.#taken++;
    slots[at] = shortId + 1;
    this.#size++;
  }

  get(id: string): number | undefined {
    const at = this.#find(id);
    return at < 0 ? undefined : this.#slots![at] - 1;
  }
  has(id: string): boolean {
    return this.#find(id) >= 0;
  }
  set(id: string, shortId: number): this {
    if (!this.#slots) return this; // made from DocumentIds when first read
    const at = this.#find(id);
    if (at >= 0) this.#slots[at] = shortId + 1;
    else this.#put(id, shortId);
    return this;
  }
  delete(id: string): boolean {
    const at = this.#find(id);
    if (at < 0) return false;
    this.#forget(at);
    return true;
  }

  #forget(at: number): void {
    this.#slots![at] = GONE;
    this.#size--;
  }
  clear(): void {
    this.#slots = new Int32Array(MIN_SLOTS);
    this.#size = this.#taken = 0;
  }
  get size(): number {
    this.#made();
    return this.#size;
  }
  *entries(): MapIterator<[string, number]> {
    for (const v of this.#made()) if (v > 0) yield [this.documents.get(v - 1)!, v - 1];
  }
  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }
  *values(): MapIterator<number> {
    for (const [, shortId] of this.entries()) yield shortId;
  }
  forEach(fn: (shortId: number, id: string, map: Map<string, number>) => void): void {
    for (const [id, shortId] of this.entries()) fn(shortId, id, this);
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
  get [Symbol.toStringTag]() {
    return 'Map';
  }
}
