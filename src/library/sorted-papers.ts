import type { Corpus } from './corpus';
import type { Paper } from './types';

/** The orders a list is kept in ('list' and 'best' are ordered elsewhere, from the digest's order). */
export type StoredOrder = 'digest' | 'date' | 'published' | 'title';

const TITLE_ORDER = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * The corpus's papers in each sort order asked for, made once and kept: new papers are put in
 * place, since sorting 100,000 again takes seconds.
 */
export class SortedPapers {
  readonly #lists = new Map<StoredOrder, Paper[]>();
  /** Lists made while a digest's papers were coming in: they hold some of them already. */
  readonly #partial = new Set<StoredOrder>();

  constructor(private readonly corpus: Corpus) {}

  get(sort: StoredOrder): Paper[] {
    let list = this.#lists.get(sort);
    if (!list) {
      list = [...this.corpus.papers];
      const order = this.#order(sort);
      if (order) list.sort(order);
      this.#lists.set(sort, list);
      if (this.corpus.importing) this.#partial.add(sort);
    }
    return list;
  }

  /** Puts newly imported papers into the lists already made (a list made during the import is made again). */
  insert(papers: Paper[]): void {
    for (const sort of this.#partial) this.#lists.delete(sort);
    this.#partial.clear();
    for (const [sort, list] of this.#lists) {
      const order = this.#order(sort);
      if (!order)
        list.push(...papers); // first-appearance order: new papers come last
      else for (const p of papers) list.splice(insertionPoint(list, p, order), 0, p);
    }
  }

  /** Forgets every list (a paper's text changed, so its place may have). */
  clear(): void {
    this.#lists.clear();
    this.#partial.clear();
  }

  /** How a sort order compares papers; undefined for insertion order, which is first-appearance order. */
  #order(sort: StoredOrder): ((a: Paper, b: Paper) => number) | undefined {
    const first = (p: Paper) => this.corpus.digest(p.appearances[0].digestId)!.importedAt;
    if (sort === 'title') return (a, b) => TITLE_ORDER.compare(a.title, b.title);
    // Newest first; papers no source dated come last, in the order they came.
    if (sort === 'published') return (a, b) => (b.published ?? '').localeCompare(a.published ?? '');
    if (sort === 'date') return (a, b) => (first(a) === first(b) ? a.appearances[0].position - b.appearances[0].position : first(a) < first(b) ? 1 : -1);
    return undefined;
  }
}

/** Where `item` goes in the sorted `list`: after its equals, by binary search. */
function insertionPoint<T>(list: T[], item: T, order: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid], item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
