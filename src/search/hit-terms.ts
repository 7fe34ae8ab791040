import type { Expansion } from './expand';
import { eachPosting, PackedPostings } from './packed-postings';
import type { Hit } from './search-types';
import type { Best } from './word-scores';

/**
 * Hits for the chosen short ids, each with the expanded terms it contains in `fields`: why papers
 * are alike ("more like this"). `slots` is scratch by short id, all zero, and left so.
 */
export function hitsWithTerms(top: Best, idOf: (shortId: number) => string, expansions: Expansion[], fields: { id: number }[], slots: Int32Array): Hit[] {
  const hits = Array.from(top.ids, (shortId, i): Hit => {
    slots[shortId] = i + 1;
    return { id: idOf(shortId), score: top.scores[i], terms: [] };
  });
  const note = (shortId: number, term: string) => {
    const terms = hits[slots[shortId] - 1].terms;
    if (!terms.includes(term)) terms.push(term);
  };
  for (const e of expansions) {
    for (const field of fields) {
      const postings = e.data.get(field.id);
      if (!postings) continue;
      // Whichever is shorter: the word's papers, or the hits (packed postings are only walked).
      if (postings.size <= top.ids.length || postings instanceof PackedPostings) {
        eachPosting(postings, (shortId) => {
          if (slots[shortId]) note(shortId, e.term);
        });
      } else {
        for (const shortId of top.ids) if (postings.has(shortId)) note(shortId, e.term);
      }
    }
  }
  for (const shortId of top.ids) slots[shortId] = 0;
  return hits;
}
