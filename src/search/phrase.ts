import type { Ranked } from './search-index';
import { isWordChar, processTerm, tokenize } from './text';

/** How much a paper gains when the query's words stand together, in order, in its title or abstract. */
const TITLE_PHRASE = 2;
const ABSTRACT_PHRASE = 1.3;
/** Only the best candidates are re-ranked: the order further down matters little and costs time. */
export const RERANK_TOP = 200;

/** A paper's text as the re-rank reads it; `rev` (if any) changes whenever the text does. */
export interface PhraseText {
  readonly title: string;
  readonly abstract: string;
  readonly rev?: number;
}

/**
 * Letters that lower-case apart but that case-insensitive matching takes as one (Unicode's simple
 * case folding, as a pattern's `iu` flags have it): "x’Σ" lower-cases to a final sigma, "µm" is
 * written with the micro sign or with mu. Each is folded to the other.
 */
const FOLD: Record<string, string> = {
  µ: 'μ',
  ſ: 's',
  '\u0345': 'ι',
  ς: 'σ',
  ϐ: 'β',
  ϑ: 'θ',
  ϕ: 'φ',
  ϖ: 'π',
  ϰ: 'κ',
  ϱ: 'ρ',
  ϵ: 'ε',
  ᲀ: 'в',
  ᲁ: 'д',
  ᲂ: 'о',
  ᲃ: 'с',
  ᲄ: 'т',
  ᲅ: 'т',
  ᲆ: 'ъ',
  ᲇ: 'ѣ',
  ᲈ: 'ꙋ',
  ẛ: 'ṡ',
  ι: 'ι',
};
const FOLDS = new RegExp(
  `[${Object.keys(FOLD)
    .map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .join('')}]`,
  'gu',
);
const folded = (text: string) => text.toLowerCase().replace(FOLDS, (c) => FOLD[c]);

/** A query's words as the phrase test takes them: its tokens, processed and folded. */
export function phraseWords(query: string): string[] {
  return tokenize(query).map((t) => folded(processTerm(t)));
}

/**
 * Whether `text` holds the phrase `words` (from `phraseWords`): whole tokens, in order, with only
 * separators between them; the last may still be being typed, so it may begin a longer word.
 * Looked for in the lower-cased text rather than by a pattern: a pattern naming Unicode's
 * punctuation and symbols took V8 some 135 µs to compile per class, and each key's phrase is new
 * (a test holds the two to the same answers).
 */
export function holdsPhrase(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const lower = folded(text);
  const [first] = words;
  for (let at = lower.indexOf(first); at !== -1; at = lower.indexOf(first, at + 1)) {
    if (at > 0 && isWordChar(codePointBefore(lower, at))) continue;
    if (restFollows(lower, at + first.length, words)) return true;
  }
  return false;
}

/** Whether the words after the first follow from `i`, each after one or more separators. */
function restFollows(lower: string, i: number, words: readonly string[]): boolean {
  for (let w = 1; w < words.length; w++) {
    const from = i;
    for (let cp: number; i < lower.length && !isWordChar((cp = lower.codePointAt(i)!));) i += cp > 0xffff ? 2 : 1;
    if (i === from || !lower.startsWith(words[w], i)) return false;
    i += words[w].length;
  }
  return true;
}

/** The code point that ends just before `at` (a surrogate pair read as one). */
function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2)!;
  }
  return low;
}

/** What a paper's title and abstract may still hold: cleared once a test shows one does not hold the phrase. */
const TITLE_MAY = 1;
const ABSTRACT_MAY = 2;

/** What a test learnt of a paper: its text's `rev` then, and what may still hold the phrase. */
type Learnt = { rev: number | undefined; may: number };

/**
 * The last phrase tested and what each paper's title and abstract may still hold. Typing
 * "speculative deco" after "speculative dec", a text without the shorter phrase cannot hold the
 * longer one (`narrows`): most of the 200 papers are not tested again, nor their abstracts read.
 */
export class PhraseMemo {
  #words: string[] = [];
  #papers = new Map<PhraseText, Learnt>();

  /** Starts a query of `words`: what was learnt stays only if this phrase narrows the last one. */
  begin(words: string[]): Map<PhraseText, Learnt> {
    const before = narrows(words, this.#words) ? this.#papers : new Map();
    this.#words = words;
    this.#papers = new Map();
    return before;
  }

  note(text: PhraseText, may: number): void {
    this.#papers.set(text, { rev: text.rev, may });
  }
}

/**
 * Whether every text that holds the phrase `words` holds `before`: the same words, the last of
 * `before` begun by its counterpart, and maybe more words after (the last word may be a prefix).
 */
function narrows(words: string[], before: string[]): boolean {
  const n = before.length;
  if (n === 0 || words.length < n) return false;
  for (let i = 0; i < n - 1; i++) if (words[i] !== before[i]) return false;
  return words[n - 1].startsWith(before[n - 1]);
}

/**
 * BM25 scores words independently; a reader who types "speculative decoding" means the phrase.
 * Papers that contain the query as a phrase move up, title phrases most. With a `memo`, what the
 * previous key learnt spares tests that cannot succeed (the result is the same).
 */
export function rerankByPhrase<H extends Ranked>(hits: H[], query: string, text: (hit: H) => PhraseText, memo?: PhraseMemo): H[] {
  const words = phraseWords(query);
  if (words.length < 2 || hits.length === 0) return hits;
  const before = memo?.begin(words);
  const head = hits.slice(0, RERANK_TOP).map((hit) => {
    const paper = text(hit);
    const known = before?.get(paper);
    const may = known && known.rev === paper.rev ? known.may : TITLE_MAY | ABSTRACT_MAY;
    const inTitle = (may & TITLE_MAY) !== 0 && holdsPhrase(paper.title, words);
    // Untested (so still possible) when the title holds it.
    const inAbstract = !inTitle && (may & ABSTRACT_MAY) !== 0 && holdsPhrase(paper.abstract, words);
    memo?.note(paper, (inTitle ? TITLE_MAY | (may & ABSTRACT_MAY) : 0) | (inAbstract ? ABSTRACT_MAY : 0));
    const factor = inTitle ? TITLE_PHRASE : inAbstract ? ABSTRACT_PHRASE : 1;
    // Copied only when its score changes, and assigned: `{ ...hit, score }` takes V8's slow path (paper-row.ts).
    return factor === 1 ? hit : Object.assign({}, hit, { score: hit.score * factor });
  });
  head.sort((a, b) => b.score - a.score);
  return [...head, ...hits.slice(RERANK_TOP)];
}
