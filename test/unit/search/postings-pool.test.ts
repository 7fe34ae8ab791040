import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingsPool } from '../../../src/search/postings-pool';
import { eachPacked } from '../../../src/search/packed-postings';
import { SnapshotWriter } from '../../../src/search/snapshot';

/** What `write` put down for a list, read back as a search reads a snapshot's postings. */
function written(pool: PostingsPool, list: number, count: number): [number, number][] {
  const w = new SnapshotWriter(null, false);
  const { count: n, max } = pool.write(list, w);
  expect(n).toBe(count);
  const postings: [number, number][] = [];
  eachPacked({ bytes: w.buf, start: 0, count: n }, (shortId, tf) => postings.push([shortId, tf]));
  expect(w.pos).toBeGreaterThan(0);
  if (postings.length) expect(max).toBe(postings.at(-1)![0]);
  return postings;
}

describe('the pool of postings a first build counts into', () => {
  it('gives back every list as counted, in the snapshot’s form, when saved midway and at the end', () => {
    // Occurrences: for each paper in turn, words (lists) it holds, some several times.
    const paper = fc.array(fc.nat(40), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 300 }), fc.nat(300), fc.nat(500), (papers, saveAt, gap) => {
        const pool = new PostingsPool();
        const expected = new Map<number, [number, number][]>();
        const check = () => {
          for (const [list, postings] of expected) expect(written(pool, list, postings.length)).toEqual(postings);
        };
        papers.forEach((words, i) => {
          const shortId = i * (1 + (gap % 7)) + (i > 100 ? 1_000_000 : 0); // gaps of several bytes too
          if (i === saveAt) check(); // a build saves between papers, then goes on
          for (const list of words) {
            pool.count(list, shortId);
            const postings = expected.get(list) ?? [];
            if (postings.at(-1)?.[0] === shortId) postings.at(-1)![1]++;
            else postings.push([shortId, 1]);
            expected.set(list, postings);
          }
        });
        check();
        check(); // saving twice changes nothing
      }),
      { numRuns: 200 },
    );
  });

  it('keeps lists apart whatever their numbers: sparse, far beyond the first thousand, and thousands of them', () => {
    const pool = new PostingsPool();
    // Numbers as BulkBuild makes them (term × 5 fields + field): most never counted.
    const lists = Array.from({ length: 3000 }, (_, i) => i * 5 + (i % 3) * 2 + (i > 2000 ? 40_000 : 0));
    const expected = new Map<number, [number, number][]>();
    for (let shortId = 0; shortId < 40; shortId++)
      lists.forEach((list, i) => {
        if ((i + shortId) % 7 !== 0) return;
        const tf = 1 + ((i * shortId) % 3);
        for (let k = 0; k < tf; k++) pool.count(list, shortId);
        expected.set(list, [...(expected.get(list) ?? []), [shortId, tf]]);
      });
    for (const [list, postings] of expected) expect(written(pool, list, postings.length)).toEqual(postings);
    for (const never of [1, 3, 4, 9_999, 52_001, 10_000_000]) {
      expect(pool.has(never)).toBe(false);
      expect(pool.write(never, new SnapshotWriter(null, false))).toEqual({ count: 0, max: 0 });
    }
  });

  it('keeps postings of five-byte gaps and two-byte frequencies whole across block ends', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 2 ** 27 }), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 60 }), (steps) => {
        const pool = new PostingsPool();
        const expected: [number, number][] = [];
        let shortId = 0;
        for (const [gap, tf] of steps) {
          shortId += gap;
          for (let i = 0; i < tf; i++) pool.count(3, shortId);
          pool.count(4, shortId); // another list between, so blocks interleave
          expected.push([shortId, tf]);
        }
        expect(written(pool, 3, expected.length)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('takes about three bytes a posting for a common word', () => {
    const pool = new PostingsPool();
    for (let shortId = 0; shortId < 100_000; shortId += 3) pool.count(7, shortId);
    const w = new SnapshotWriter(null, false);
    pool.write(7, w);
    expect(pool.used).toBeLessThan(3 * 33_334 + 1024);
  });
});
