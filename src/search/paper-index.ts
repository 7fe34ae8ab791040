import MiniSearch, { type Options } from 'minisearch';
import type { PlannedTerm } from './query-plan';
import { eachPosting, PackedTerm } from './packed-postings';
import { SnapshotReader } from './snapshot';
import { IndexWriter, liveTerms, restoreTerms, writePostings } from './index-format';
import { FieldLengths } from './field-lengths';
import { addShares } from './bm25';
import { expand, type Expansion } from './expand';
import { hitsWithTerms } from './hit-terms';
import { WordCache } from './word-cache';
import { addWord, best, type Best, Scratch } from './word-scores';
import { grown } from './grown';
import { TermTable } from './term-table';
import { DocumentIds, ShortIds } from './document-ids';
import { TopHits, type Found, type Hit, type Scoring, type SearchDoc } from './search-types';

interface Weights {
  weights: { fuzzy: number; prefix: number };
  bm25: { k: number; b: number; d: number };
  maxFuzzy: number;
}

/** Indexes made or opened so far in this thread, to number each. */
let numberings = 0;

/**
 * MiniSearch, extended through the state it leaves to subclasses, for a library of 100,000
 * papers searched at every key:
 *
 * - `rank` scores like MiniSearch's `search` (the same BM25, weights and word-count factor, read
 *   from the same options) but adds into typed arrays indexed by MiniSearch's own document
 *   numbers, where `search` allocates a result object per matching paper and sorts them all:
 *   50–500 ms for a common word at 100,000 papers, against a few here (a test holds the scores).
 * - `snapshot`/`restore` write and read the index as varints; `toJSON`/`loadJS` take seconds and
 *   hundreds of megabytes at that size.
 *
 * Only `add`, `discard` and `replace` change the index (they keep `#live` and `#lengths`).
 */
export class PaperIndex extends MiniSearch<SearchDoc> {
  /** 1 for a short id whose document is in the index; discarded ones linger in postings. */
  #live = new Uint8Array(0);
  /** Whether papers were discarded since the index was made or opened: their postings linger. */
  #discarded = false;
  /** MiniSearch's field lengths, in typed arrays (also `_fieldLength`). */
  readonly #lengths: FieldLengths;
  /** MiniSearch's terms (also `_index`): a snapshot's in a sorted array, those added since in a tree. */
  #terms = new TermTable();
  readonly #scratch = new Scratch();
  readonly #cache = new WordCache();
  #slots = new Int32Array(0);
  /** Short ids are this index's own: MiniSearch never gives one to another paper. */
  readonly numbering = ++numberings;
  /** Counts changes, so cached filters know when short ids moved. */
  #version = 0;
  /**
   * Counts the changes that empty the cache of words' scores: every change but papers added in the
   * background (a large import), whose searches keep the words they scored until it ends.
   */
  #wordsVersion = 0;
  /** While true, changes keep the words' scores (see `#wordsVersion`). */
  inBackground = false;
  #within: { ids: ReadonlySet<string>; version: number; mask: Uint8Array } | undefined;

  constructor(options: Options<SearchDoc>) {
    super(options);
    this._fieldLength = this.#lengths = new FieldLengths(Object.keys(this._fieldIds).length);
    this.#useTerms(this.#terms);
    this._documentIds = new DocumentIds();
    this._idToShortId = new ShortIds(this._documentIds as DocumentIds);
  }

  override add(doc: SearchDoc): void {
    try {
      super.add(doc);
    } catch (error) {
      this.#discarded = true; // its short id, never live, may be in some words' postings
      throw error;
    }
    this.#track(this._nextId - 1);
    this.#changed();
  }

  override discard(id: string): void {
    const shortId = this._idToShortId.get(id);
    super.discard(id);
    if (shortId !== undefined) this.#live[shortId] = 0;
    this.#discarded = true;
    this.#changed();
  }

