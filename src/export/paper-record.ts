import type { ReadState } from '../api/vocabulary';
import { plainTitle } from '../digest/latex';
import type { Paper } from '../library/types';
import { annotate } from '../library/user-view';
import type { DataContext } from '../shared/context';
import { comparisonsIn, type ComparisonView } from './comparisons';

/** Everything an export says about one paper, gathered once for every format. */
export type ExportPaper = Omit<Paper, 'appearances' | 'arxivId' | 'rev'> & {
  /** The title with its LaTeX flattened (`S$^4$C` → `S4C`): for file names, CSV, keys and Markdown front matter. */
  plainTitle: string;
  /** Every digest the paper appeared in, first import first. */
  digests: { name: string; importedAt: string; position: number }[];
  tags: string[];
  lists: string[];
  status: ReadState;
  starred: boolean;
  /** When the paper entered the library: its first digest's import. */
  createdAt: string;
  readAt: string | null;
  note: string | null;
  /** In the order they stand in the abstract. */
  highlights: { quote: string; comment: string }[];
  /** comparison name → attribute → value */
  attributes: Record<string, Record<string, string>>;
  /**
   * The paper's own arXiv id (base, without version), as its sources gave it. An id merely cited in
   * the abstract is not taken: it is as likely another paper's.
   */
  arxivId: string | null;
};

/** A calendar date in the reader's time zone: what vault tools show as a date property. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The title without LaTeX; the title as written when flattening leaves nothing (a title of braces alone). */
export function plainTitleOf(title: string): string {
  return plainTitle(title) || title.replace(/\s+/g, ' ').trim();
}

/** Where a reader opens the paper: its abstract page, else its DOI. */
export function paperUrl(p: Pick<ExportPaper, 'arxivId' | 'links' | 'doi'>): string | undefined {
  if (p.arxivId) return `https://arxiv.org/abs/${p.arxivId}`;
  return p.links?.abs ?? (p.doi ? `https://doi.org/${p.doi}` : undefined);
}

/**
 * Builds records for papers; comparisons are read once for the whole export. Only saved
 * comparisons give attributes: a draft is being put together and would churn the files.
 */
export function exportRecords(ctx: DataContext, papers: Paper[]): ExportPaper[] {
  const data = ctx.store.data;
  const comparisons = comparisonsIn(data).filter((c) => c.saved);
  return papers.map((p) => record(ctx, p, comparisons));
}

function record(ctx: DataContext, p: Paper, comparisons: ComparisonView[]): ExportPaper {
  // The paper's own fields (its identity) pass through as they are; the reader's data is flattened.
  const {
    appearances: _appearances,
    rev: _rev,
    digests,
    tags,
    lists,
    state,
    starred,
    readAt,
    note,
    highlights,
    hasNote: _hasNote,
    ...paper
  } = annotate(ctx, p);
  const attributes: ExportPaper['attributes'] = {};
  for (const c of comparisons) {
    if (c.paperIds.includes(p.id) && c.attributes[p.id]) attributes[c.name] = c.attributes[p.id];
  }
  return {
    ...paper,
    plainTitle: plainTitleOf(p.title),
    digests: digests.map(({ name, importedAt, position }) => ({ name, importedAt, position })),
    tags: tags.map((t) => t.name),
    lists: lists.map((l) => l.name),
    status: state,
    starred,
    createdAt: digests[0].importedAt,
    readAt,
    note: note?.text ?? null,
    highlights: highlights.map((h) => ({ quote: h.quote.exact, comment: h.comment })),
    attributes,
    arxivId: p.arxivId ?? null,
  };
}
