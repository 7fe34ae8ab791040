import type { Options } from 'minisearch';
import { IndexWriter, type PostingsWriter } from './index-format';
import { MAX_POOL, PostingsPool } from './postings-pool';
import type { SearchDoc } from './search-types';
import { grown } from './grown';

/** Papers whose postings size the pool for the rest of a build. */
const SAMPLE_PAPERS = 1000;
/** How many tokens the hot Map holds. */
const HOT_TOKENS = 4096;

/**
 * The string copied out of the text it was cut from, to be kept. V8 keeps a piece of 13 characters
 * or more of a longer string as a slice of it, and a slice keeps the whole text alive: tokens and
 * terms kept as keys so kept the abstract of every paper that coins a long word (a method's name),
 * for the whole build. At 1,000,000 papers the build's heap was 751 MB; 400 once copied.
 */
const own = (piece: string) => (piece.length < 13 ? piece : (' ' + piece).slice(1));

/**
 * A first build of the index (no index saved, or one set aside): papers tokenized exactly as
 * MiniSearch's `add` does, their postings counted into typed arrays (postings-pool.ts) and written
 * straight into a snapshot, which PaperIndex.restore then opens. MiniSearch's `add` looks every
 * word up in its term tree and counts it in a Map per word and field: at 100,000 papers a build
 * took 50 s and over a gigabyte. Here each distinct token is looked up once per occurrence in one
 * Map, which also remembers the term it makes and the last field it was counted in.
 *
 * A test holds an index built so to MiniSearch's own: the same scores for the same searches.
 */
export class BulkBuild {
  readonly #fields: string[];
  readonly #tokenize: NonNullable<Options<SearchDoc>['tokenize']>;
  readonly #processTerm: NonNullable<Options<SearchDoc>['processTerm']>;
  readonly #ids: string[] = [];
  readonly #shortIds = new Map<string, number>();
  /** By field, then short id: the field's length in distinct tokens plus one; 0 where the paper lacks it. */
  readonly #lengths: number[][];
  /** By field, as MiniSearch averages them (a running mean over every paper added before). */
  readonly #averages: number[];
  /** Each token seen, by its number: the term it makes (-1: none, -2: several), and where it was last counted. */
  readonly #tokens = new Map<string, number>();
  /**
   * The first tokens met again, looked up first: a small Map stays in the processor's cache where
   * one of every token does not, and a few thousand words ("the", "model", "we") make most of a
   * text. Adding 100,000 papers took 5.0-7.0 s with it against 6.4-8.9 s without.
   */
  readonly #hot = new Map<string, number>();
  #tokenTerm = new Int32Array(1024);
  #tokenSeen = new Int32Array(1024);
  readonly #terms = new Map<string, number>();
  readonly #termNames: string[] = [];
  /** Postings by term and field (list number term × fields + field). */
  readonly #postings = new PostingsPool();

  /** `expected`: how many papers are coming, if known; the pool of postings is then sized once (see `add`). */
  constructor(
    options: Options<SearchDoc>,
    readonly expected = 0,
  ) {
    this.#fields = options.fields;
    this.#tokenize = options.tokenize!;
    this.#processTerm = options.processTerm!;
    this.#lengths = this.#fields.map(() => []);
    this.#averages = this.#fields.map(() => 0);
  }

  get size(): number {
    return this.#ids.length;
  }

  has(id: string): boolean {
    return this.#shortIds.has(id);
  }

