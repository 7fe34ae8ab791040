import type { Ranked } from './search-index';
import { processTerm, SEPARATOR, tokenize, WORD_CHAR } from './text';

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
 * The phrase as a pattern over lower-cased text: its words as whole tokens (see text.ts), in
 * order, with only separators between them; the last may still be being typed, so it may begin
 * a longer word. Tokens hold no punctuation or symbols, so no word needs escaping.
 */
function phrasePattern(words: string[]): RegExp {
  // Case-insensitive rather than over lower-cased copies: 200 abstracts copied at every key cost more than the test.
  return new RegExp(`(?<!${WORD_CHAR})${words.join(`${SEPARATOR}+`)}`, 'iu');
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
 * `before` begun by its counterpart, and maybe more words after (the pattern ends at a prefix).
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
  const words = tokenize(query).map(processTerm);
  if (words.length < 2 || hits.length === 0) return hits;
  const phrase = phrasePattern(words);
  const before = memo?.begin(words);
  const head = hits.slice(0, RERANK_TOP).map((hit) => {
    const paper = text(hit);
    const known = before?.get(paper);
    const may = known && known.rev === paper.rev ? known.may : TITLE_MAY | ABSTRACT_MAY;
    const inTitle = (may & TITLE_MAY) !== 0 && phrase.test(paper.title);
    // Untested (so still possible) when the title holds it.
    const inAbstract = !inTitle && (may & ABSTRACT_MAY) !== 0 && phrase.test(paper.abstract);
    memo?.note(paper, (inTitle ? TITLE_MAY | (may & ABSTRACT_MAY) : 0) | (inAbstract ? ABSTRACT_MAY : 0));
    const factor = inTitle ? TITLE_PHRASE : inAbstract ? ABSTRACT_PHRASE : 1;
    // Copied only when its score changes, and assigned: `{ ...hit, score }` takes V8's slow path (paper-row.ts).
    return factor === 1 ? hit : Object.assign({}, hit, { score: hit.score * factor });
  });
  head.sort((a, b) => b.score - a.score);
  return [...head, ...hits.slice(RERANK_TOP)];
}
