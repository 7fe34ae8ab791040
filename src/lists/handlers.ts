import { z } from 'zod';
import { handler } from '../api/contract';
import { id, ids, name } from '../api/schemas';
import type { DataContext } from '../shared/context';
import { addToList, createList, deleteList, listLists, moveInList, removeFromList, renameList, reorderList, restoreList } from './lists';

export function listHandlers(ctx: DataContext) {
  return {
    'lists.list': handler(z.object({}), () => listLists(ctx)),
    'lists.create': handler(z.object({ name }), (a) => createList(ctx, a.name)),
    'lists.rename': handler(z.object({ id, name }), (a) => renameList(ctx, a.id, a.name)),
    'lists.delete': handler(z.object({ id }), (a) => deleteList(ctx, a.id)),
    'lists.restore': handler(z.object({ id }), (a) => restoreList(ctx, a.id)),
    'lists.add': handler(z.object({ id, paperIds: ids }), (a) => ({ added: addToList(ctx, a.id, a.paperIds) })),
    'lists.remove': handler(z.object({ id, paperIds: ids }), (a) => removeFromList(ctx, a.id, a.paperIds)),
    'lists.reorder': handler(z.object({ id, paperIds: z.array(id).max(100_000) }), (a) => reorderList(ctx, a.id, a.paperIds)),
    'lists.move': handler(z.object({ id, paperId: id, to: z.number().int().min(0) }), (a) => moveInList(ctx, a.id, a.paperId, a.to)),
  };
}
