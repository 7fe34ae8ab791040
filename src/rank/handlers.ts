import { z } from 'zod';
import { handler } from '../api/contract';
import type { RankingService } from './ranking-service';

/** The "Best for you" part of the contract (ranked lists themselves come from `papers.query` with sort 'best'). */
export function rankingHandlers(ranking: RankingService) {
  return {
    /** How the model stands ("Not enough signal yet…", "Ranked from 12 of your papers"); asking starts it. */
    'ranking.status': handler(z.object({}), () => {
      ranking.activate();
      return ranking.status();
    }),
  };
}
