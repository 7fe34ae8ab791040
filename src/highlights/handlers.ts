import { z } from 'zod';
import { handler } from '../api/contract';
import { id } from '../api/schemas';
import type { DataContext } from '../shared/context';
import { HIGHLIGHT_COLORS } from '../api/vocabulary';
import { addHighlight, deleteHighlight, highlightsOf, restoreHighlight, updateHighlight } from './highlights';

const color = z.enum(HIGHLIGHT_COLORS);
const offset = z.number().int().min(0);

const highlightSchema = z.object({
  id,
  paperId: id,
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string(), start: offset, end: offset }),
  color,
  comment: z.string(),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
});

export function highlightHandlers(ctx: DataContext) {
  return {
    'highlights.list': handler(z.object({ paperId: id }), (a) => highlightsOf(ctx, a.paperId)),
    'highlights.add': handler(z.object({ paperId: id, start: offset, end: offset, color, comment: z.string().optional() }), (a) =>
      addHighlight(ctx, a.paperId, a.start, a.end, a.color, a.comment),
    ),
    'highlights.update': handler(z.object({ id, color: color.optional(), comment: z.string().optional() }), (a) =>
      updateHighlight(ctx, a.id, { color: a.color, comment: a.comment }),
    ),
    'highlights.delete': handler(z.object({ id }), (a) => deleteHighlight(ctx, a.id)),
    'highlights.restore': handler(z.object({ highlight: highlightSchema }), (a) => restoreHighlight(ctx, a.highlight)),
  };
}
