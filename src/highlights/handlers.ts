import { z } from 'zod';
import { handler } from '../api/contract';
import { id } from '../api/schemas';
import type { DataContext } from '../shared/context';
import { HIGHLIGHT_COLORS, MAX_COMMENT_CHARS } from '../api/vocabulary';
import { addHighlight, deleteHighlight, highlightsOf, restoreHighlight, updateHighlight } from './highlights';

const color = z.enum(HIGHLIGHT_COLORS);
const offset = z.number().int().min(0);

const comment = z.string().max(MAX_COMMENT_CHARS, 'That comment is too long.');

export function highlightHandlers(ctx: DataContext) {
  return {
    'highlights.list': handler(z.object({ paperId: id }), (a) => highlightsOf(ctx, a.paperId)),
    'highlights.add': handler(z.object({ paperId: id, start: offset, end: offset, color, comment: comment.optional() }), (a) =>
      addHighlight(ctx, a.paperId, a.start, a.end, a.color, a.comment),
    ),
    'highlights.update': handler(z.object({ id, color: color.optional(), comment: comment.optional() }), (a) =>
      updateHighlight(ctx, a.id, { color: a.color, comment: a.comment }),
    ),
    'highlights.delete': handler(z.object({ id }), (a) => deleteHighlight(ctx, a.id)),
    'highlights.restore': handler(z.object({ id }), (a) => restoreHighlight(ctx, a.id)),
  };
}
