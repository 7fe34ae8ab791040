import { z } from 'zod';
import { ApiError } from '../api/contract';
import { id } from '../api/schemas';
import type { Paper } from '../library/types';
import type { DataContext } from '../shared/context';
import { SCOPE_KINDS } from '../api/vocabulary';
import { comparisonsIn } from './comparisons';
import { plainTitleOf } from './paper-record';

export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** What to export. `ids` are papers for 'paper'/'selection', else the one list, tag, digest or comparison. */
export const scopeSchema = z.object({ kind: z.enum(SCOPE_KINDS), ids: z.array(id).max(100_000).optional() });
export type ExportScope = z.infer<typeof scopeSchema>;

/** A named group of papers that gets an index file linking to them. */
export interface Collection {
  kind: 'list' | 'tag' | 'digest' | 'comparison';
  id: string;
  name: string;
}

export interface ResolvedScope {
  papers: Paper[];
  collection: Collection | null;
  /** A name for the export as a whole (the zip, the .bib, the .csv). */
  name: string;
}

const KIND_LABEL: Record<Collection['kind'], string> = { list: 'Reading list', tag: 'Tag', digest: 'Digest', comparison: 'Comparison' };
export const collectionTitle = (c: Collection) => `${KIND_LABEL[c.kind]} - ${c.name}`;

function oneId(scope: ExportScope): string {
  if (scope.ids?.length !== 1) throw new ApiError('invalid-argument', `An export of a ${scope.kind} needs exactly one ${scope.kind} id.`);
  return scope.ids[0];
}

function papersOf(ctx: DataContext, ids: string[]): Paper[] {
  return [...new Set(ids)].map((p) => ctx.corpus.paper(p)).filter((p): p is Paper => Boolean(p));
}

function collectionPapers(ctx: DataContext, kind: Collection['kind'], cid: string): { name: string; papers: Paper[] } {
  const data = ctx.store.data;
  const notFound = (what: string) => new ApiError('not-found', `That ${what} is not in the library.`);
  if (kind === 'list') {
    const list = data.lists[cid];
    if (!list) throw notFound('reading list');
    return { name: list.name, papers: papersOf(ctx, list.paperIds) };
  }
  if (kind === 'tag') {
    const tag = data.tags[cid];
    if (!tag) throw notFound('tag');
    return { name: tag.name, papers: [...ctx.corpus.papers].filter((p) => data.paperTags[p.id]?.includes(cid)) };
  }
  if (kind === 'digest') {
    const digest = ctx.corpus.digest(cid);
    if (!digest) throw notFound('digest');
    const at = (p: Paper) => p.appearances.find((a) => a.digestId === cid)?.position ?? 0;
    return { name: digest.name, papers: [...ctx.corpus.papers].filter((p) => at(p) > 0).sort((a, b) => at(a) - at(b)) };
  }
  const comparison = comparisonsIn(data).find((c) => c.id === cid);
  if (!comparison) throw notFound('comparison');
  return { name: comparison.name, papers: papersOf(ctx, comparison.paperIds) };
}

/** The papers of a scope, in the order the reader sees them there. */
export function resolveScope(ctx: DataContext, scope: ExportScope): ResolvedScope {
  let resolved: ResolvedScope;
  if (scope.kind === 'library') resolved = { papers: [...ctx.corpus.papers], collection: null, name: 'Library' };
  else if (scope.kind === 'paper' || scope.kind === 'selection') {
    const ids = scope.kind === 'paper' ? [oneId(scope)] : (scope.ids ?? []);
    const papers = papersOf(ctx, ids);
    if (papers.length < ids.length)
      throw new ApiError('not-found', `${ids.length - papers.length === 1 ? 'A paper is' : `${ids.length - papers.length} papers are`} not in the library.`);
    resolved = { papers, collection: null, name: scope.kind === 'paper' && papers[0] ? plainTitleOf(papers[0].title) : `Selection of ${papers.length}` };
  } else {
    const cid = oneId(scope);
    const { name, papers } = collectionPapers(ctx, scope.kind, cid);
    const collection: Collection = { kind: scope.kind, id: cid, name };
    resolved = { papers, collection, name: collectionTitle(collection) };
  }
  if (resolved.papers.length === 0)
    throw new ApiError(
      'nothing-to-export',
      `Nothing to export: ${resolved.collection ? `“${resolved.collection.name}” has no papers` : 'no papers were chosen'}.`,
    );
  return resolved;
}
