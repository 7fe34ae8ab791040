import { createHash } from 'node:crypto';
import { paperId as textId, titleKey } from '../digest/identity';
import type { DigestEntry } from '../digest/types';
import { StoredPaper, type CorpusPaper } from './stored-paper';
import type { Paper, PaperFacts, StoredEntry } from './types';

/**
 * Paper identity across sources. An entry joins the paper that has its arXiv id, else its DOI,
 * else a paper whose title and abstract say it is the same work and whose ids do not contradict
 * it (where one has no abstract, the only paper of that title whose first author and year agree).
 * These rules live here, and only here; the corpus applies them at import and replays their
 * outcome at load.
 */

/**
 * The version of what replaying digests makes of them (paperFrom, mergeInto): bump it when a change
 * here would make other papers from the same digests, so saved corpora are made again.
 */
export const RULES_VERSION = 1;

/** The lookups resolution needs, over the library and the digest being imported. */
export interface IdentityLookup {
  byArxiv(arxivId: string): string | undefined;
  byDoi(doi: string): string | undefined;
  /** Papers whose `titleKey` is this one. */
  byTitle(key: string): Iterable<PaperLike>;
  paper(id: string): PaperLike | undefined;
}

export type PaperLike = Pick<Paper, 'id' | 'title' | 'abstract' | 'arxivId' | 'doi' | 'authors' | 'published'>;

/**
 * A new paper's id: stable for arXiv papers and DOIs, the text's hash otherwise (as before identity).
 * A reference without an abstract is told by its first author and year beside its title: two
 * papers called "Introduction" are two.
 */
export function newPaperId(e: Pick<DigestEntry, 'title' | 'abstract' | 'arxivId' | 'doi' | 'authors' | 'published'>): string {
  if (e.arxivId) return `arxiv-${e.arxivId.replace(/[^\w-]/g, '-')}`;
  if (e.doi) return `doi-${createHash('sha256').update(e.doi).digest('hex').slice(0, 16)}`;
  return textId(e.title, e.abstract.trim() ? e.abstract : `by ${surname(e.authors) ?? ''} in ${e.published?.slice(0, 4) ?? ''}`);
}

/**
 * The first author's last name, folded: "A. Vaswani", "Ashish Vaswani", "Martin King, Jr." and
 * "Martin King Jr" alike, O'Neil and O’Neil alike.
 */
function surname(authors: string[] | undefined): string | undefined {
  const words = authors?.[0]
    ?.split(',')[0]
    .split(/\s+/)
    .filter((w) => w && !/^(jr|sr|ii|iii|iv)\.?$/i.test(w)); // suffixes, not a surname such as Xi
  return (
    words
      ?.at(-1)
      ?.normalize('NFKD')
      .replace(/[^\p{L}\p{N}]/gu, '')
      .toLowerCase() || undefined
  );
}

/**
 * Whether what both say of who and when differs: then one title names two works. A year apart is
 * one work (a preprint, then its conference).
 */
const differ = (a: Pick<PaperLike, 'authors' | 'published'>, b: Pick<PaperLike, 'authors' | 'published'>) => {
  const [sa, sb] = [surname(a.authors), surname(b.authors)];
  const [ya, yb] = [Number(a.published?.slice(0, 4)), Number(b.published?.slice(0, 4))];
  return Boolean((sa && sb && sa !== sb) || (ya && yb && Math.abs(ya - yb) > 1));
};

const words = (text: string) =>
  new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

/**
 * Whether two abstracts are one paper's: the same words (sources wrap, space and escape them
 * differently), one cut short of the other, or most words shared (a revised version). An empty
 * abstract says nothing against.
 */
export function sameAbstract(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return true;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size) >= 0.9 || shared / (wa.size + wb.size - shared) >= 0.6;
}

/** Two ids of one kind that differ: the papers are different, however alike their text. */
const contradicts = (a: PaperLike, e: Pick<DigestEntry, 'arxivId' | 'doi'>) =>
  Boolean((a.arxivId && e.arxivId && a.arxivId !== e.arxivId) || (a.doi && e.doi && a.doi !== e.doi));

/**
 * The papers an entry belongs to: one (it is that paper), several (an entry without ids whose
 * text matches several papers, such as two arXiv papers with one title and abstract), or none (a
 * new paper).
 */
