import SearchableMap from 'minisearch/SearchableMap';
import type { TermData } from './expand';

/** A term of the sorted part that was deleted (MiniSearch's vacuum drops terms left empty). */
const GONE = null;

/** Fuzzy matches, as MiniSearch's `fuzzyGet` returns them: term → [data, edit distance]. */
export type FuzzyResults = Map<string, [TermData, number]>;

/**
 * The index's terms, standing in for MiniSearch's term tree (`_index`, a radix tree of Maps):
 * the terms of a snapshot in a sorted array, each opened only when read (`open`), and the terms
 * added since in a SearchableMap of their own (`#added`).
 *
 * Restoring 170,000 terms into the radix tree was a third of a start at 100,000 papers (a path of
 * Maps per term, made and then collected); a sorted array is the same tree, implicit: the words a
 * prefix begins lie together, and a fuzzy search walks it as MiniSearch walks its tree, row by
 * row of the same edit-distance matrix, so it finds the same words at the same distances (a test
 * holds the two alike).
 */
export class TermTable {
  /** The snapshot's terms, sorted (UTF-16 code units, as `<` compares). */
  readonly #sorted: string[];
  /** Each sorted term's data, opened on first read; GONE once deleted. */
  readonly #data: (TermData | typeof GONE | undefined)[];
  readonly #open: (i: number) => TermData;
  #gone = 0;
  /** The children of the sorted part's largest trie nodes, as fuzzy searches find them (see Runs). */
  readonly #runs = new Runs();
  readonly #added = new SearchableMap<TermData>();

  /** `sorted` must be sorted; `open(i)` makes the data of `sorted[i]`. */
  constructor(sorted: string[] = [], open: (i: number) => TermData = () => new Map()) {
    this.#sorted = sorted;
    this.#data = new Array<TermData | undefined>(sorted.length);
    this.#open = open;
  }

  /** Where `term` is in the sorted part, or -1. */
  #find(term: string): number {
    const i = lowerBound(this.#sorted, term, 0, this.#sorted.length);
    return this.#sorted[i] === term ? i : -1;
  }

  #at(i: number): TermData | undefined {
    const data = this.#data[i];
    if (data === GONE) return undefined;
    return data ?? (this.#data[i] = this.#open(i));
  }

