/** The index's vocabulary, shared by the engine, its worker and the library. */

/** What is indexed of a paper: its text, and the reader's tags and notes on it. */
export interface SearchDoc {
  id: string;
  title: string;
  abstract: string;
  /** Author names, newline-joined. */
  authors?: string;
  /** Tag names, space-joined. */
  tags?: string;
  notes?: string;
  /** The paper's text revision (a newer arXiv version, authors learnt): a change re-indexes it. */
  rev?: number;
}

export interface Ranked {
  id: string;
  score: number;
}

export interface Hit extends Ranked {
  /** Indexed terms the paper matched. */
  terms: string[];
}

export interface Found {
  /** How many papers match at least one word. */
  matched: number;
  /** The best of them, best first. */
  hits: Ranked[];
  /**
   * The index's own number of each hit (MiniSearch's short id), where the index gives it: the main
   * thread finds a hit's paper by it (`ReceivedIds`, index-protocol.ts).
   */
  shortIds?: Int32Array;
  /** The index the short ids are its own (`PaperIndex.numbering`): another numbers papers anew. */
  numbering?: number;
}

/**
 * A search's best papers as the index ranks them: typed arrays, and the hits made as objects only
 * when read. What crosses to the main thread is made from the arrays (index-protocol.ts), which
 * spared 500 objects and their ids at every key.
 */
export class TopHits implements Found {
  #hits: Ranked[] | undefined;

  constructor(
    readonly matched: number,
    readonly shortIds: Int32Array,
    readonly scores: Float64Array,
    readonly numbering: number,
    /** The paper id of a short id. */
    readonly idOf: (shortId: number) => string,
  ) {}

  get hits(): Ranked[] {
    this.#hits ??= Array.from(this.shortIds, (shortId, i) => ({ id: this.idOf(shortId), score: this.scores[i] }));
    return this.#hits;
  }
}

export interface Scoring {
  fields: string[];
  boost: Record<string, number>;
}
