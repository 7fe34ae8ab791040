import { z } from 'zod';
import { ApiError, handler } from '../api/contract';
import { dataChanged, type DataContext } from '../shared/context';
import { BACKUP_ID } from './backups';
import type { UserData } from './schema';

/** Papers whose tags, note or highlights differ between two states of the data: the index must see them again. */
function papersTouched(a: UserData, b: UserData): string[] {
  const ids = new Set<string>();
  for (const d of [a, b]) for (const part of [d.paperTags, d.notes, d.highlights]) for (const id of Object.keys(part)) ids.add(id);
  return [...ids].filter(
    (id) => JSON.stringify([a.paperTags[id], a.notes[id], a.highlights[id]]) !== JSON.stringify([b.paperTags[id], b.notes[id], b.highlights[id]]),
  );
}

/** The Backups screen and `digest-reader backups`: list the copies, take one, restore one (with undo). */
export function backupHandlers(ctx: DataContext) {
  return {
    'backups.list': handler(z.object({}), () => ctx.store.backups.list()),
    'backups.create': handler(z.object({}), () => ctx.store.backupNow()),
    'backups.restore': handler(z.object({ id: z.string().max(200).regex(BACKUP_ID, 'not a backup id') }), ({ id }) => {
      let result;
      try {
        result = ctx.store.restore(id);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError('backup-unreadable', (error as Error).message);
      }
      dataChanged(ctx, papersTouched(result.before, ctx.store.data));
      return { restored: id, undoId: result.undoId };
    }),
  };
}
