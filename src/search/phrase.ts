import type { Ranked } from './search-index';
import { processTerm, SEPARATOR, tokenize, WORD_CHAR } from './text';

/** How much a paper gains when the query's words stand together, in order, in its title or abstract. */
const TITLE_PHRASE = 2;
const ABSTRACT_PHRASE = 1.3;
/** Only the best candidates are re-ranked: the order further down matters little and costs time. */
export const RERANK_TOP = 200;

/**
 * The phrase as a pattern over lower-cased text: its words as whole tokens (see text.ts), in
 * order, with only separators between them; the last may still be being typed, so it may begin
 * a longer word. Tokens hold no punctuation or symbols, so no word needs escaping.
 */
function phrasePattern(words: string[]): RegExp {
  // Case-insensitive rather than over lower-cased copies: 200 abstracts copied at every key cost more than the test.
  return new RegExp(`(?<!${WORD_CHAR})${words.join(`${SEPARATOR}+`)}`, 'iu');
}

/**
 * BM25 scores words independently; a reader who types "speculative decoding" means the phrase.
 * Papers that contain the query as a phrase move up, title phrases most.
 */
export function rerankByPhrase<H extends Ranked>(hits: H[], query: string, text: (hit: H) => { title: string; abstract: string }): H[] {
  const words = tokenize(query).map(processTerm);
  if (words.length < 2 || hits.length === 0) return hits;
  const phrase = phrasePattern(words);
  const head = hits.slice(0, RERANK_TOP).map((hit) => {
    const { title, abstract } = text(hit);
    const factor = phrase.test(title) ? TITLE_PHRASE : phrase.test(abstract) ? ABSTRACT_PHRASE : 1;
    // Copied only when its score changes, and assigned: `{ ...hit, score }` takes V8's slow path (paper-row.ts).
    return factor === 1 ? hit : Object.assign({}, hit, { score: hit.score * factor });
  });
  head.sort((a, b) => b.score - a.score);
  return [...head, ...hits.slice(RERANK_TOP)];
}
