import { describe, expect, it } from 'vitest';
import { popcount } from '../../../src/search/top-scores';
import { best, Scratch } from '../../../src/search/word-scores';

/** Every paper touched, scored as `best` scores it, best first (lower paper number first on ties). */
function allSorted(acc: Scratch) {
  return Array.from(acc.touched.subarray(0, acc.count), (id, k) => ({ shortId: id, score: acc.scores[k] * popcount(acc.words[k]) })).sort(
    (a, b) => b.score - a.score || a.shortId - b.shortId,
  );
}

describe('picking the best scores', () => {
  it('counts the bits of every 16-bit word mask', () => {
    for (let n = 0; n < 1 << 16; n++) {
      let bits = 0;
      for (let m = n; m; m >>= 1) bits += m & 1;
      expect(popcount(n)).toBe(bits);
    }
  });

  it('keeps the same best papers as sorting them all, ties included, in any order of touching', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const [papers, limit] of [
      [5000, 500],
      [300, 500],
      [2000, 1],
      [50, 0],
    ]) {
      const acc = new Scratch();
      acc.fit(papers);
      acc.begin();
      // Few distinct scores, so many ties fall across the cut; words from 1 to 3 bits.
      for (let i = 0; i < papers * 2; i++) acc.add(Math.floor(random() * papers), Math.floor(random() * 8) / 4, 1 << Math.floor(random() * 3));
      const { matched, ids, scores } = best(acc, limit);
      expect(matched).toBe(acc.count);
      expect(Array.from(ids, (shortId, i) => ({ shortId, score: scores[i] }))).toEqual(allSorted(acc).slice(0, limit));
    }
  });
});
