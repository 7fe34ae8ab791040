import { z } from 'zod';
import { handler } from '../api/contract';
import { day } from '../api/schemas';
import type { Corpus } from '../library/corpus';
import { localDay } from '../shared/local-day';
import { computeTrends, TermCache } from './trends';

/** The trends part of the contract: papers per digest over time, and the terms rising this week. */
export function trendHandlers(corpus: Corpus, now: () => Date = () => new Date()) {
  const cache = new TermCache();
  return {
    'trends.get': handler(
      z.object({
        until: day.optional(),
        weeks: z.number().int().min(1).max(12).optional(),
        limit: z.number().int().min(1).max(100).optional(),
      }),
      (q) => computeTrends(corpus, cache, localDay(now()), q),
    ),
  };
}
