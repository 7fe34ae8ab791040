import { z } from 'zod';
import { handler } from '../api/contract';
import { id, name } from '../api/schemas';
import { MAX_CELL_CHARS } from '../api/vocabulary';
import type { TermStats } from '../search/distinctive';
import type { DataContext } from '../shared/context';
import {
  addAttribute,
  addPapers,
  attributeNames,
  createComparison,
  deleteComparison,
  listComparisons,
  moveAttribute,
  movePaper,
  quoteCell,
  removeAttribute,
  removePaper,
  renameAttribute,
  renameComparison,
  reorderPapers,
  restoreAttribute,
  restoreComparison,
  setCell,
} from './comparisons';
import { comparisonMarkdown } from './markdown';
import { buildMatrix } from './matrix';

const offset = z.number().int().min(0);
// Up to 100 papers here: the limit of six is the service's to explain, not a schema error.
const paperIds = z.array(id).min(1).max(100);

/** The comparisons part of the contract. */
export function compareHandlers(ctx: DataContext, stats: TermStats) {
  return {
    'compare.list': handler(z.object({}), () => listComparisons(ctx)),
    'compare.get': handler(z.object({ id }), (a) => buildMatrix(ctx, stats, a.id)),
    'compare.create': handler(z.object({ paperIds, name: name.optional() }), (a) => ({ id: createComparison(ctx, a.paperIds, a.name).id })),
    'compare.rename': handler(z.object({ id, name }), (a) => renameComparison(ctx, a.id, a.name)),
    'compare.delete': handler(z.object({ id }), (a) => deleteComparison(ctx, a.id)),
    'compare.restore': handler(z.object({ id }), (a) => restoreComparison(ctx, a.id)),
    'compare.addPapers': handler(z.object({ id, paperIds }), (a) => addPapers(ctx, a.id, a.paperIds)),
    'compare.removePaper': handler(z.object({ id, paperId: id }), (a) => removePaper(ctx, a.id, a.paperId)),
    'compare.reorder': handler(z.object({ id, paperIds }), (a) => reorderPapers(ctx, a.id, a.paperIds)),
    'compare.movePaper': handler(z.object({ id, paperId: id, to: offset }), (a) => movePaper(ctx, a.id, a.paperId, a.to)),
    'compare.addAttribute': handler(z.object({ id, name }), (a) => addAttribute(ctx, a.id, a.name)),
    'compare.renameAttribute': handler(z.object({ id, attributeId: id, name }), (a) => renameAttribute(ctx, a.id, a.attributeId, a.name)),
    'compare.removeAttribute': handler(z.object({ id, attributeId: id }), (a) => removeAttribute(ctx, a.id, a.attributeId)),
    'compare.restoreAttribute': handler(z.object({ id, attributeId: id }), (a) => restoreAttribute(ctx, a.id, a.attributeId)),
    'compare.moveAttribute': handler(z.object({ id, attributeId: id, to: offset }), (a) => moveAttribute(ctx, a.id, a.attributeId, a.to)),
    'compare.setCell': handler(
      z.object({
        id,
        paperId: id,
        attributeId: id,
        value: z.string().max(MAX_CELL_CHARS, `A cell can hold at most ${MAX_CELL_CHARS.toLocaleString('en')} characters.`),
      }),
      (a) => setCell(ctx, a.id, a.paperId, a.attributeId, a.value),
    ),
    'compare.quoteCell': handler(z.object({ id, paperId: id, attributeId: id, start: offset, end: offset }), (a) =>
      quoteCell(ctx, a.id, a.paperId, a.attributeId, a.start, a.end),
    ),
    'compare.attributeNames': handler(z.object({}), () => attributeNames(ctx)),
    'compare.markdown': handler(z.object({ id }), async (a) => ({ markdown: comparisonMarkdown(await buildMatrix(ctx, stats, a.id)) })),
  };
}
