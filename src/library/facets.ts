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
 * Counts the categories and years of a view's papers as its list is made, in the same pass. With
 * the list's own category and year filters given, each facet is counted over the papers the other
 * one lets through: the number beside a category is how many papers choosing it would show.
 */
export class FacetCount {
  readonly #categories = new Map<string, number>();
  readonly #years = new Map<number, number>();
  readonly #inCategory: ((p: Paper) => boolean) | undefined;
  readonly #inYear: ((p: Paper) => boolean) | undefined;

  constructor(inCategory?: (p: Paper) => boolean, inYear?: (p: Paper) => boolean) {
    this.#inCategory = inCategory;
    this.#inYear = inYear;
  }

  /** Counts a paper of the view; true when the category and year filters let it through. */
  add(p: Paper): boolean {
    const inCategory = !this.#inCategory || this.#inCategory(p);
    const inYear = !this.#inYear || this.#inYear(p);
    if (inYear) {
      // Each category once per paper, without a Set made per paper.
      const primary = p.primaryCategory;
      if (primary) this.#categories.set(primary, (this.#categories.get(primary) ?? 0) + 1);
      const listed = p.categories;
      if (listed)
        for (let i = 0; i < listed.length; i++) {
          const c = listed[i];
          if (c !== primary && listed.indexOf(c) === i) this.#categories.set(c, (this.#categories.get(c) ?? 0) + 1);
        }
    }
    const year = inCategory && p.published ? Number(p.published.slice(0, 4)) : 0;
    if (year) this.#years.set(year, (this.#years.get(year) ?? 0) + 1);
    return inCategory && inYear;
  }

  result(): Facets {
    return {
      categories: [...this.#categories]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, MAX_CATEGORIES)
        .map(([name, count]) => ({ name, count })),
      years: [...this.#years].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count })),
    };
  }
}

export function facetsOf(papers: Iterable<Paper>, inCategory?: (p: Paper) => boolean, inYear?: (p: Paper) => boolean): Facets {
  const count = new FacetCount(inCategory, inYear);
  for (const p of papers) count.add(p);
  return count.result();
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
