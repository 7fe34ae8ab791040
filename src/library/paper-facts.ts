import type { Paper, PaperFacts, VersionSeen } from './types';

/** What the reader pane shows of a paper's identity: every fact a source gave, and its versions. */
export type Identity = PaperFacts & { versions?: VersionSeen[] };

/** How many authors a list row carries; the reader has them all. */
export const ROW_AUTHORS = 3;

export function identityOf(p: Paper): Identity {
  const { id: _id, title: _t, abstract: _a, appearances: _ap, rev: _r, ...facts } = p;
  return facts;
}

/** The little a list row shows: a few authors, the date, the id and primary category, the upvotes. */
export function rowFacts(p: Paper) {
  return {
    authors: p.authors?.slice(0, ROW_AUTHORS) ?? [],
    authorCount: p.authors?.length ?? 0,
    published: p.published?.slice(0, 10) ?? null,
    arxivId: p.arxivId ?? null,
    category: p.primaryCategory ?? p.categories?.[0] ?? null,
    upvotes: p.upvotes ?? null,
  };
}

/** A name as compared for "their papers": accents, case, spacing and dots do not matter. */
export const authorKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Filters on what sources said: an author, a category (or a branch such as `cs.`), a year. */
export interface FactFilter {
  author?: string | null;
  category?: string | null;
  year?: number | null;
}

export function factFilter(f: FactFilter): ((p: Paper) => boolean) | undefined {
  const tests: ((p: Paper) => boolean)[] = [];
  if (f.author) {
    const key = authorKey(f.author);
    tests.push((p) => p.authors?.some((a) => authorKey(a) === key) ?? false);
  }
  if (f.category) {
    const cat = f.category.toLowerCase();
    const within = cat.endsWith('.') ? (c: string) => c.toLowerCase().startsWith(cat) : (c: string) => c.toLowerCase() === cat;
    tests.push((p) => (p.primaryCategory !== undefined && within(p.primaryCategory)) || (p.categories?.some(within) ?? false));
  }
  if (f.year) {
    const year = String(f.year);
    tests.push((p) => (p.published ?? '').startsWith(year));
  }
  return tests.length ? (p) => tests.every((t) => t(p)) : undefined;
}

/** One test from several, any of which may be absent. */
export function allOf<T>(tests: (((x: T) => boolean) | undefined)[]): ((x: T) => boolean) | undefined {
  const present = tests.filter((t): t is (x: T) => boolean => Boolean(t));
  if (present.length <= 1) return present[0];
  return (x) => present.every((t) => t(x));
}

/** Where a paper stands in a digest (0 if it is not in it). */
export function positionIn(p: Paper, digestId: string): number {
  return p.appearances.find((a) => a.digestId === digestId)?.position ?? 0;
}
