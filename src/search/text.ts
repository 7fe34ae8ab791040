import { STOP_WORDS } from './stop-words';

/** A character of a word, and one between words (in RegExp source, with the `u` flag). */
export const WORD_CHAR = String.raw`[^\s\p{P}\p{S}]`;
export const SEPARATOR = String.raw`[\s\p{P}\p{S}]`;

/** One tokenizer for indexing and for highlighting, so what is found is what is marked. */
const TOKEN = new RegExp(`${WORD_CHAR}+`, 'gu');

export type Range = [start: number, end: number];

/** Chinese, Japanese and Korean write words without spaces between them: a run is cut by a dictionary. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Each token of `text` with where it starts: runs of word characters, CJK runs cut into their
 * words. `visit` returning false stops the walk.
 */
function eachToken(text: string, visit: (token: string, start: number) => boolean | void): void {
  const mixed = CJK.test(text);
  for (const m of text.matchAll(TOKEN)) {
    if (!mixed || !CJK.test(m[0])) {
      if (visit(m[0], m.index) === false) return;
    } else {
      for (const w of words.segment(m[0])) if (w.isWordLike && visit(w.segment, m.index + w.index) === false) return;
    }
  }
}

export function tokenize(text: string): string[] {
  if (!CJK.test(text)) return text.match(TOKEN) ?? [];
  const tokens: string[] = [];
  eachToken(text, (token) => {
    tokens.push(token);
  });
  return tokens;
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

/** Processed words to mark: a set of them, or the words a search matched (marks.ts). */
export interface Marked {
  readonly size: number;
  has(term: string): boolean;
}

/** Character ranges of the tokens of `text` that are in `terms` (already processed). */
export function highlightRanges(text: string, terms: Marked): Range[] {
  if (terms.size === 0) return [];
  const ranges: Range[] = [];
  eachToken(text, (token, start) => {
    if (terms.has(processTerm(token))) ranges.push([start, start + token.length]);
  });
  return ranges;
}

export interface Snippet {
  text: string;
  ranges: Range[];
}

/**
 * A short excerpt of an abstract: its opening, or with a search, the passage around the first
 * hit, with the hits' ranges shifted to the excerpt. Only the text up to the first hit and the
 * excerpt itself are read: a page makes fifty of these at every key.
 */
export function snippet(text: string, terms: Marked, length = 220): Snippet {
  let first: Range | undefined;
  if (terms.size > 0) {
    eachToken(text, (token, at) => {
      if (!terms.has(processTerm(token))) return true;
      first = [at, at + token.length];
      return false;
    });
  }
  let start = 0;
  if (first && first[1] > length - 40) {
    start = Math.max(0, text.lastIndexOf(' ', first[0] - 60) + 1);
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), start + 1);
  const body = text.slice(start, end);
  // The excerpt begins and ends between words (or at the text's ends), so its tokens are the text's.
  const ranges = first ? highlightRanges(body, terms) : [];
  const lead = start > 0 ? '… ' : '';
  return {
    text: lead + body + (end < text.length ? ' …' : ''),
    ranges: ranges.map(([s, e]): Range => [s + lead.length, e + lead.length]),
  };
}