  #changed() {
    this.#version++;
    if (!this.inBackground) this.#wordsVersion++;
  }

  /** A background change ended: the words' scores are scored afresh. */
  settled(): void {
    this.#wordsVersion++;
  }

  #track(shortId: number) {
    if (shortId >= this.#live.length) this.#live = grown(this.#live, Math.max(1024, this.#live.length * 2, shortId + 1));
    this.#live[shortId] = 1;
    this.#lengths.settle(shortId);
  }

  /** For each of `terms` (processed), how many papers in the index hold it in any of `fields`. */
  documentFrequencies(terms: string[], fields: string[]): number[] {
    const ids = fields.map((name) => this._fieldIds[name]);
    const seen = new Uint32Array(this.#live.length); // the term's number, once a paper is counted for it
    return terms.map((term, i) => {
      const data = this.#terms.get(term);
      let df = 0;
      for (const id of ids) {
        const postings = data?.get(id);
        if (postings)
          eachPosting(postings, (shortId) => {
            if (this.#live[shortId] && seen[shortId] !== i + 1) {
              seen[shortId] = i + 1;
              df++;
            }
          });
      }
      return df;
    });
  }

  /**
   * The papers matching any of `terms` in `scoring.fields` (and in `within`, if given): how many,
   * and the `limit` best. A search marks the words it found on the page itself (marks.ts).
   */
  rank(terms: PlannedTerm[], scoring: Scoring, limit: number, within?: ReadonlySet<string>): Found {
    const { matched, ids, scores } = this.#top(terms, scoring, limit, within ? this.#mask(within) : this.#live);
    return new TopHits(matched, ids, scores, this.numbering, (shortId) => this._documentIds.get(shortId)!);
  }

  /** The `limit` best, each with the indexed terms it matched: why papers are alike ("more like this"). */
  rankWithTerms(terms: PlannedTerm[], scoring: Scoring, limit: number): Hit[] {
    // A one-off query of a paper's distinctive words: nothing to keep for the next key.
    const top = this.#top(terms, scoring, limit, this.#live, false);
    const fields = scoring.fields.map((name) => ({ id: this._fieldIds[name] }));
    if (this.#slots.length < this._nextId) this.#slots = new Int32Array(this.#live.length);
    const expansions = terms.flatMap((t) => [...this.#expand(t)]);
    return hitsWithTerms(top, (shortId) => this._documentIds.get(shortId)!, expansions, fields, this.#slots);
  }

  /**
   * The words already typed are scored once each and kept (word-cache.ts), then added in; the
   * word being typed changes at every key, so it is scored straight into the sum.
   */
  #top(terms: PlannedTerm[], scoring: Scoring, limit: number, live: Uint8Array, keep = true): Best {
    this.#scratch.fit(this._nextId);
    const fields = scoring.fields.map((name) => ({ id: this._fieldIds[name], boost: scoring.boost[name] ?? 1 }));
    const scoringKey = JSON.stringify(fields);
    this.#cache.begin();
    const kept = terms.map((t) =>
      t.prefix || !keep
        ? undefined
        : this.#cache.get(`${t.term}\u0000${t.fuzzy}\u0000${scoringKey}`, this.#wordsVersion, (into) => {
            this.#scratch.begin();
            this.#addWord(t, fields, this.#live, 0);
            return this.#scratch.collect(into);
          }),
    );
    // A bit per word in the scratch's `words` (16 bits): plans have at most MAX_TERMS (12).
    this.#scratch.begin();
    terms.slice(0, 16).forEach((t, w) => {
      const word = kept[w];
      if (word) addWord(word, live, this.#scratch, 1 << w);
      else this.#addWord(t, fields, live, 1 << w);
    });
    return best(this.#scratch, limit);
  }

  /** Adds one query word's BM25 share, in `fields`, to every paper `live` admits that has it. */
  #addWord(t: PlannedTerm, fields: { id: number; boost: number }[], live: Uint8Array, bit: number): void {
    const { bm25 } = this._options.searchOptions as Weights;
    for (const e of this.#expand(t)) {
      for (const field of fields) {
        const slice = e.data instanceof PackedTerm ? e.data.slice(field.id) : undefined;
        const postings = slice === undefined ? e.data.get(field.id) : slice;
        if (!postings) continue;
        const df = postings instanceof Map ? postings.size : postings.count;
        const idf = Math.log(1 + (this._documentCount - df + 0.5) / (df + 0.5));
        const share = { factor: e.weight * field.boost * idf, lengths: this.#lengths.lengths[field.id], average: this._avgFieldLength[field.id], ...bm25 };
        addShares(postings, share, live, this.#scratch, bit);
      }
    }
  }

  /** The word itself, the words it begins, the words near it (expand.ts). */
  #expand(t: PlannedTerm): Generator<Expansion> {
    const { weights, maxFuzzy } = this._options.searchOptions as Weights;
    return expand(this.#terms, t, weights, maxFuzzy);
  }

  /** `#live` restricted to `ids`, kept while the filter and the index stay the same. */
  #mask(ids: ReadonlySet<string>): Uint8Array {
    if (this.#within?.ids !== ids || this.#within.version !== this.#version) {
      const mask = new Uint8Array(this.#live.length);
      for (const id of ids) {
        const shortId = this._idToShortId.get(id);
        if (shortId !== undefined) mask[shortId] = 1;
      }
      this.#within = { ids, version: this.#version, mask };
    }
    return this.#within.mask;
  }

  /** Whether no paper was ever added (short ids start at 0). */
  get isEmpty(): boolean {
    return this._nextId === 0;
  }

  /** Every paper id in the index. */
  ids(): string[] {
    return [...this._documentIds.values()];
  }

  /** The index as bytes, with `header` for whoever reads it back. Discarded papers are left out. */
  snapshot(header: unknown): Buffer {
    return this.#write(header, {}).finish();
  }

  /** Writes the snapshot into the file `fd` as it is made (see SnapshotFile); its length. */
  writeSnapshot(header: unknown, fd: number): number {
    // Every term has a paper in the index, unless papers were discarded since it was made or opened.
    const terms = this.#discarded ? liveTerms(this.#terms, this.#live) : this.#terms.size;
    return this.#write(header, { fd, terms }).end();
  }

  #write(header: unknown, how: { fd?: number; terms?: number }): IndexWriter {
    const fields = Object.keys(this._fieldIds).length;
    const averages = Array.from({ length: fields }, (_, f) => this._avgFieldLength[f] ?? 0);
    const w = new IndexWriter(header, averages, this._nextId, this._documentIds.size, how);
    for (const [shortId, id] of this._documentIds) {
      const lengths = this._fieldLength.get(shortId) ?? [];
      w.paper(shortId, id, (f) => lengths[f]);
    }
    for (const [term, data] of this.#terms) {
      // A term not read since the start is read for saving without being kept open.
      const fieldsData = data instanceof PackedTerm ? data.read() : [...data];
      w.term(
        term,
        fieldsData.map(([fieldId, postings]) => [fieldId, (block) => writePostings(block, postings, this.#live)]),
      );
    }
    return w;
  }

  /** The index a snapshot holds; throws on a damaged one. `options` must be those it was made with. */
  static restore(snapshot: Buffer, options: Options<SearchDoc>): PaperIndex {
    const r = SnapshotReader.open(snapshot);
    const index = new PaperIndex(options);
    const fields = r.uint();
    if (fields !== Object.keys(index._fieldIds).length) throw new Error('snapshot has other fields');
    index._avgFieldLength = Array.from({ length: fields }, () => r.float());
    index._nextId = r.uint();
    const documents = r.uint();
    for (let d = 0; d < documents; d++) {
      const shortId = r.uint();
      const id = r.string();
      index._documentIds.set(shortId, id); // and so in `_idToShortId` (ShortIds)
      for (let f = 0; f < fields; f++) {
        const length = r.uint();
        if (length > 0) index.#lengths.setField(shortId, f, length - 1);
      }
      index.#track(shortId);
    }
    index._documentCount = documents;
    index.#useTerms(restoreTerms(r, snapshot));
    return index;
  }

  #useTerms(terms: TermTable): void {
    this.#terms = terms;
    this._index = terms as unknown as MiniSearch['_index'];
  }
}
