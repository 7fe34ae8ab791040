import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFeatures, explain, rank, train } from '../../../src/rank';

describe('any papers', () => {
  it('build features with unit rows, and train/rank/explain without throwing', () => {
    const paper = fc.record({ title: fc.string({ maxLength: 40 }), abstract: fc.oneof(fc.string({ maxLength: 200 }), fc.lorem({ maxCount: 30 })) });
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(30), { maxLength: 6 }), (papers, picks) => {
        const withIds = papers.map((p, i) => ({ id: `p${i}`, ...p }));
        const m = buildFeatures(withIds, { minDf: 1, maxDf: 1 });
        for (let r = 0; r < m.ids.length; r++) {
          let sq = 0;
          for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) sq += m.values[k] ** 2;
          if (m.indptr[r + 1] > m.indptr[r]) expect(sq).toBeCloseTo(1, 4);
        }
        const positives = picks.map((i) => `p${i}`);
        const r = (() => {
          try {
            return train(m, positives);
          } catch (e) {
            // Only when every paper is a positive is there nothing to learn from.
            expect((e as Error).name).toBe('RankError');
            return undefined;
          }
        })();
        if (r?.ok) {
          const ranked = rank(r.model, m);
          expect(ranked).toHaveLength(withIds.length);
          for (const x of ranked) expect(Number.isFinite(x.score)).toBe(true);
          explain(r.model, m, ranked[0].id);
        }
      }),
      { numRuns: 200 },
    );
  });
});
