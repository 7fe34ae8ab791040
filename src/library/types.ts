import type { DigestEntry, DigestMeta, PaperIdentity } from '../digest/types';

/** A digest as the library keeps it: immutable once imported. */
export interface Digest {
  id: string;
  name: string;
  importedAt: string;
  format: string;
  source: 'file' | 'paste' | 'sample' | 'fetch';
  /** Hash of the normalised text: the same file imported again is recognised. */
  contentHash: string;
  paperCount: number;
  /** What the content said of itself (the listing and the day it covers). */
  meta?: DigestMeta;
  /**
   * Set on a text that repeated papers the library had (a listing downloaded again, its upvotes
   * grown): not a digest the reader sees, only the facts it updated, replayed at load. The id is
   * the digest it repeated, if one.
   */
  updates?: { repeats?: string };
}

/** Where a paper appeared: which digest, at which 1-based position. */
export interface Appearance {
  digestId: string;
  position: number;
}

/** An arXiv version of a paper the library has seen, and when that version was announced. */
export interface VersionSeen {
  version: number;
  date?: string;
}

/** What the library knows of a paper's identity: everything a source said, merged (see merge.ts). */
export type PaperFacts = Omit<PaperIdentity, 'announceType'>;

export interface Paper extends PaperFacts {
  id: string;
  title: string;
  abstract: string;
  appearances: Appearance[];
  /** Counts changes to the text the search index holds (title, abstract, authors), so it re-indexes. */
  rev: number;
  /** arXiv versions seen, oldest first; the title and abstract are the newest one's. */
  versions?: VersionSeen[];
}

/**
 * One entry as stored in a digest file: the paper it was resolved to at import (`id`), other papers
 * it was also recorded on (an entry without ids whose text matches several papers), and what the
 * source said. Resolution happens once, at import, so a reload replays the same papers.
 */
export type StoredEntry = { id: string; also?: string[] } & Omit<DigestEntry, 'line'>;

/** What is written to disk for one digest: its record and its entries, in order. Version 1 entries carry no identity. */
export interface DigestFile {
  version: 1 | 2;
  digest: Digest;
  entries: StoredEntry[];
}
