import { z } from 'zod';
import type { DigestFile } from './types';

/**
 * The shape of a digest file (`digests/<id>.json`) as read from disk: what the corpus relies on,
 * and unknown fields kept. A file that is valid JSON of another shape (no `importedAt`, entries
 * that are not papers) is refused here and set aside by the corpus, instead of failing the start.
 */
export const digestFileSchema = z.looseObject({
  version: z.union([z.literal(1), z.literal(2)]),
  digest: z.looseObject({
    id: z.string().regex(/^[\w-]{1,64}$/),
    name: z.string(),
    importedAt: z.iso.datetime(),
    format: z.string(),
    source: z.string(),
    contentHash: z.string(),
    paperCount: z.number().int().nonnegative(),
  }),
  entries: z.array(z.looseObject({ id: z.string().regex(/^[\w-]{1,64}$/), title: z.string(), abstract: z.string() })),
});

/** The digest file in `raw`, or an error naming the first field of the wrong shape. */
export function parseDigestFile(raw: unknown): DigestFile {
  const parsed = digestFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data as unknown as DigestFile;
  const issue = parsed.error.issues[0];
  throw new Error(`not a digest file: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
}
