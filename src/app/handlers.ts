import { z } from 'zod';
import { handler } from '../api/contract';
import type { Library } from '../library/library';
import type { UserStore } from '../storage/user-store';

/** The app's own part of the contract: where the library is, how large, and what went wrong opening it. */
export function appHandlers(library: Library, store: UserStore, dataDir: string) {
  return {
    'app.status': handler(z.object({}), () => ({
      dataDir,
      paperCount: library.corpus.paperCount,
      digestCount: library.corpus.digests.length,
      index: { source: library.index.source, size: library.index.size },
      warnings: [...store.warnings, ...library.warnings],
    })),
  };
}
