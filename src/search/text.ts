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
  for (const s = new Spans(text); s.next();) if (visit(text.slice(s.start, s.end), s.start) === false) return;
}

/**
 * The tokens of a text, one after another, without making them: where each starts and ends, and
 * whether it is all ASCII. Text without CJK is scanned a character at a time rather than by
 * `matchAll(TOKEN)`, which made a match object per word (a third of what typing allocated), and
 * by a cursor rather than a callback per token: the callback, shared by every caller, was not
 * inlined (a row's snippet is 5–14% faster). A test holds the two to the same tokens.
 */
class Spans {
  start = 0;
  end = 0;
  ascii = true;
  #at = 0;
  /** For text with CJK in it: its spans, found at once (start, end, start, end…). */
  readonly #mixed: number[] | undefined;

  constructor(readonly text: string) {
    if (CJK.test(text)) this.#mixed = mixedSpans(text);
  }

  /** Moves to the next token; false at the end. */
  next(): boolean {
    if (this.#mixed) return this.#nextMixed();
    const text = this.text;
    let i = this.#at;
    // Up to the next word character.
    let cp: number;
    for (; i < text.length; i += cp > 0xffff ? 2 : 1) {
      cp = text.charCodeAt(i);
      if (cp < 128 ? ASCII_WORD[cp] === 1 : isWordChar((cp = text.codePointAt(i)!))) break;
    }
    if (i >= text.length) return false;
    this.start = i;
    let ascii = true;
    for (; i < text.length; i += cp > 0xffff ? 2 : 1) {
      cp = text.charCodeAt(i);
      if (cp < 128) {
        if (ASCII_WORD[cp] !== 1) break;
      } else {
        if (!isWordChar((cp = text.codePointAt(i)!))) break;
        ascii = false;
      }
    }
    this.end = i;
    this.ascii = ascii;
    this.#at = i;
    return true;
  }

  #nextMixed(): boolean {
    const spans = this.#mixed!;
    if (this.#at >= spans.length) return false;
    this.start = spans[this.#at++];
    this.end = spans[this.#at++];
    this.ascii = false;
    return true;
  }
}

/** The spans of text with CJK in it: runs of word characters, then a dictionary for CJK runs. */
function mixedSpans(text: string): number[] {
  const spans: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (!CJK.test(m[0])) spans.push(m.index, m.index + m[0].length);
    else for (const w of words.segment(m[0])) if (w.isWordLike) spans.push(m.index + w.index, m.index + w.index + w.segment.length);
  }
  return spans;
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
  return terms.size === 0 ? [] : markedTokens(text, terms, false);
}

/** The tokens of `text` that `terms` marks, in order: all of them, or only the first. */
function markedTokens(text: string, terms: Marked, firstOnly: boolean): Range[] {
  const ranges: Range[] = [];
  for (const s = new Spans(text); s.next();) {
    if (!marked(terms, text, s.start, s.end, s.ascii)) continue;
    ranges.push([s.start, s.end]);
    if (firstOnly) break;
  }
  return ranges;
}

export interface Snippet {
  text: string;
  ranges: Range[];
}

/**
 * A short excerpt of an abstract: its opening, or with a search, the passage around the first
 * hit, with the hits' ranges shifted to the excerpt. Only the text up to the first hit and the
 * excerpt itself are read: a page makes one per row at every key.
 */
export function snippet(text: string, terms: Marked, length = 220): Snippet {
  const first: Range | undefined = terms.size > 0 ? markedTokens(text, terms, true)[0] : undefined;
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
