import { STOP_WORDS } from './stop-words';
import { processTerm, tokenize, WORD_CHAR } from './text';

/** One word of a query and how it may match. */
export interface PlannedTerm {
  term: string;
  /** The word is still being typed: it matches the words it begins. */
  prefix: boolean;
  /** Typos tolerated, as a fraction of the word's length (MiniSearch's `fuzzy`); false for none. */
  fuzzy: number | false;
}

/** How many edits a word may be from `t` and still match it (0: none), as MiniSearch reckons it. */
export function typoDistance(t: PlannedTerm, maxFuzzy: number): number {
  if (!t.fuzzy) return 0;
  return t.fuzzy < 1 ? Math.min(maxFuzzy, Math.round(t.term.length * t.fuzzy)) : t.fuzzy;
}

/** A query longer than this is a paste, not typing: its first words are enough. */
export const MAX_TERMS = 12;
const PREFIX_FROM = 2;
const FUZZY_FROM = 5;
const FUZZY = 0.2;

/**
 * Search as you type. Every word counts; the last one, while the box does not end with a space
 * or punctuation, is still being typed: it matches as a prefix from two characters. Only words
 * of five characters or more tolerate a typo, since a typo in a short word matches too much.
 * Stop words are not indexed, so they are dropped — except the word being typed, which may be
 * the start of another ("of" → "offline").
 */
export function planQuery(query: string): PlannedTerm[] {
  const words = tokenize(query).map(processTerm);
  const typing = new RegExp(`${WORD_CHAR}$`, 'u').test(query);
  const plan = new Map<string, PlannedTerm>();
  words.forEach((term, i) => {
    const open = typing && i === words.length - 1;
    if (STOP_WORDS.has(term) && !(open && term.length >= PREFIX_FROM)) return;
    const planned: PlannedTerm = {
      term,
      prefix: open && term.length >= PREFIX_FROM,
      fuzzy: term.length >= FUZZY_FROM ? FUZZY : false,
    };
    // A word typed twice counts once, the complete one winning over the unfinished one.
    if (!plan.has(term)) plan.set(term, planned);
  });
  return [...plan.values()].slice(0, MAX_TERMS);
}