export function resolve(e: Omit<DigestEntry, 'line'>, lookup: IdentityLookup): string[] {
  const byArxiv = e.arxivId && lookup.byArxiv(e.arxivId);
  if (byArxiv) return [byArxiv];
  // One DOI for two arXiv ids (a journal reprint of two preprints?) leaves them two papers.
  const byDoi = e.doi && lookup.byDoi(e.doi);
  if (byDoi && !contradicts(lookup.paper(byDoi)!, e)) return [byDoi];
  const alike = [...lookup.byTitle(titleKey(e.title))].filter((p) => !contradicts(p, e) && sameAbstract(p.abstract, e.abstract));
  if (alike.length === 0) return [];
  if (e.arxivId || e.doi) {
    // An entry with an id gives it to one paper without ids, never to several; where either has no
    // abstract to compare, only to one whose first author and year agree.
    const bare = alike.filter((p) => !(e.arxivId ? p.arxivId : p.doi) && ((p.abstract.trim() && e.abstract.trim()) || !differ(p, e)));
    return bare.length === 1 ? [bare[0].id] : [];
  }
  // Two abstracts that agree say one work (or several of one text, as arXiv has). Where one side has
  // none (a reference), the title must meet one paper only, whose first author and year do not differ.
  const texts = alike.filter((p) => p.abstract.trim() && e.abstract.trim());
  if (texts.length) return texts.map((p) => p.id);
  const fits = alike.filter((p) => !differ(p, e));
  return fits.length === 1 ? [fits[0].id] : [];
}

/** A paper first seen in this entry. */
export function paperFrom(id: string, e: StoredEntry, date: string | undefined): CorpusPaper {
  const { id: _id, also: _also, announceType: _type, abstract, ...facts } = e;
  const paper: CorpusPaper = Object.assign(new StoredPaper(abstract), facts, { id, appearances: [], rev: 0 });
  if (e.arxivId) paper.versions = [{ version: e.arxivVersion ?? 1, date: versionDate(e, date) }];
  return paper;
}

const versionDate = (e: StoredEntry, importedAt: string | undefined) =>
  (e.arxivVersion ?? 1) > 1 ? (e.updated ?? importedAt) : (e.published ?? e.updated ?? importedAt);

const LIST_FIELDS = ['authors', 'categories', 'keywords'] as const;
const SCALAR_FIELDS = ['arxivId', 'doi', 'published', 'primaryCategory', 'comment', 'journalRef'] as const;
const INDEXED = (p: Pick<Paper, 'title' | 'abstract' | 'authors'>) => `${p.title}\u0000${p.abstract}\u0000${p.authors?.join('\u0001') ?? ''}`;

/**
 * Adds what an entry says to the paper it joins. A newer arXiv version replaces the title and
 * abstract (the reader's notes, tags and highlights stay: they belong to the paper); otherwise
 * the first text seen stays, so highlights keep their place. Facts fill gaps and never erase;
 * counts that change over time (upvotes) and the newest dates take the later source's value.
 * Returns whether the title or abstract changed.
 */
export function mergeInto(paper: Paper, e: StoredEntry, importedAt: string | undefined): { textChanged: boolean } {
  const before = INDEXED(paper);
  const version = e.arxivVersion ?? (e.arxivId ? 1 : 0);
  const known = paper.arxivVersion ?? (paper.arxivId ? 1 : 0);
  let textChanged = false;
  const newer = Boolean(e.arxivId) && version > known && known > 0;
  if (newer && e.title.trim() && e.abstract.trim()) {
    textChanged = paper.title !== e.title || paper.abstract !== e.abstract;
    paper.title = e.title;
    if (paper.abstract !== e.abstract) paper.abstract = e.abstract; // an unchanged text stays where it is stored
  }
  if (e.arxivId && version > 0) {
    const versions = (paper.versions ??= []);
    if (!versions.some((v) => v.version === version)) {
      versions.push({ version, date: versionDate(e, importedAt) });
      versions.sort((a, b) => a.version - b.version);
    }
    if (version > known) paper.arxivVersion = e.arxivVersion ?? paper.arxivVersion;
  }
  if (!paper.abstract.trim() && e.abstract.trim()) paper.abstract = e.abstract;
  for (const key of SCALAR_FIELDS) if (paper[key] === undefined && e[key] !== undefined) (paper as PaperFacts)[key] = e[key] as never;
  for (const key of LIST_FIELDS) {
    const incoming = e[key];
    if (!incoming?.length) continue;
    if (key === 'authors') paper.authors ??= [...incoming];
    else paper[key] = [...new Set([...(paper[key] ?? []), ...incoming])];
  }
  if (e.updated && (!paper.updated || e.updated > paper.updated)) paper.updated = e.updated;
  if (e.upvotes !== undefined) paper.upvotes = e.upvotes;
  // The newest version's links (its abs and pdf URLs may name the version); else fill gaps only.
  if (e.links) paper.links = newer ? { ...paper.links, ...e.links } : { ...e.links, ...paper.links };
  if (INDEXED(paper) !== before) paper.rev++;
  return { textChanged };
}
