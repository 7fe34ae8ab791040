import type { Options } from 'minisearch';
import { createHash } from 'node:crypto';
import { collectGarbage } from '../shared/collect-garbage';
import { BulkBuild } from './bulk-build';
import { PaperIndex } from './paper-index';
import type { Found, Hit, Scoring, SearchDoc } from './search-types';
import { planQuery, MAX_TERMS } from './query-plan';
import { SnapshotReader } from './snapshot';
import { STOP_WORDS } from './stop-words';
import { indexTerm, processTerm, tokenize } from './text';

export type { Found, Hit, Ranked, SearchDoc } from './search-types';

/** Bump when the document shape, the tokenizer or the scoring change: older snapshots are rebuilt. */
export const INDEX_VERSION = 6; // 5: Chinese and Japanese runs cut into words; 6: LaTeX titles also by the words they spell (S4C)

/** A first build of this many papers is collected before its index opens (see dropBuild). */
const COLLECT_AFTER_BUILD = 10_000;

/** How many ranked papers a search returns; `matched` counts them all. */
export const RANKED = 500;

const FIELDS = ['title', 'authors', 'abstract', 'tags', 'notes'];
/** Title over the reader's own words over the abstract. */
const SEARCH: Scoring = { fields: FIELDS, boost: { title: 3, authors: 2.5, tags: 2.2, notes: 1.5 } };
/** Papers are alike by what they are about: their own text, the title a little more. */
const SIMILAR: Scoring = { fields: ['title', 'abstract'], boost: { title: 2 } };

export const OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: FIELDS,
  storeFields: [],
  tokenize,
  processTerm: indexTerm,
  searchOptions: {
    // Queries arrive planned: an unfinished stop word ("of", maybe "offline") must reach the index.
    processTerm,
    maxFuzzy: 2,
    // MiniSearch's defaults, stated because PaperIndex.rank reads them too.
    weights: { fuzzy: 0.45, prefix: 0.375 },
    bm25: { k: 1.2, b: 0.7, d: 0.5 },
  },
};

/** What a snapshot must have been built with; any difference means a rebuild. */
const BUILT_WITH = JSON.stringify({ version: INDEX_VERSION, fields: FIELDS, stopWords: [...STOP_WORDS].sort() });

/**
 * A short fingerprint of what may change in a paper's document ('' for none): the reader's tags and
 * notes, and the paper's text revision (its first text is in what the corpus gives at first sight).
 */
export function signature(doc: SearchDoc): string {
  const rev = doc.rev ? `@${doc.rev}` : '';
  if (!doc.tags && !doc.notes) return rev;
  return (
    createHash('sha1')
      .update(`${doc.tags ?? ''}\u0000${doc.notes ?? ''}`)
      .digest('base64url')
      .slice(0, 16) + rev
  );
}

/** Whether a signature covers tags or notes (not only a text revision, "@3"). */
const hasReaderFields = (sig: string) => sig !== '' && !sig.startsWith('@');

interface Header {
  builtWith: string;
  /** The library's papers the index holds, all of them, as the library stamps them (see `corpus`). */
  corpus?: string;
  /** paper id → signature, for papers with tags or notes. */
  signatures: Record<string, string>;
}

/**
 * The search index as the library uses it: papers in and out, searches, snapshots. It also
 * remembers the signature of what it indexed of each paper, so that a snapshot can be brought
 * up to date instead of rebuilt. Synchronous; it runs in the index worker (index-worker.ts),
 * and in tests directly.
 */
export class SearchEngine {
  #index: PaperIndex;
  /** A first build under way (bulk-build.ts): papers go there until something reads the index. */
  #build: BulkBuild | undefined;
  /** How many papers a first build is about to take (what `reconcile` found the index lacks). */
  #expected = 0;
  /** Signatures of the papers with tags or notes, as indexed. */
  readonly #signatures: Map<string, string>;
  readonly #ranked: number;
  /** Papers added or changed since the last snapshot. */
  unsaved = 0;
  /**
   * The library's stamp of its papers (which digests it holds), once the library says the index
   * holds every one of those papers: a start that finds the same stamp checks only the papers
   * with the reader's tags or notes, not all of them (SearchIndex.open).
   */
  #corpus: string | undefined;

