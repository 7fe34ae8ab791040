import { describe, expect, it } from 'vitest';
import { addShares, type FieldShare } from '../../../src/search/bm25';
import { writePostings } from '../../../src/search/index-format';
import { SnapshotWriter } from '../../../src/search/snapshot';
import { Scratch } from '../../../src/search/word-scores';

const PAPERS = 5000;

/** The scratch's papers and scores after adding `postings` twice (two words, bits 1 and 2). */
function scored(postings: Parameters<typeof addShares>[0], share: FieldShare, live: Uint8Array) {
  const acc = new Scratch();
  acc.fit(PAPERS);
  acc.begin();
  addShares(postings, share, live, acc, 1);
  addShares(postings, { ...share, factor: share.factor / 3 }, live, acc, 2);
  const n = acc.count;
  return { touched: Array.from(acc.touched.subarray(0, n)), scores: Array.from(acc.scores.subarray(0, n)), words: Array.from(acc.words.subarray(0, n)) };
}

describe('a word’s BM25 shares', () => {
  it('are the same to the last bit read from packed postings as from a Map of them', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const map = new Map<number, number>();
    // Frequencies past one varint byte, papers far apart (gaps of several bytes).
    for (let id = 0; id < PAPERS; id += 1 + Math.floor(random() * (random() < 0.02 ? 300 : 5)))
      map.set(id, 1 + Math.floor(random() * (random() < 0.1 ? 400 : 4)));
    const w = new SnapshotWriter(null, false);
    const live = new Uint8Array(PAPERS).map(() => (random() < 0.9 ? 1 : 0));
    const { count } = writePostings(w, map, new Uint8Array(PAPERS).fill(1));
    const packed = { bytes: w.buf.subarray(0, w.pos), start: 0, count };
    const lengths = Uint32Array.from({ length: PAPERS }, () => 1 + Math.floor(random() * 300));
    const share: FieldShare = { factor: 3 * 0.375 * Math.log(1 + (PAPERS - count + 0.5) / (count + 0.5)), lengths, average: 123.4567, k: 1.2, b: 0.7, d: 0.5 };
    const fromPacked = scored(packed, share, live);
    expect(fromPacked.touched.length).toBeGreaterThan(100);
    expect(fromPacked).toEqual(scored(map, share, live));
  });
});
