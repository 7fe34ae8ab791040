import { STOP_WORDS } from './stop-words';

/** A character of a word, and one between words (in RegExp source, with the `u` flag). */
export const WORD_CHAR = String.raw`[^\s\p{P}\p{S}]`;
export const SEPARATOR = String.raw`[\s\p{P}\p{S}]`;

/** One tokenizer for indexing and for highlighting, so what is found is what is marked. */
const TOKEN = new RegExp(`${WORD_CHAR}+`, 'gu');

export type Range = [start: number, end: number];

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** How a token is compared: for highlighting, phrases and the index alike. */
export function processTerm(term: string): string {
  return term.toLowerCase();
}

/** How a token is indexed: processed, and nothing for a stop word. */
export function indexTerm(term: string): string | null {
  const t = processTerm(term);
  return STOP_WORDS.has(t) ? null : t;
}

/** Character ranges of the tokens of `text` that are in `terms` (already processed). */
export function highlightRanges(text: string, terms: ReadonlySet<string>): Range[] {
  if (terms.size === 0) return [];
  const ranges: Range[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (terms.has(processTerm(m[0]))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

export interface Snippet {
  text: string;
  ranges: Range[];
}

/**
 * A short excerpt of an abstract: its opening, or with a search, the passage around the first
 * hit, with the hits' ranges shifted to the excerpt.
 */
export function snippet(text: string, terms: ReadonlySet<string>, length = 220): Snippet {
  const all = highlightRanges(text, terms);
  let start = 0;
  if (all.length > 0 && all[0][1] > length - 40) {
    start = Math.max(0, text.lastIndexOf(' ', all[0][0] - 60) + 1);
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), start + 1);
  const body = text.slice(start, end);
  const ranges = all.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Range => [s - start, e - start]);
  const lead = start > 0 ? '… ' : '';
  return {
    text: lead + body + (end < text.length ? ' …' : ''),
    ranges: ranges.map(([s, e]): Range => [s + lead.length, e + lead.length]),
  };
}
