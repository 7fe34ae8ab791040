import { ApiError } from '../api/contract';
import { type DataContext, newId, requirePapers } from '../shared/context';
import { MAX_COMMENT_CHARS, type HighlightColor } from '../api/vocabulary';
import type { Highlight } from './types';
import { anchor, describeQuote } from './anchor';
import { tombstoneKind } from '../shared/tombstones';

const DELETED = tombstoneKind<Highlight>('highlight');

export interface PlacedHighlight extends Highlight {
  /** Where it stands in the abstract now; null when its quote can no longer be found. */
  range: [number, number] | null;
}

function find(ctx: DataContext, id: string): Highlight {
  for (const list of Object.values(ctx.store.data.highlights)) {
    const h = list.find((x) => x.id === id);
    if (h) return h;
  }
  throw new ApiError('not-found', 'That highlight no longer exists.');
}

export function highlightsOf(ctx: DataContext, paperId: string): PlacedHighlight[] {
  const paper = ctx.corpus.paper(paperId);
  const list = ctx.store.data.highlights[paperId] ?? [];
  return list
    .map((h) => ({ ...h, range: paper ? anchor(paper.abstract, h.quote) : null }))
    .sort((a, b) => (a.range?.[0] ?? Infinity) - (b.range?.[0] ?? Infinity));
}

/** Highlights abstract[start, end) of a paper. */
export function addHighlight(ctx: DataContext, paperId: string, start: number, end: number, color: HighlightColor, comment = ''): Highlight {
  requirePapers(ctx, [paperId]);
  const abstract = ctx.corpus.paper(paperId)!.abstract;
  if (!(start >= 0 && end <= abstract.length && end > start)) throw new ApiError('invalid-argument', 'The selection is not inside the abstract.');
  if (!abstract.slice(start, end).trim()) throw new ApiError('invalid-argument', 'Select some text to highlight.');
  if (comment.length > MAX_COMMENT_CHARS) throw new ApiError('too-large', 'That comment is too long.');
  const now = ctx.now();
  const h: Highlight = { id: newId(), paperId, quote: describeQuote(abstract, start, end), color, comment, createdAt: now, updatedAt: now };
  ctx.store.update((d) => {
    d.highlights[paperId] = [...(d.highlights[paperId] ?? []), h];
  });
  ctx.reindex([paperId]);
  return h;
}

export function updateHighlight(ctx: DataContext, id: string, change: { color?: HighlightColor; comment?: string }): Highlight {
  const h = find(ctx, id);
  if ((change.comment?.length ?? 0) > MAX_COMMENT_CHARS) throw new ApiError('too-large', 'That comment is too long.');
  const next = { ...h, ...change, updatedAt: ctx.now() };
  ctx.store.update((d) => {
    d.highlights[h.paperId] = d.highlights[h.paperId].map((x) => (x.id === id ? next : x));
  });
  ctx.reindex([h.paperId]);
  return next;
}

/** Deletes a highlight; `restoreHighlight` with its id undoes it. */
export function deleteHighlight(ctx: DataContext, id: string): { id: string; paperId: string } {
  const h = find(ctx, id);
  ctx.store.update((d) => {
    const left = d.highlights[h.paperId].filter((x) => x.id !== id);
    if (left.length) d.highlights[h.paperId] = left;
    else delete d.highlights[h.paperId];
  });
  ctx.tombstones.keep(DELETED, id, h);
  ctx.reindex([h.paperId]);
  return { id, paperId: h.paperId };
}

export function restoreHighlight(ctx: DataContext, id: string): void {
  const paperId = ctx.tombstones.restore(DELETED, id, (h) => {
    requirePapers(ctx, [h.paperId]);
    ctx.store.update((d) => {
      const list = d.highlights[h.paperId] ?? [];
      if (!list.some((x) => x.id === h.id)) d.highlights[h.paperId] = [...list, h];
    });
    return h.paperId;
  });
  ctx.reindex([paperId]);
}
