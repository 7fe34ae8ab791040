import type { Corpus } from '../library/corpus';
import type { SearchIndex } from './search-index';
import type { TermStats } from './distinctive';

export interface RelatedPaper {
  id: string;
  title: string;
  /** The distinctive terms of the open paper that this one shares: why it is related. */
  sharedTerms: string[];
}

/** The papers most like this one: a "more like this" query from its distinctive terms. */
export async function relatedPapers(corpus: Corpus, index: SearchIndex, stats: TermStats, paperId: string, limit = 5): Promise<RelatedPaper[]> {
  const paper = corpus.paper(paperId);
  if (!paper) return [];
  const terms = (await stats.distinctive(paper, 12)).map((t) => t.term);
  return (
    (await index.similar(terms, paperId, limit * 3))
      .map((hit) => ({ hit, shared: terms.filter((t) => hit.terms.includes(t)) }))
      // Two shared terms at least, so one common word does not make papers "related".
      .filter(({ shared }) => shared.length >= 2)
      .slice(0, limit)
      .map(({ hit, shared }) => ({ id: hit.id, title: corpus.paper(hit.id)!.title, sharedTerms: shared }))
  );
}
