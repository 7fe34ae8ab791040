/**
 * The smart-list query: a flat list of terms, all of which must hold (AND). Text terms (words,
 * phrases) go to the search index; field terms are filters over the reader's data. Every term can
 * be negated with a leading `-`.
 */

import type { StatusFilter } from '../api/vocabulary';

/** The field keys, as typed before the colon (case-insensitive). */
export const FIELD_KEYS = ['author', 'cat', 'tag', 'status', 'year'] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

interface TermBase {
  negated: boolean;
  /** Offset of the term's first character (its `-` when negated) in the query. */
  at: number;
}

export interface WordTerm extends TermBase {
  kind: 'word';
  value: string;
}
export interface PhraseTerm extends TermBase {
  kind: 'phrase';
  /** Whitespace collapsed; never empty, never contains `"`. */
  value: string;
}
export interface AuthorTerm extends TermBase {
  kind: 'author';
  value: string;
}
export interface CategoryTerm extends TermBase {
  kind: 'cat';
  /** As typed (`cs.CL`, `cs.`, `hep-th`); compared case-insensitively. */
  value: string;
}
export interface TagTerm extends TermBase {
  kind: 'tag';
  value: string;
}
export interface StatusTerm extends TermBase {
  kind: 'status';
  value: StatusFilter;
}
/** A closed year range; an open end is undefined (`year:>=2024` is {min: 2024}). */
export interface YearTerm extends TermBase {
  kind: 'year';
  min?: number;
  max?: number;
}

export type TextTerm = WordTerm | PhraseTerm;
export type FieldTerm = AuthorTerm | CategoryTerm | TagTerm | StatusTerm | YearTerm;
export type QueryTerm = TextTerm | FieldTerm;

export interface SmartQuery {
  terms: QueryTerm[];
}

export type SmartQueryErrorCode = 'unknown-field' | 'unclosed-quote' | 'empty-value' | 'bad-year' | 'bad-status' | 'too-long';

/** A query that does not parse: what, and where (a 0-based character offset). */
export class SmartQueryError extends Error {
  override readonly name = 'SmartQueryError';
  constructor(
    readonly code: SmartQueryErrorCode,
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The query with a caret line under the error: for a monospace hint under the input box. */
export function caretMessage(query: string, error: SmartQueryError): string {
  const line = query.replace(/[\r\n\t]/g, ' ');
  return `${line}\n${' '.repeat(Math.min(error.offset, line.length))}^ ${error.message}`;
}

export const MAX_QUERY_LENGTH = 1000;
