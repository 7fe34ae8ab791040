import type { Corpus } from './corpus';
import type { Paper } from './types';

/** What the list's filters offer: the categories and years of the papers in view, with how many papers each. */
export interface Facets {
  categories: { name: string; count: number }[];
  years: { year: number; count: number }[];
}

/** Categories offered at most: the rest are reached by search (`cat:`) or a paper's own chips. */
const MAX_CATEGORIES = 40;

/**
 * Counts the categories and years of papers. With the list's own category and year filters given,
 * each facet is counted over the papers the other one lets through: the number beside a category
 * is how many papers choosing it would show.
 */
export function facetsOf(papers: Iterable<Paper>, inCategory?: (p: Paper) => boolean, inYear?: (p: Paper) => boolean): Facets {
  const categories = new Map<string, number>();
  const years = new Map<number, number>();
  for (const p of papers) {
    if (!inYear || inYear(p)) {
      // Each category once per paper, without a Set made per paper (100,000 papers are counted at each page).
      const primary = p.primaryCategory;
      if (primary) categories.set(primary, (categories.get(primary) ?? 0) + 1);
      const listed = p.categories ?? [];
      for (const [i, c] of listed.entries()) if (c !== primary && listed.indexOf(c) === i) categories.set(c, (categories.get(c) ?? 0) + 1);
    }
    const year = Number(p.published?.slice(0, 4));
    if (year && (!inCategory || inCategory(p))) years.set(year, (years.get(year) ?? 0) + 1);
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
