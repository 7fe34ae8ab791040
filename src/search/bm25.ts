import { eachPacked, PackedPostings, type PackedSlice } from './packed-postings';
import type { Scratch } from './word-scores';

/** One word in one field, as BM25 weighs it (MiniSearch's formula and parameters). */
export interface FieldShare {
  /** The expansion's weight × the field's boost × the word's idf. */
  factor: number;
  lengths: Uint32Array;
  average: number;
  k: number;
  b: number;
  d: number;
}

/**
 * Adds one word's share in one field to every live paper among `postings`, into the scratch
 * accumulator (papers touched for the first time are listed in `touched`; `bit` marks the word). The hot loop of a
 * search: packed postings are decoded in place, never copied into a Map.
 */
export function addShares(postings: Map<number, number> | PackedSlice, share: FieldShare, live: Uint8Array, acc: Scratch, bit: number): void {
  const { factor, lengths, average, k, b, d } = share;
  const add = (shortId: number, tf: number) => {
    if (live[shortId]) acc.add(shortId, factor * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[shortId]) / average))), bit);
  };
  if (!(postings instanceof Map)) return eachPacked(postings, add);
  const packed = postings instanceof PackedPostings ? postings.packed : null;
  if (!packed) return postings.forEach((tf, shortId) => add(shortId, tf));
  eachPacked(packed, add);
  (postings as PackedPostings).eachInMap(add);
}
