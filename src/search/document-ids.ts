/**
 * MiniSearch's two maps of its documents' ids (`_documentIds`: short id → id, `_idToShortId`: id →
 * short id), standing in for its Maps: the first is an array by short id, the second a Map made
 * only when something looks an id up (a paper changed, a filter, a check at start). A start at
 * 100,000 papers filled both Maps, 200,000 entries, before the first search.
 */
export class DocumentIds implements Map<number, string> {
  #ids: (string | undefined)[] = [];
  #size = 0;

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
    if (this.#ids[shortId] === undefined) return false;
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
    for (const [shortId, id] of this.entries()) fn(id, shortId, this);
  }
  [Symbol.iterator](): MapIterator<[number, string]> {
    return this.entries();
  }
  get [Symbol.toStringTag]() {
    return 'Map';
  }
}

/**
 * id → short id, made from `DocumentIds` the first time it is read. MiniSearch sets both maps as it
 * adds a paper, this one first: until it is made, a set is left for the making to find.
 */
export class ShortIds implements Map<string, number> {
  #map: Map<string, number> | undefined;

  constructor(private readonly documents: DocumentIds) {}

  #made(): Map<string, number> {
    if (!this.#map) {
      this.#map = new Map();
      for (const [shortId, id] of this.documents) this.#map.set(id, shortId);
    }
    return this.#map;
  }

  get(id: string): number | undefined {
    return this.#made().get(id);
  }
  has(id: string): boolean {
    return this.#made().has(id);
  }
  set(id: string, shortId: number): this {
    this.#map?.set(id, shortId);
    return this;
  }
  delete(id: string): boolean {
    return this.#made().delete(id);
  }
  clear(): void {
    this.#map = new Map();
  }
  get size(): number {
    return this.#made().size;
  }
  entries(): MapIterator<[string, number]> {
    return this.#made().entries();
  }
  keys(): MapIterator<string> {
    return this.#made().keys();
  }
  values(): MapIterator<number> {
    return this.#made().values();
  }
  forEach(fn: (shortId: number, id: string, map: Map<string, number>) => void): void {
    this.#made().forEach((shortId, id) => fn(shortId, id, this));
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
  get [Symbol.toStringTag]() {
    return 'Map';
  }
}
