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

/** Whether a code point is a word character (WORD_CHAR), looked up: ASCII in a table, the rest as met. */
const WORD = new RegExp(`^${WORD_CHAR}$`, 'u');
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (WORD.test(String.fromCharCode(c)) ? 1 : 0));
const otherWord = new Map<number, boolean>();
export function isWordChar(cp: number): boolean {
  if (cp < 128) return ASCII_WORD[cp] === 1;
  let word = otherWord.get(cp);
  if (word === undefined) {
    word = WORD.test(String.fromCodePoint(cp));
    if (otherWord.size < 65_536) otherWord.set(cp, word);
  }
  return word;
}

/**
 * Each token of `text` with where it starts: runs of word characters, CJK runs cut into their
 * words. `visit` returning false stops the walk.
 */
export function eachToken(text: string, visit: (token: string, start: number) => boolean | void): void {
  eachSpan(text, (start, end) => visit(text.slice(start, end), start));
}

/**
 * `eachToken` without making the token: where each starts and ends, and whether it is all ASCII.
 * Text without CJK is scanned a character at a time rather than by `matchAll(TOKEN)`, which made
 * a match object per word: marking fifty rows at every key, that was a third of all the main
 * thread allocated while typing. A test holds the two to the same tokens.
 */
function eachSpan(text: string, visit: (start: number, end: number, ascii: boolean) => boolean | void): void {
  if (CJK.test(text)) return eachSpanMixed(text, visit);
  let start = -1;
  let ascii = true;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    if (isWordChar(cp)) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (cp >= 128) ascii = false;
    } else if (start >= 0) {
      if (visit(start, i, ascii) === false) return;
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (start >= 0) visit(start, text.length, ascii);
}

/** `eachSpan` for text with CJK in it: runs of word characters, then a dictionary for CJK runs. */
function eachSpanMixed(text: string, visit: (start: number, end: number, ascii: boolean) => boolean | void): void {
  for (const m of text.matchAll(TOKEN)) {
    if (!CJK.test(m[0])) {
      if (visit(m.index, m.index + m[0].length, false) === false) return;
    } else {
      for (const w of words.segment(m[0])) {
        if (w.isWordLike && visit(m.index + w.index, m.index + w.index + w.segment.length, false) === false) return;
      }
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
  /**
   * Optional, a test that needs no string: false when the all-ASCII token `text[start, end)`
   * cannot be marked (so most tokens of an abstract are never cut out and lower-cased).
   */
  admits?(text: string, start: number, end: number): boolean;
}

/** Whether the token `text[start, end)` is marked. */
function marked(terms: Marked, text: string, start: number, end: number, ascii: boolean): boolean {
  if (ascii && terms.admits && !terms.admits(text, start, end)) return false;
  return terms.has(processTerm(text.slice(start, end)));
}

/** Character ranges of the tokens of `text` that are in `terms` (already processed). */
export function highlightRanges(text: string, terms: Marked): Range[] {
  if (terms.size === 0) return [];
  const ranges: Range[] = [];
  eachSpan(text, (start, end, ascii) => {
    if (marked(terms, text, start, end, ascii)) ranges.push([start, end]);
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
    eachSpan(text, (start, end, ascii) => {
      if (!marked(terms, text, start, end, ascii)) return true;
      first = [start, end];
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
