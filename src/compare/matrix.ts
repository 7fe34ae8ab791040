import { ApiError } from '../api/contract';
import { anchor } from '../highlights/anchor';
import { annotate, type UserFields } from '../library/user-view';
import type { Paper } from '../library/types';
import type { TermStats } from '../search/distinctive';
import { highlightRanges, type Range } from '../search/text';
import type { DataContext } from '../shared/context';
import type { HighlightColor } from '../api/vocabulary';
import type { Comparison, ComparisonAttribute } from './types';
import { type Claim, extractClaims } from './claims';
import { compareTerms, type SharedTerm } from './terms';

export interface MatrixCell {
  value: string;
  /** Set when the cell quotes the abstract: where the quote stands now, or null if it is gone. */
  quote: { range: Range | null } | null;
}

/** One column: everything the comparison shows of one paper. */
export interface MatrixColumn extends Partial<UserFields> {
  paperId: string;
  /** The paper is no longer in the library: only its title (as added) and its cells remain. */
  missing: boolean;
  title: string;
  /** Who, when and which: "Ge et al. · 2024 · arXiv:2401.10774", so two papers of one title are told apart. */
  byline: string | null;
  appearances: { digestName: string; position: number; importedAt: string }[];
  /** Its key claims, with where the shared terms stand in each. */
  claims: (Claim & { termRanges: Range[] })[];
  /** The comparison's shared terms that this paper uses. */
  sharedTerms: string[];
  /** Its most distinctive terms that no other compared paper uses. */
  ownTerms: string[];
  abstract: string;
  /** Where the shared terms stand in the abstract. */
  termRanges: Range[];
  highlights: { id: string; exact: string; comment: string; color: HighlightColor }[];
  note: string | null;
  /** attribute id → cell */
  cells: Record<string, MatrixCell>;
}

export interface Matrix {
  id: string;
  name: string;
  saved: boolean;
  updatedAt: string;
  attributes: ComparisonAttribute[];
  sharedTerms: SharedTerm[];
  columns: MatrixColumn[];
}

function cellsOf(c: Comparison, paperId: string, abstract: string | null): Record<string, MatrixCell> {
  const row = c.values[paperId] ?? {};
  const out: Record<string, MatrixCell> = {};
  for (const a of c.attributes) {
    const cell = row[a.id];
    if (!cell) continue;
    out[a.id] = { value: cell.value, quote: cell.quote ? { range: abstract === null ? null : anchor(abstract, cell.quote) } : null };
  }
  return out;
}

function bylineOf(p: Paper): string | null {
  const authors = p.authors ?? [];
  const surname = (name: string) => name.split(/\s+/).at(-1) ?? name;
  const who = authors.length > 2 ? `${surname(authors[0])} et al.` : authors.map(surname).join(' and ');
  const parts = [who, p.published?.slice(0, 4), p.arxivId ? `arXiv:${p.arxivId}` : p.doi];
  return parts.filter(Boolean).join(' · ') || null;
}

function missingColumn(c: Comparison, paperId: string): MatrixColumn {
  return {
    paperId,
    missing: true,
    title: c.titles[paperId] ?? 'Unknown paper',
    byline: null,
    appearances: [],
    claims: [],
    sharedTerms: [],
    ownTerms: [],
    abstract: '',
    termRanges: [],
    highlights: [],
    note: null,
    cells: cellsOf(c, paperId, null),
  };
}

/** Builds the whole comparison view of the renderer: one column per paper, rows aligned. */
export async function buildMatrix(ctx: DataContext, stats: TermStats, id: string): Promise<Matrix> {
  const c = ctx.store.data.comparisons[id];
  if (!c) throw new ApiError('not-found', 'That comparison no longer exists.');
  const present = c.paperIds.map((p) => ctx.corpus.paper(p)).filter((p): p is Paper => Boolean(p));
  const terms = await compareTerms(stats, present);
  const columns = c.paperIds.map((paperId): MatrixColumn => {
    const found = ctx.corpus.paper(paperId);
    if (!found) return missingColumn(c, paperId);
    const paper = annotate(ctx, found);
    const shared = terms.shared.filter((t) => t.paperIds.includes(paperId)).map((t) => t.term);
    const sharedSet = new Set(shared);
    return {
      paperId,
      missing: false,
      title: paper.title,
      byline: bylineOf(found),
      appearances: paper.digests.map((d) => ({ digestName: d.name, position: d.position, importedAt: d.importedAt })),
      state: paper.state,
      starred: paper.starred,
      tags: paper.tags,
      hasNote: paper.hasNote,
      claims: extractClaims(paper.abstract).map((c) => ({ ...c, termRanges: highlightRanges(c.text, sharedSet) })),
      sharedTerms: shared,
      ownTerms: terms.own[paperId] ?? [],
      abstract: paper.abstract,
      termRanges: highlightRanges(paper.abstract, sharedSet),
      highlights: paper.highlights.map((h) => ({ id: h.id, exact: h.quote.exact, comment: h.comment, color: h.color })),
      note: paper.note?.text ?? null,
      cells: cellsOf(c, paperId, paper.abstract),
    };
  });
  return { id: c.id, name: c.name, saved: c.saved, updatedAt: c.updatedAt, attributes: c.attributes, sharedTerms: terms.shared, columns };
}
