import { PackedPostings, type PackedSlice } from './packed-postings';
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
  if (!(postings instanceof Map)) return addPacked(postings, share, live, acc, bit);
  const packed = postings instanceof PackedPostings ? postings.packed : null;
  if (!packed) return postings.forEach((tf, shortId) => add(shortId, tf));
  addPacked(packed, share, live, acc, bit);
  (postings as PackedPostings).eachInMap(add);
}

/**
 * `addShares` for packed postings: `eachPacked`'s decoding, the score and the scratch's `add` in
 * one loop. Through `eachPacked`, each posting was a call through a site shared by every caller of
 * it, which V8 does not inline: this loop is most of a key's time in the index's thread.
 */
function addPacked({ bytes: buf, start, count }: PackedSlice, share: FieldShare, live: Uint8Array, acc: Scratch, bit: number): void {
  const { factor, lengths, average, k, b, d } = share;
  const { scores, words, stamp, slot, touched } = acc;
  const generation = acc.generation;
  let touchedCount = acc.count;
  let pos = start;
  let shortId = 0;
  for (let i = 0; i < count; i++) {
    let byte = buf[pos++];
    let gap = byte & 0x7f;
    for (let scale = 128; byte >= 0x80; scale *= 128) {
      byte = buf[pos++];
      gap += (byte & 0x7f) * scale;
    }
    byte = buf[pos++];
    let tf = byte & 0x7f;
    for (let scale = 128; byte >= 0x80; scale *= 128) {
      byte = buf[pos++];
      tf += (byte & 0x7f) * scale;
    }
    shortId += gap % 2 === 0 ? gap / 2 : -(gap + 1) / 2;
    if (!live[shortId]) continue;
    // The same expression as `add`'s, so the same scores to the last bit.
    const shareOf = factor * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[shortId]) / average)));
    if (stamp[shortId] !== generation) {
      stamp[shortId] = generation;
      slot[shortId] = touchedCount;
      scores[touchedCount] = shareOf;
      words[touchedCount] = bit;
      touched[touchedCount++] = shortId;
    } else {
      const at = slot[shortId];
      scores[at] += shareOf;
      words[at] |= bit;
    }
  }
  acc.count = touchedCount;
}
