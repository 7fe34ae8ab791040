import type { Hit } from './search-index';
import { processTerm, tokenize } from './text';

/** How much a paper gains when the query's words stand together, in order, in its title or abstract. */
const TITLE_PHRASE = 2;
const ABSTRACT_PHRASE = 1.3;
/** Only the best candidates are re-ranked: the order further down matters little and costs time. */
const RERANK_TOP = 200;

function containsPhrase(tokens: string[], phrase: string[]): boolean {
  const last = phrase.length - 1;
  outer: for (let i = 0; i + last < tokens.length; i++) {
    for (let j = 0; j <= last; j++) {
      const t = tokens[i + j];
      // The last word may still be being typed.
      if (j === last ? !t.startsWith(phrase[j]) : t !== phrase[j]) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * BM25 scores words independently; a reader who types "speculative decoding" means the phrase.
 * Papers that contain the query as a phrase move up, title phrases most.
 */
export function rerankByPhrase(hits: Hit[], query: string, text: (id: string) => { title: string; abstract: string }): Hit[] {
  const phrase = tokenize(query).map(processTerm);
  if (phrase.length < 2 || hits.length === 0) return hits;
  const head = hits.slice(0, RERANK_TOP).map((hit) => {
    const { title, abstract } = text(hit.id);
    const words = (s: string) => tokenize(s).map(processTerm);
    const factor = containsPhrase(words(title), phrase) ? TITLE_PHRASE : containsPhrase(words(abstract), phrase) ? ABSTRACT_PHRASE : 1;
    return { ...hit, score: hit.score * factor };
  });
  head.sort((a, b) => b.score - a.score);
  return [...head, ...hits.slice(RERANK_TOP)];
}
