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
   * The index's own number of each hit (MiniSearch's short id), where the index gives it: the
   * library finds a hit's paper by it (hit-papers.ts).
   */
  shortIds?: Int32Array;
  /**
   * What the short ids are numbered under: while it stays the same, a short id names the same
   * paper. In the index's thread, the index's own (`PaperIndex.numbering`); on the main thread,
   * the one its ids crossed under (`SentIds`, index-protocol.ts), which also changes with the index.
   */
  numbering?: number;
}

export interface Scoring {
  fields: string[];
  boost: Record<string, number>;
}