  private constructor(index: PaperIndex, signatures: Map<string, string>, ranked: number, corpus?: string) {
    this.#index = index;
    this.#signatures = signatures;
    this.#ranked = ranked;
    this.#corpus = corpus;
  }

  get corpus(): string | undefined {
    return this.#corpus;
  }

  /** Records that the index now holds the library's papers as of `stamp` (null: no longer known). */
  markCorpus(stamp: string | null): void {
    if ((stamp ?? undefined) === this.#corpus) return;
    this.#corpus = stamp ?? undefined;
    this.unsaved++;
  }

  /** An empty index; `ranked` is how many hits a search returns. */
  static create(ranked = RANKED): SearchEngine {
    return new SearchEngine(new PaperIndex(OPTIONS), new Map(), ranked);
  }

  /** The engine a snapshot holds, or undefined when it was built otherwise or is damaged. */
  static restore(snapshot: Buffer): SearchEngine | undefined {
    try {
      const header = SnapshotReader.header(snapshot) as Header;
      if (header.builtWith !== BUILT_WITH) return undefined;
      return new SearchEngine(PaperIndex.restore(snapshot, OPTIONS), new Map(Object.entries(header.signatures)), RANKED, header.corpus);
    } catch {
      return undefined;
    }
  }

  /** Whether a snapshot that `restore` refused was only made by another version (a rebuild, nothing to report). */
  static builtOtherwise(snapshot: Buffer): boolean {
    try {
      return (SnapshotReader.header(snapshot) as Header).builtWith !== BUILT_WITH;
    } catch {
      return false;
    }
  }

  snapshot(): Buffer {
    const data = (this.#build ?? this.#index).snapshot(this.#header());
    this.unsaved = 0;
    return data;
  }

  /** The snapshot, written into the file `fd` as it is made (never whole in memory). */
  write(fd: number): void {
    (this.#build ?? this.#index).writeSnapshot(this.#header(), fd);
    this.unsaved = 0;
  }

  #header(): Header {
    return { builtWith: BUILT_WITH, corpus: this.#corpus, signatures: Object.fromEntries(this.#signatures) };
  }

  get size(): number {
    return this.#build?.size ?? this.#index.documentCount;
  }

  /** Whether a first build is under way (its papers are not in MiniSearch's maps: nothing to pack). */
  get building(): boolean {
    return this.#build !== undefined;
  }

  /**
   * Ends a first build in memory: the index opens from the snapshot the build makes, which is
   * returned. (The worker ends one it can save by writing it into the file: see `write`.)
   */
  finishBuild(): Buffer | undefined {
    if (!this.#build) return undefined;
    const snapshot = this.snapshot();
    this.dropBuild();
    this.#index = PaperIndex.restore(snapshot, OPTIONS);
    return snapshot;
  }

  /**
   * Lets a first build go, its snapshot made (the index then opens from it). A large one is
   * collected at once: at 1,000,000 papers its maps and pools held a gigabyte, which V8 would
   * collect only once the index's own tables had grown the heap again.
   */
  dropBuild(): void {
    const size = this.#build?.size ?? 0;
    this.#build = undefined;
    if (size >= COLLECT_AFTER_BUILD) collectGarbage();
  }

  /** Ends a first build, for whatever reads the index; its snapshot is not saved yet. */
  #built(): void {
    const unsaved = this.unsaved;
    if (this.finishBuild()) this.unsaved = unsaved;
  }

  /**
   * Adds new papers and re-indexes changed ones; an unchanged paper is left as it is. In the
   * `background` (a slice of a large import), searches keep the words they scored until `settled`.
   */
  upsert(docs: SearchDoc[], background = false): number {
    this.#index.inBackground = background;
    try {
      return this.#upsert(docs);
    } finally {
      this.#index.inBackground = false;
    }
  }

  /** A background import is all in: searches score their words afresh. */
  settled(): void {
    // A first build goes on (the next slice of the import may be on its way); searches end it.
    if (!this.#build) this.#index.settled();
  }

  #upsert(docs: SearchDoc[]): number {
    if (!this.#build && this.#index.isEmpty && docs.length > 0) this.#build = new BulkBuild(OPTIONS, this.#expected);
    let changed = 0;
    for (const doc of docs) {
      const sig = signature(doc);
      if (this.#build && !this.#build.has(doc.id)) this.#build.add(doc);
      else {
        this.#built(); // a paper the build has already is changed through MiniSearch, in the index it opens
        if (!this.#index.has(doc.id)) this.#index.add(doc);
        else if ((this.#signatures.get(doc.id) ?? '') === sig) continue;
        else this.#index.replace(doc);
      }
      if (sig) this.#signatures.set(doc.id, sig);
      else this.#signatures.delete(doc.id);
      changed++;
    }
    this.unsaved += changed;
    return changed;
  }

  /**
   * Brings the index in line with the library, given every paper's id and signature: papers the
   * library no longer has are dropped (but those in `keep`); the ids returned are those to (re)index.
   */
  reconcile(ids: string[], signatures: string[], keep: ReadonlySet<string> = new Set()): string[] {
    this.#built();
    const expected = new Map(ids.map((id, i) => [id, signatures[i]]));
    const gone = this.#index.ids().filter((id) => !expected.has(id) && !keep.has(id));
    for (const id of gone) {
      this.#index.discard(id);
      this.#signatures.delete(id);
    }
    this.unsaved += gone.length;
    const needed = ids.filter((id) => !this.#index.has(id) || (this.#signatures.get(id) ?? '') !== expected.get(id));
    if (this.#index.isEmpty) this.#expected = needed.length;
    return needed;
  }

  /**
   * `reconcile` for the papers with the reader's tags or notes alone, when the index holds the
   * library's papers already (its corpus stamp is the library's): given those papers' ids and
   * signatures (a superset will do), the ids to re-index — theirs that differ, and any paper the
   * index has tags or notes for that the reader no longer has.
   */
  reconcileReaders(ids: string[], signatures: string[]): string[] {
    this.#built();
    const given = new Map(ids.map((id, i) => [id, signatures[i]]));
    const needed = ids.filter((id, i) => this.#index.has(id) && (this.#signatures.get(id) ?? '') !== signatures[i]);
    for (const [id, sig] of this.#signatures) if (hasReaderFields(sig) && !given.has(id)) needed.push(id);
    return needed;
  }

  /** Clears what replaced papers left behind in the index (MiniSearch does it by itself, later). */
  vacuum(): Promise<void> {
    this.#built();
    return this.#index.vacuum();
  }

  /**
   * Ranked papers for what the search box holds, the best `limit` of them (at most the engine's
   * own count); `within` restricts the search to those papers.
   */
  search(query: string, within?: ReadonlySet<string>, limit = this.#ranked): Found {
    const terms = planQuery(query);
    if (terms.length === 0) return { matched: 0, hits: [] };
    this.#built();
    return this.#index.rank(terms, SEARCH, Math.min(limit, this.#ranked), within);
  }

  /** How many papers there are, and how many use each of `terms` in their own text: for TF-IDF. */
  frequencies(terms: string[]): { documents: number; df: number[] } {
    this.#built();
    return { documents: this.size, df: this.#index.documentFrequencies(terms.map(processTerm), SIMILAR.fields) };
  }

  /** "More like this": the papers best matching `terms` (whole words), other than `paperId`. */
  similar(terms: string[], paperId: string, limit: number): Hit[] {
    const words = terms.slice(0, MAX_TERMS).map((term) => ({ term: processTerm(term), prefix: false, fuzzy: false as const }));
    if (words.length === 0) return [];
    this.#built();
    return this.#index
      .rankWithTerms(words, SIMILAR, limit + 1)
      .filter((h) => h.id !== paperId)
      .slice(0, limit);
  }
}
