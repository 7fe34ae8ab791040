/**
 * Canonical text of a query: what `parseQuery` reads back to the same terms (offsets aside).
 * Used to save a smart list in one normal form and to hand the text part to the search index.
 */
import type { QueryTerm, SmartQuery, TextTerm, FieldTerm } from './query-types';

export function printQuery(query: SmartQuery): string {
  return query.terms.map(printTerm).join(' ');
}

export function printTerm(term: QueryTerm): string {
  const minus = term.negated ? '-' : '';
  switch (term.kind) {
    case 'word':
      return minus + term.value;
    case 'phrase':
      return `${minus}"${term.value}"`;
    case 'year':
      return `${minus}year:${printYear(term.min, term.max)}`;
    default:
      return `${minus}${term.kind}:${printValue(term.value)}`;
  }
}

function printYear(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return min === max ? String(min) : `${min}..${max}`;
  return min !== undefined ? `>=${min}` : `<=${max}`;
}

/** Bare when it reads back as one value; quoted when it has spaces or would start a quote. */
function printValue(value: string): string {
  return value === '' || /[\s"]/.test(value) ? `"${value}"` : value;
}

export interface SplitQuery {
  /** Words and phrases that must appear: the search index's query string ('' when none). */
  textQuery: string;
  /** Words and phrases that must not appear: filter the index's results by them. */
  excludedText: TextTerm[];
  /** author/cat/tag/status/year terms, negated or not: evaluate with `matches`. */
  filters: FieldTerm[];
}

/** Separates what the search index answers from what the reader's data filters. */
export function splitQuery(query: SmartQuery): SplitQuery {
  const included: TextTerm[] = [];
  const excludedText: TextTerm[] = [];
  const filters: FieldTerm[] = [];
  for (const t of query.terms) {
    if (t.kind === 'word' || t.kind === 'phrase') (t.negated ? excludedText : included).push(t);
    else filters.push(t);
  }
  return { textQuery: printQuery({ terms: included }), excludedText, filters };
}
