/** A digest as the library keeps it: immutable once imported. */
export interface Digest {
  id: string;
  name: string;
  importedAt: string;
  format: string;
  source: 'file' | 'paste' | 'sample';
  /** Hash of the normalised text: the same file imported again is recognised. */
  contentHash: string;
  paperCount: number;
}

/** Where a paper appeared: which digest, at which 1-based position. */
export interface Appearance {
  digestId: string;
  position: number;
}

export interface Paper {
  id: string;
  title: string;
  abstract: string;
  appearances: Appearance[];
}

/** What is written to disk for one digest: its record and its entries, in order. */
export interface DigestFile {
  version: 1;
  digest: Digest;
  entries: { id: string; title: string; abstract: string }[];
}
