/** The list page's contract: what a query asks, and the rows, pages and paper views it answers (library.ts). */
import type { Range, Snippet } from '../search/text';
import type { InterestReport } from '../smart/rules';
import type { FactFilter, Identity, rowFacts } from './paper-facts';
import type { Facets } from './facets';
import type { Paper } from './types';
import type { UserFields, UserFilter } from './user-view';

/** 'date' is when imported, 'published' when the paper came out; 'list' is a reading list's own order; 'best': "Best for you". */
export type SortOrder = 'digest' | 'date' | 'published' | 'title' | 'list' | 'best';

export interface PaperQuery extends UserFilter, FactFilter {
  q?: string;
  digestId?: string | null;
  sort?: SortOrder;
  offset?: number;
  limit?: number;
  /** Only these papers (a smart list's), decided by the caller; `key` names the set (it changes when the set does). */
  within?: { key: string; ids: ReadonlySet<string> };
  /** With sort 'best': rank by this tag's model instead of the reader's overall interests. */
  bestFor?: string | null;
  /** Also count the categories and years of the papers in view, for the filters beside the list. */
  facets?: boolean;
  /** Also say whether this paper is in the list (the paper open in the reader, when the view changes). */
  locate?: string;
}

/** "Best for you" as the library uses it: papers best first, or null while there is no model (the order stays). */
export type BestOrder = (papers: readonly Paper[], tagId?: string | null) => Paper[] | null;

/** What an import learns from the reader's interests (smart lists and their rules), put on its report. */
export type ImportHook = (imported: { papers: Paper[]; newIds: ReadonlySet<string> }) => InterestReport;

export interface PaperRow extends UserFields, ReturnType<typeof rowFacts> {
  id: string;
  title: string;
  titleRanges: Range[];
  snippet: Snippet;
  digests: { id: string; name: string }[];
  importedAt: string;
  /** Why "Best for you" puts it here ("shares kv cache with 3 papers you starred"); null in other orders. */
  reason: string | null;
}

/** A page of the list. A search ranks at most `RANKED` papers; `matched` says how many match. */
export interface PaperPage {
  /** Rows that can be paged through. */
  total: number;
  matched: number;
  items: PaperRow[];
  searched: boolean;
  /** While the index is being loaded or built, a search answers this instead of results. */
  indexing: { done: number; total: number } | null;
  /** When asked: the categories and years of the papers in view (facets.ts). */
  facets?: Facets;
  /** When asked (`locate`): whether that paper is in the list, on any page. */
  located?: boolean;
}

export interface PaperView extends Identity {
  id: string;
  title: string;
  plainTitle: string;
  abstract: string;
  titleRanges: Range[];
  abstractRanges: Range[];
  appearances: { digestId: string; digestName: string; position: number; importedAt: string }[];
}
