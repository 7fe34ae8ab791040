import { z } from 'zod';

/** Ids of papers, digests, lists, tags, highlights: never a path, never a dotted key. */
export const id = z
  .string()
  .max(64, 'not a valid id')
  .regex(/^[\w-]{1,64}$/, 'not a valid id');
export const ids = z.array(id).min(1).max(100_000);
export const name = z.string().max(10_000);
/** A calendar day, YYYY-MM-DD (a real one: no 2026-02-30). */
export const day = z.iso.date('expected a day, YYYY-MM-DD').max(10);