  add(doc: SearchDoc): void {
    const shortId = this.#ids.length;
    // Sized once from the first papers, for all that are coming: doubling it as it filled copied
    // hundreds of megabytes at 100,000 papers (0.7-0.8 s of a 10 s build). Room not written to is
    // never touched, so it costs no memory.
    if (shortId === SAMPLE_PAPERS && this.expected > shortId)
      this.#postings.reserve(Math.min(MAX_POOL, Math.ceil((this.#postings.used / shortId) * this.expected * 1.25)));
    this.#ids.push(doc.id);
    this.#shortIds.set(doc.id, shortId);
    const fields = this.#fields.length;
    for (let fieldId = 0; fieldId < fields; fieldId++) {
      const field = this.#fields[fieldId];
      const value = (doc as unknown as Record<string, unknown>)[field];
      if (value == null) {
        this.#lengths[fieldId][shortId] = 0;
        continue;
      }
      const here = shortId * fields + fieldId + 1;
      let distinct = 0;
      for (const token of this.#tokenize(String(value), field)) {
        const t = this.#token(token, field);
        if (this.#tokenSeen[t] !== here) {
          this.#tokenSeen[t] = here;
          distinct++;
        }
        const term = this.#tokenTerm[t];
        if (term >= 0) this.#postings.count(term * fields + fieldId, shortId);
        else if (term === -2)
          for (const name of this.#processTerm(token, field) as string[]) this.#postings.count(this.#term(name) * fields + fieldId, shortId);
      }
      // MiniSearch's field length: the distinct tokens, before they are made terms.
      this.#lengths[fieldId][shortId] = distinct + 1;
      this.#averages[fieldId] = (this.#averages[fieldId] * shortId + distinct) / (shortId + 1);
    }
  }

  /** The token's number, and the term it makes, the first time it is seen. */
  #token(token: string, field: string): number {
    let t = this.#hot.get(token);
    if (t !== undefined) return t;
    t = this.#tokens.get(token);
    if (t !== undefined) {
      if (this.#hot.size < HOT_TOKENS) this.#hot.set(own(token), t);
      return t;
    }
    t = this.#tokens.size;
    this.#tokens.set(own(token), t);
    if (t >= this.#tokenTerm.length) {
      this.#tokenTerm = grown(this.#tokenTerm, t * 2);
      this.#tokenSeen = grown(this.#tokenSeen, t * 2);
    }
    const processed = this.#processTerm(token, field);
    this.#tokenTerm[t] = Array.isArray(processed) ? -2 : processed ? this.#term(processed) : -1;
    return t;
  }

  #term(name: string): number {
    let term = this.#terms.get(name);
    if (term === undefined) {
      const kept = own(name);
      term = this.#termNames.push(kept) - 1;
      this.#terms.set(kept, term);
    }
    return term;
  }

  /**
   * The index built so far, as a snapshot with `header`: counted first, then written into a
   * buffer of its length (snapshot.ts, SnapshotSizer).
   */
  snapshot(header: unknown): Buffer {
    const names = this.#sortedNames();
    // Eight bytes more: a varint asks for room for the longest, whatever it writes.
    const size = this.#write(names, header, { sizing: true }).length + 8;
    return this.#write(names, header, { size }).finish();
  }

  /** Writes the snapshot into the file `fd` as it is made (see SnapshotFile); its length. */
  writeSnapshot(header: unknown, fd: number): number {
    // Every term has postings: it is made when first counted.
    return this.#write(this.#sortedNames(), header, { fd, terms: this.#termNames.length }).end();
  }

  /**
   * In sorted order, as every snapshot is written: the index opened from it keeps its terms in a
   * sorted array (term-table.ts), and the words a prefix begins lie together in the snapshot.
   */
  #sortedNames(): string[] {
    return [...this.#termNames].sort();
  }

  #write(names: string[], header: unknown, how: ConstructorParameters<typeof IndexWriter>[4]): IndexWriter {
    const w = new IndexWriter(header, this.#averages, this.#ids.length, this.#ids.length, how);
    const fields = this.#fields.length;
    this.#ids.forEach((id, shortId) =>
      w.paper(shortId, id, (f) => {
        const n = this.#lengths[f][shortId];
        return n === 0 ? undefined : n - 1;
      }),
    );
    for (const name of names) {
      const term = this.#terms.get(name)!;
      const byField: [number, PostingsWriter][] = [];
      for (let f = 0; f < fields; f++) {
        const list = term * fields + f;
        if (this.#postings.has(list)) byField.push([f, (block) => this.#postings.write(list, block)]);
      }
      w.term(name, byField);
    }
    return w;
  }
}
