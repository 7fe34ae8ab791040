import { z } from 'zod';
import { handler } from '../api/contract';
import type { RankingService } from './ranking-service';

/** The "Best for you" part of the contract (ranked lists themselves come from `papers.query` with sort 'best'). */
export function rankingHandlers(ranking: RankingService) {
  return {
    /**
     * How the model stands ("Not enough signal yet…", "Ranked from 12 of your papers"); asking
     * starts it. With `wait`, answers once the training under way (if any) is done: for a script
     * or the command line, which have nothing to show meanwhile.
     */
    'ranking.status': handler(z.object({ wait: z.boolean().optional() }), ({ wait }) => {
      ranking.activate();
      return wait ? ranking.idle().then(() => ranking.status()) : ranking.status();
    }),
  };
}
