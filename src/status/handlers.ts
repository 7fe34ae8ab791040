import { z } from 'zod';
import { handler } from '../api/contract';
import { ids } from '../api/schemas';
import type { DataContext } from '../shared/context';
import { READ_STATES } from '../api/vocabulary';
import { setStatus } from './status';

export function statusHandlers(ctx: DataContext) {
  return {
    'status.set': handler(z.object({ paperIds: ids, state: z.enum(READ_STATES).optional(), starred: z.boolean().optional() }), (a) =>
      setStatus(ctx, a.paperIds, { state: a.state, starred: a.starred }),
    ),
  };
}
