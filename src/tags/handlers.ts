import { z } from 'zod';
import { handler } from '../api/contract';
import { id, ids, name } from '../api/schemas';
import type { DataContext } from '../shared/context';
import { TAG_COLORS } from '../api/vocabulary';
import { deleteTag, listTags, mergeTags, renameTag, restoreTag, setTagColor, tagPapers, untagPapers } from './tags';

export function tagHandlers(ctx: DataContext) {
  return {
    'tags.list': handler(z.object({}), () => listTags(ctx)),
    'tags.add': handler(z.object({ paperIds: ids, names: z.array(name).min(1).max(50) }), (a) => tagPapers(ctx, a.paperIds, a.names)),
    'tags.remove': handler(z.object({ paperIds: ids, tagId: id }), (a) => untagPapers(ctx, a.paperIds, a.tagId)),
    'tags.rename': handler(z.object({ id, name }), (a) => renameTag(ctx, a.id, a.name)),
    'tags.merge': handler(z.object({ fromId: id, intoId: id }), (a) => mergeTags(ctx, a.fromId, a.intoId)),
    'tags.setColor': handler(z.object({ id, color: z.enum(TAG_COLORS) }), (a) => setTagColor(ctx, a.id, a.color)),
    'tags.delete': handler(z.object({ id }), (a) => deleteTag(ctx, a.id)),
    'tags.restore': handler(z.object({ id }), (a) => restoreTag(ctx, a.id)),
  };
}
