import { titleKey } from '../digest/identity';
import type { DigestEntry } from '../digest/types';
import { newPaperId, resolve, type IdentityLookup, type PaperLike } from './merge';
import type { Paper, StoredEntry } from './types';

/**
 * The corpus's lookups by arXiv id, DOI and title (its `titleKey`), kept as papers are added. The title
 * lookup is built on first use (the first import), not at every start: normalising 100,000 titles
 * would delay the first list.
 */
export class IdentityIndex implements IdentityLookup {
  readonly #arxiv = new Map<string, string>();
  readonly #doi = new Map<string, string>();
  #title: TitleIds | undefined;

  readonly #paper: (id: string) => Paper | undefined;
  readonly #all: () => Iterable<Paper>;

  constructor(paper: (id: string) => Paper | undefined, all: () => Iterable<Paper>) {
    this.#paper = paper;
    this.#all = all;
  }

  note(p: Paper): void {
    if (p.arxivId && !this.#arxiv.has(p.arxivId)) this.#arxiv.set(p.arxivId, p.id);
    if (p.doi && !this.#doi.has(p.doi)) this.#doi.set(p.doi, p.id);
    this.#title?.add(p);
  }

  byArxiv = (id: string) => this.#arxiv.get(id);
  byDoi = (doi: string) => this.#doi.get(doi);
  paper = (id: string) => this.#paper(id);
  /** Builds the title lookup ahead of an import, a slice at a time (100,000 titles take a fraction of a second). */
  async prepare(pause: () => Promise<unknown>): Promise<void> {
    if (this.#title) return;
    const titles = new TitleIds();
    const papers = [...this.#all()];
    for (let i = 0; i < papers.length; i += SLICE * 4) {
      if (i > 0) await pause();
      for (const p of papers.slice(i, i + SLICE * 4)) titles.add(p);
    }
    // No paper is added meanwhile: imports run one at a time (Library.import), and this is their first step.
    this.#title ??= titles;
  }

  *byTitle(key: string): Iterable<PaperLike> {
    if (!this.#title) {
      this.#title = new TitleIds();
      for (const p of this.#all()) this.#title.add(p);
    }
    for (const id of this.#title.get(key)) {
      const p = this.#paper(id);
      // Another title whose hash met this one's, or the paper's title before a newer version.
      if (p && titleKey(p.title) === key) yield p;
    }
  }
}

function addTitle(titles: Map<string, Set<string>>, p: Pick<Paper, 'id' | 'title'>) {
  const key = titleKey(p.title);
  titles.set(key, (titles.get(key) ?? new Set()).add(p.id));
}

/**
 * The library's papers by title key, each key kept as a 53-bit hash and one id as a plain string:
 * the keys themselves (normalised titles) and a Set per title held 70 MB of the main thread's heap
 * at 100,000 papers, from the first import on. The ids under a hash are candidates: `byTitle`
 * keeps those whose title has the key (two hashes meet about once in 10^10 lookups at a million
 * papers).
 */
export class TitleIds {
  readonly #ids = new Map<number, string | string[]>();

  add(p: Pick<Paper, 'id' | 'title'>): void {
    const hash = titleKeyHash(p.title);
    const ids = this.#ids.get(hash);
    if (ids === undefined) this.#ids.set(hash, p.id);
    else if (typeof ids === 'string') {
      if (ids !== p.id) this.#ids.set(hash, [ids, p.id]);
    } else if (!ids.includes(p.id)) ids.push(p.id);
  }

  get(key: string): readonly string[] {
    const ids = this.#ids.get(titleHash(key));
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
  }
}

/** Two 32-bit FNV-1a hashes of `key` (offset bases apart) joined into a 53-bit number, exact in a double. */
export const titleHash = (key: string): number => fnv(key, false);

/** A title that `titleKey` folds by more than case and dropping what is not a letter or a digit. */
const FOLDED_OTHERWISE = /[\\$]|\P{ASCII}/u;

/**
 * `titleHash(titleKey(title))`, without making the key of a plain ASCII title: the first import
 * after a start keys every title of the library, and the keys' copies were 80 MB of garbage at
 * 100,000 papers.
 */
export function titleKeyHash(title: string): number {
  return FOLDED_OTHERWISE.test(title) ? fnv(titleKey(title), false) : fnv(title, true);
}

/** The hash of `text`, or with `fold` of its ASCII letters lower-cased and digits, as `titleKey` keeps them. */
function fnv(text: string, fold: boolean): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (fold) {
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    }
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * Resolves a digest's entries to papers before anything is written: against the library, and
 * against the entries before it in the same digest (a listing can name a paper twice, or give
 * one an id that an earlier entry lacked). The library itself is not touched.
 */
export function resolveEntries(entries: DigestEntry[], library: IdentityLookup): StoredEntry[] {
  const resolver = entryResolver(library);
  return entries.map(resolver);
}

/** `resolveEntries` a slice at a time, letting the thread answer requests between slices. */
export async function resolveEntriesInSlices(entries: DigestEntry[], library: IdentityLookup, pause: () => Promise<unknown>): Promise<StoredEntry[]> {
  const resolver = entryResolver(library);
  const resolved: StoredEntry[] = [];
  for (let i = 0; i < entries.length; i += SLICE) {
    if (i > 0) await pause();
    for (const entry of entries.slice(i, i + SLICE)) resolved.push(resolver(entry));
  }
  return resolved;
}

/** Entries resolved (or added, or written) per slice: some 10 ms of work at most. */
export const SLICE = 200;

/** Resolves entries one after another, each against the library and the entries before it. */
function entryResolver(library: IdentityLookup): (entry: DigestEntry) => StoredEntry {
  /** Papers first seen in this digest, and ids that library papers gained from it. */
  const fresh = new Map<string, PaperLike>();
  const gained = new Map<string, Pick<PaperLike, 'arxivId' | 'doi'>>();
  const arxiv = new Map<string, string>();
  const doi = new Map<string, string>();
  const titles = new Map<string, Set<string>>();
  const view = (p: PaperLike | undefined) => p && { ...gained.get(p.id), ...p, abstract: p.abstract }; // a spread leaves a stored abstract out
  const lookup: IdentityLookup = {
    byArxiv: (id) => arxiv.get(id) ?? library.byArxiv(id),
    byDoi: (d) => doi.get(d) ?? library.byDoi(d),
    paper: (id) => fresh.get(id) ?? view(library.paper(id)),
    *byTitle(key) {
      for (const p of library.byTitle(key)) yield view(p)!;
      for (const id of titles.get(key) ?? []) yield fresh.get(id)!;
    },
  };
  return ({ line: _line, ...entry }) => {
    const ids = resolve(entry, lookup);
    const id = ids[0] ?? newPaperId(entry);
    const ownIds = { arxivId: entry.arxivId, doi: entry.doi };
    const paper = fresh.get(id);
    if (paper) {
      // What the paper will gain (mergeInto) counts for the entries after this one, as it would in a later file.
      paper.arxivId ??= ownIds.arxivId;
      paper.doi ??= ownIds.doi;
      paper.authors ??= entry.authors;
      paper.published ??= entry.published;
      if (!paper.abstract.trim()) paper.abstract = entry.abstract;
    } else if (ids.length) gained.set(id, { ...stripUndefined(ownIds), ...stripUndefined(gained.get(id)) });
    else {
      fresh.set(id, { id, title: entry.title, abstract: entry.abstract, ...stripUndefined({ ...ownIds, authors: entry.authors, published: entry.published }) });
      addTitle(titles, { id, title: entry.title });
    }
    if (entry.arxivId && !lookup.byArxiv(entry.arxivId)) arxiv.set(entry.arxivId, id);
    if (entry.doi && !lookup.byDoi(entry.doi)) doi.set(entry.doi, id);
    return ids.length > 1 ? { ...entry, id, also: ids.slice(1) } : { ...entry, id };
  };
}

const stripUndefined = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
