/** Links a source gives for a paper; every one optional. */
export interface PaperLinks {
  /** The abstract page (arXiv abs, a journal's landing page). */
  abs?: string;
  pdf?: string;
  /** The paper's page on Hugging Face. */
  hf?: string;
  /** The code repository (GitHub and the like). */
  code?: string;
  /** The project page. */
  project?: string;
}

/** How an arXiv listing announced an entry; a replacement updates the paper already known. */
export type AnnounceType = 'new' | 'cross' | 'replace' | 'replace-cross';

/**
 * What a source says about who a paper is, beyond its title and abstract. Every field is optional:
 * the trending-papers text carries none. Values are normalised by the parsers (see arxiv.ts).
 */
export interface PaperIdentity {
  /** arXiv base id without version: `2401.12345` or `hep-th/9901001`. */
  arxivId?: string;
  /**
   * The version this entry describes, when the source says: versioned ids (RSS, API, `2401.12345v2`)
   * and arXiv's new announcements (v1). Undefined when the source does not know (Hugging Face,
   * unversioned BibTeX/RIS/CSL ids, the e-mails' replacements): it then names no particular version.
   */
  arxivVersion?: number;
  /** Lower-case, without `https://doi.org/`. arXiv's own DOIs (10.48550/arXiv.<id>) become `arxivId` instead. */
  doi?: string;
  /** In order, as the source lists them. */
  authors?: string[];
  /** ISO 8601 date (`2024-01-22`) or date-time. */
  published?: string;
  updated?: string;
  primaryCategory?: string;
  categories?: string[];
  links?: PaperLinks;
  comment?: string;
  journalRef?: string;
  /** Hugging Face upvotes, when the source is Hugging Face. */
  upvotes?: number;
  announceType?: AnnounceType;
  /** Keywords a source attached (Hugging Face's ai_keywords; BibTeX keywords). */
  keywords?: string[];
}

/** One paper as read from a digest, before it meets the library. */
export interface DigestEntry extends PaperIdentity {
  title: string;
  abstract: string;
  /** 1-based line of the entry's start in the (normalised) text. */
  line: number;
}

export interface SkippedLine {
  line: number;
  text: string;
  reason: string;
}

/** What the content says about the digest as a whole, to name it ("arXiv cs.CL 2026-07-20"). */
export interface DigestMeta {
  /** What kind of listing: "Hugging Face daily papers", "arXiv cs.CL", "arXiv query: …". */
  title?: string;
  /** The day it covers (YYYY-MM-DD). */
  date?: string;
}

export interface ParsedDigest {
  format: string;
  entries: DigestEntry[];
  skipped: SkippedLine[];
  /**
   * Entries that name a paper (an arXiv id or a DOI, and a title) but carry no abstract: the
   * "replaced" section of arXiv's e-mails, arXiv's own BibTeX export. They can update a paper
   * already in the library (version, DOI, dates); on their own they are not a readable paper.
   * Entries with neither an abstract nor an id go to `skipped`.
   */
  withoutAbstract: DigestEntry[];
  meta?: DigestMeta;
}

/** The text a format looks at: BOM and NUL bytes removed, LF line ends, split into lines once. */
export interface DigestText {
  text: string;
  lines: string[];
}

/**
 * A digest format: recognises its own text by content (never by file name) with a confidence
 * (0 = not mine, 1 = certainly mine), and reads it. `parse` throws a DigestError naming the format
 * and the line when the text is of this format but broken; it never throws anything else.
 */
export interface DigestFormat {
  name: string;
  /** One line for the command line's `--format` help and the README. */
  description: string;
  detect(input: DigestText): number;
  parse(input: DigestText): ParsedDigest;
}
