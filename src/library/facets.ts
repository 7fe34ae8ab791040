import type { Corpus } from './corpus';
import type { Paper } from './types';

/** What the list's filters offer: the library's categories and years, with how many papers each. */
export interface Facets {
  categories: { name: string; count: number }[];
  years: { year: number; count: number }[];
}

/** Categories offered at most: the rest are reached by search (`cat:`) or a paper's own chips. */
const MAX_CATEGORIES = 40;

export function facetsOf(papers: Iterable<Paper>): Facets {
  const categories = new Map<string, number>();
  const years = new Map<number, number>();
  for (const p of papers) {
    for (const c of new Set([...(p.primaryCategory ? [p.primaryCategory] : []), ...(p.categories ?? [])])) categories.set(c, (categories.get(c) ?? 0) + 1);
    const year = Number(p.published?.slice(0, 4));
    if (year) years.set(year, (years.get(year) ?? 0) + 1);
  }
  return {
    categories: [...categories]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_CATEGORIES)
      .map(([name, count]) => ({ name, count })),
    years: [...years].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count })),
  };
}

/** The facets of the corpus, counted again only when its digests change. */
export function cachedFacets(corpus: Corpus): () => Facets {
  let stamp: string | undefined;
  let facets: Facets | undefined;
  return () => {
    if (!facets || stamp !== corpus.stamp) {
      stamp = corpus.stamp;
      facets = facetsOf(corpus.papers);
    }
    return facets;
  };
}