  get(term: string): TermData | undefined {
    const i = this.#find(term);
    return i >= 0 ? this.#at(i) : this.#added.get(term);
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  set(term: string, data: TermData): this {
    const i = this.#find(term);
    if (i < 0) this.#added.set(term, data);
    else {
      if (this.#data[i] === GONE) this.#gone--;
      this.#data[i] = data;
    }
    return this;
  }

  fetch(term: string, initial: () => TermData): TermData {
    const data = this.get(term);
    if (data !== undefined) return data;
    const made = initial();
    this.set(term, made);
    return made;
  }

  delete(term: string): void {
    const i = this.#find(term);
    if (i < 0) this.#added.delete(term);
    else if (this.#data[i] !== GONE) {
      this.#data[i] = GONE;
      this.#gone++;
    }
  }

  get size(): number {
    return this.#sorted.length - this.#gone + this.#added.size;
  }

  /** Every term `prefix` begins (itself included), with its data: the sorted part in order, then those added. */
  eachBegun(prefix: string, visit: (term: string, data: TermData) => void): void {
    const sorted = this.#sorted;
    for (let i = lowerBound(sorted, prefix, 0, sorted.length); i < sorted.length && sorted[i].startsWith(prefix); i++) {
      const data = this.#at(i);
      if (data) visit(sorted[i], data);
    }
    for (const [term, data] of this.#added.atPrefix(prefix)) visit(term, data);
  }

  /** MiniSearch's own prefix view (its `search`, which tests compare against). */
  atPrefix(prefix: string): SearchableMap<TermData> {
    const view = new SearchableMap<TermData>();
    this.eachBegun(prefix, (term, data) => view.set(term, data));
    return view;
  }

  /** The terms within `maxDistance` edits of `query`, as MiniSearch's `fuzzyGet` finds them. */
  fuzzyGet(query: string, maxDistance: number): FuzzyResults {
    const results: FuzzyResults = this.#added.fuzzyGet(query, maxDistance);
    new FuzzyWalk(this.#sorted, this.#runs, query, maxDistance, (i, distance) => {
      const data = this.#at(i);
      if (data) results.set(this.#sorted[i], [data, distance]);
    }).run();
    return results;
  }

  /** Every term with its data, in sorted order (a snapshot is written so, and read back without sorting). */
  *entries(): Generator<[string, TermData]> {
    const added = [...this.#added].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sorted = this.#sorted;
    let j = 0;
    for (let i = 0; i < sorted.length; i++) {
      while (j < added.length && added[j][0] < sorted[i]) yield added[j++];
      const data = this.#at(i);
      if (data) yield [sorted[i], data];
    }
    while (j < added.length) yield added[j++];
  }

  [Symbol.iterator](): Generator<[string, TermData]> {
    return this.entries();
  }
}

/** The first index in [lo, hi) whose term is not below `term`. */
function lowerBound(sorted: string[], term: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A range this small is scanned for its runs; a larger one's are found by galloping, and kept. */
const SMALL = 32;

/**
 * The children of a node of the sorted array read as a trie (the terms in [lo, hi) that share
 * `depth` characters): the runs of the same character at `depth`, as [code, end] pairs. Those of
 * large nodes are kept: every fuzzy search walks the same top of the trie, and finding the runs
 * of the root's 170,000 terms at every key made a fuzzy search slower than in the radix tree.
 */
class Runs {
  readonly #kept = new Map<number, Int32Array>();

  of(sorted: string[], lo: number, hi: number, depth: number): Int32Array {
    const large = depth < 64;
    const key = lo * 64 + depth;
    const kept = large ? this.#kept.get(key) : undefined;
    if (kept) return kept;
    const runs: number[] = [];
    while (lo < hi) {
      const code = sorted[lo].charCodeAt(depth);
      lo = runEnd(sorted, code, depth, lo + 1, hi);
      runs.push(code, lo);
    }
    const made = Int32Array.from(runs);
    if (large && this.#kept.size < 100_000) this.#kept.set(key, made);
    return made;
  }
}

/**
 * MiniSearch's fuzzy search (its `fuzzySearch` and `recurse`: the Levenshtein matrix kept across
 * a walk down the tree, a row per character) over a sorted array read as a trie: the terms that
 * share a prefix of `depth` characters are a range, and its children the runs of the same
 * character at `depth`.
 */
class FuzzyWalk {
  readonly #n: number;
  readonly #m: number;
  readonly #matrix: Uint8Array;
  readonly #query: Uint16Array;

  constructor(
    readonly sorted: string[],
    readonly runs: Runs,
    query: string,
    readonly maxDistance: number,
    readonly found: (i: number, distance: number) => void,
  ) {
    this.#query = Uint16Array.from(query, (_, j) => query.charCodeAt(j));
    this.#n = query.length + 1;
    // No term longer than the query and maxDistance matches: no row beyond.
    this.#m = this.#n + maxDistance;
    this.#matrix = new Uint8Array(this.#m * this.#n).fill(maxDistance + 1);
    for (let j = 0; j < this.#n; ++j) this.#matrix[j] = j;
    for (let i = 1; i < this.#m; ++i) this.#matrix[i * this.#n] = i;
  }

  run(): void {
    this.#walk(0, this.sorted.length, 0);
  }

  /** The terms in [lo, hi), which share their first `depth` characters; rows up to `depth` are filled. */
  #walk(lo: number, hi: number, depth: number): void {
    const { sorted, maxDistance } = this;
    if (hi - lo <= 1) return lo < hi ? this.#single(lo, depth) : undefined;
    if (sorted[lo].length === depth) {
      // The prefix itself is a term (it sorts first): the last column of its row is its distance.
      const distance = this.#matrix[depth * this.#n + this.#n - 1];
      if (distance <= maxDistance) this.found(lo, distance);
      lo++;
    }
    if (depth + 1 >= this.#m) return;
    if (hi - lo > SMALL) {
      const runs = this.runs.of(sorted, lo, hi, depth);
      for (let r = 0; r < runs.length; r += 2) {
        const end = runs[r + 1];
        if (this.#row(depth + 1, runs[r]) <= maxDistance) this.#walk(lo, end, depth + 1);
        lo = end;
      }
      return;
    }
    while (lo < hi) {
      const code = sorted[lo].charCodeAt(depth);
      let end = lo + 1;
      while (end < hi && sorted[end].charCodeAt(depth) === code) end++;
      if (this.#row(depth + 1, code) <= maxDistance) this.#walk(lo, end, depth + 1);
      lo = end;
    }
  }

  /** One term left in the range: the rest of it, a row per character, as along an edge of the tree. */
  #single(i: number, depth: number): void {
    const term = this.sorted[i];
    for (let d = depth; d < term.length; d++) {
      if (d + 1 >= this.#m || this.#row(d + 1, term.charCodeAt(d)) > this.maxDistance) return;
    }
    const distance = this.#matrix[term.length * this.#n + this.#n - 1];
    if (distance <= this.maxDistance) this.found(i, distance);
  }

  /** Fills row `i` for the character `code`; returns the row's smallest distance. */
  #row(i: number, code: number): number {
    const { maxDistance } = this;
    const query = this.#query;
    const n = this.#n;
    const matrix = this.#matrix;
    const thisRow = n * i;
    const prevRow = thisRow - n;
    let minDistance = matrix[thisRow];
    const jmin = Math.max(0, i - maxDistance - 1);
    const jmax = Math.min(n - 1, i + maxDistance);
    for (let j = jmin; j < jmax; ++j) {
      const rpl = matrix[prevRow + j] + (code === query[j] ? 0 : 1);
      const del = matrix[prevRow + j + 1] + 1;
      const ins = matrix[thisRow + j] + 1;
      const dist = (matrix[thisRow + j + 1] = Math.min(rpl, del, ins));
      if (dist < minDistance) minDistance = dist;
    }
    return minDistance;
  }
}

/** The end of the run in [lo, hi) whose character at `depth` is `code` (the run starts before `lo`). */
function runEnd(sorted: string[], code: number, depth: number, lo: number, hi: number): number {
  // Galloping first: most runs are short, and a binary search over the whole range reads far.
  let step = 1;
  while (lo + step < hi && sorted[lo + step - 1].charCodeAt(depth) <= code) {
    lo += step;
    step *= 2;
  }
  hi = Math.min(hi, lo + step);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].charCodeAt(depth) <= code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
