import { z } from 'zod';
import { handler } from '../api/contract';
import type { Library } from './library';

const id = z.string().regex(/^[\w-]{1,64}$/, 'not a valid id');

/** The papers and digests part of the contract. */
export function libraryHandlers(library: Library) {
  return {
    'papers.query': handler(
      z.object({
        q: z.string().max(500).optional(),
        digestId: id.nullable().optional(),
        sort: z.enum(['digest', 'date', 'title']).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      }),
      (arg) => library.query(arg),
    ),
    'papers.get': handler(z.object({ id, q: z.string().max(500).optional() }), ({ id, q }) => library.get(id, q)),
    'digests.list': handler(z.object({}), () => ({ digests: library.digests(), paperCount: library.corpus.paperCount })),
    'digests.import': handler(
      z.object({
        name: z.string().max(300),
        text: z.string(),
        source: z.enum(['file', 'paste']),
      }),
      (arg) => library.import(arg),
    ),
  };
}
