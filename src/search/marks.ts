import { planQuery, typoDistance, type PlannedTerm } from './query-plan';
import { indexTerm } from './text';
import { OPTIONS } from './engine';

const MAX_FUZZY = (OPTIONS.searchOptions as { maxFuzzy: number }).maxFuzzy;

/**
 * Which words of a text a search found, decided from the query alone: the words the index matched
 * for it are exactly the indexed words that equal a query word, begin the word being typed, or lie
 * within its typo distance (MiniSearch's rules, query-plan.ts). So the page marks its rows and the
 * open paper without asking the index which words each paper matched — one search per key.
 * A set of processed words as far as highlighting goes (`has`, `size`).
 */
export class QueryMarks {
  readonly #terms: PlannedTerm[];
  /** Each term's first character, length, whether it is a prefix, its typo distance and its ASCII characters (for `admits`). */
  readonly #shapes: { first: number; length: number; prefix: boolean; distance: number; chars: Uint8Array }[];
  /** Answers so far: a page repeats its words. */
  readonly #known = new Map<string, boolean>();

  constructor(query: string) {
    this.#terms = query.trim() ? planQuery(query) : [];
    this.#shapes = this.#terms.map((t) => ({
      first: t.term.charCodeAt(0),
      length: t.term.length,
      prefix: t.prefix,
      distance: typoDistance(t, MAX_FUZZY),
      chars: asciiSet(t.term),
    }));
  }

  /**
   * Whether the all-ASCII token `text[start, end)` could be one the search matched, from its first
   * character and length alone: a word equal to a query word, or begun by the word being typed,
   * starts as it does; one within a typo's distance is about as long, and has at most that many
   * characters the word lacks (each needs an edit of its own).
   */
  admits(text: string, start: number, end: number): boolean {
    const length = end - start;
    let first = text.charCodeAt(start);
    if (first >= 65 && first <= 90) first += 32; // lower-cased, as processTerm does an ASCII letter
    for (const t of this.#shapes) {
      if (t.distance > 0 && Math.abs(length - t.length) <= t.distance && lacking(text, start, end, t.chars, t.distance) <= t.distance) return true;
      if (first === t.first && (t.prefix ? length >= t.length : length === t.length)) return true;
    }
    return false;
  }

  get size(): number {
    return this.#terms.length;
  }

  /** Whether the search matched this word (processed, as text.ts's processTerm gives it). */
  has(word: string): boolean {
    let known = this.#known.get(word);
    if (known === undefined) {
      known = indexTerm(word) !== null && this.#terms.some((t) => matches(t, word));
      if (this.#known.size < 100_000) this.#known.set(word, known);
    }
    return known;
  }
}

/** Which ASCII characters `word` holds (lower-cased, as processTerm gives it). */
function asciiSet(word: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) < 128) set[word.charCodeAt(i)] = 1;
  return set;
}

/** How many characters of the ASCII token `text[start, end)` are not in `chars`, counted up to `max` + 1. */
function lacking(text: string, start: number, end: number, chars: Uint8Array, max: number): number {
  let count = 0;
  for (let i = start; i < end && count <= max; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (!chars[c]) count++;
  }
  return count;
}

function matches(t: PlannedTerm, word: string): boolean {
  if (word === t.term || (t.prefix && word.startsWith(t.term))) return true;
  const distance = typoDistance(t, MAX_FUZZY);
  return distance > 0 && withinDistance(word, t.term, distance);
}

/** Two rows of the distance table, reused: a 1 MB abstract asks about tens of thousands of words. */
let previous = new Int32Array(64);
let current = new Int32Array(64);

/** Whether the Levenshtein distance between `a` and `b` is at most `max` (rows of the table, stopping once all exceed it). */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (b.length + 1 > previous.length) {
    previous = new Int32Array(b.length + 1);
    current = new Int32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < best) best = current[j];
    }
    if (best > max) return false;
    // A plain swap: a destructuring one made an array per row, a tenth of what typing allocated.
    const row = previous;
    previous = current;
    current = row;
  }
  return previous[b.length] <= max;
}
