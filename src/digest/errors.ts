/**
 * Why a digest could not be read at all. Every failure the reader can meet has a code and a plain message
 * that names the format and, where there is one, the line (and column) it concerns.
 */
export type DigestErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'unrecognised'
  /** The text is of a known format but broken: truncated XML, JSON of another shape, a BibTeX entry with an unclosed brace. */
  | 'malformed'
  /** The format is right but it holds no paper: an empty feed, a query with zero results. */
  | 'no-entries'
  /** The source reported an error instead of papers (the arXiv API's error entry). */
  | 'feed-error'
  /** XML that declares its own entities (DOCTYPE), refused so that no entity is expanded or fetched. */
  | 'unsafe'
  /** The library closed (the app quit, Ctrl-C) while the text was being read: nothing was added. */
  | 'stopped';

export interface DigestErrorDetails {
  /** The format's name (see FORMAT_LIST), when the error concerns one. */
  format?: string;
  /** 1-based line and column in the text, when known. */
  line?: number;
  column?: number;
}

export class DigestError extends Error {
  readonly code: DigestErrorCode;
  readonly format?: string;
  readonly line?: number;
  readonly column?: number;
  constructor(code: DigestErrorCode, message: string, details: DigestErrorDetails = {}) {
    super(message);
    this.name = 'DigestError';
    this.code = code;
    this.format = details.format;
    this.line = details.line;
    this.column = details.column;
  }
}

/** Largest digest accepted in one import; bigger files are almost certainly not a digest. */
export { MAX_DIGEST_BYTES } from '../api/vocabulary';
