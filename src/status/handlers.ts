import { z } from 'zod';
import { handler } from '../api/contract';
import { ids } from '../api/schemas';
import type { DataContext } from '../shared/context';
import { READ_STATES } from '../api/vocabulary';
import { setStatus, skipPapers } from './status';

export function statusHandlers(ctx: DataContext) {
  return {
    'status.set': handler(
      z.object({
        paperIds: ids,
        state: z.enum(READ_STATES).optional(),
        starred: z.boolean().optional(),
        notInterested: z.boolean().optional(),
        /** false: forget triage's skip (its undo); true: record one. */
        skipped: z.boolean().optional(),
      }),
      (a) => setStatus(ctx, a.paperIds, { state: a.state, starred: a.starred, notInterested: a.notInterested, skipped: a.skipped }),
    ),
    /** Triage's "skip": recorded as a weak negative signal for "Best for you". */
    'status.skip': handler(z.object({ paperIds: ids }), (a) => skipPapers(ctx, a.paperIds)),
  };
}
