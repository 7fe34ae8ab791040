import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writePostings } from '../../../src/search/index-format';
import { eachPosting, PackedPostings } from '../../../src/search/packed-postings';
import { SnapshotWriter } from '../../../src/search/snapshot';

/** Postings of papers 0–`max` packed as a snapshot holds them, and the same in a Map. */
function packedAndMap(entries: [number, number][]) {
  const map = new Map(entries.toSorted((a, b) => a[0] - b[0]));
  const w = new SnapshotWriter(null, false);
  const { count, max } = writePostings(w, map, new Uint8Array(1000).fill(1));
  return { packed: new PackedPostings(Buffer.from(w.buf.subarray(0, w.pos)), count, max), map, max };
}

const all = (postings: Map<number, number>) => {
  const seen: [number, number][] = [];
  eachPosting(postings, (id, tf) => seen.push([id, tf]));
  return seen;
};

/** Papers above all the packed ones (100 at most) mostly, as an import adds them; any, at times. */
const paper = fc.oneof({ arbitrary: fc.integer({ min: 101, max: 400 }), weight: 9 }, { arbitrary: fc.integer({ min: 0, max: 400 }), weight: 1 });
/** What MiniSearch does to a word's postings: counts a paper's occurrences, looks papers up, removes them. */
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('add' as const), id: paper }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('get' as const), id: paper }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), id: paper }), weight: 1 },
);

describe('packed postings and those added on top', () => {
  it('answer as a Map of the same postings would, through additions in and out of order, lookups and removals', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 300 })), { selector: ([id]) => id, maxLength: 40 }),
        fc.array(op, { maxLength: 60 }),
        (entries, ops) => {
          const { packed, map } = packedAndMap(entries);
          for (const o of ops) {
            if (o.kind === 'add') {
              // MiniSearch's addTerm: get, then set one more.
              packed.set(o.id, (packed.get(o.id) ?? 0) + 1);
              map.set(o.id, (map.get(o.id) ?? 0) + 1);
            } else if (o.kind === 'get') {
              expect(packed.get(o.id)).toBe(map.get(o.id));
              expect(packed.has(o.id)).toBe(map.has(o.id));
            } else {
              expect(packed.delete(o.id)).toBe(map.delete(o.id));
            }
            expect(packed.size).toBe(map.size);
          }
          expect(all(packed).toSorted((a, b) => a[0] - b[0])).toEqual([...map].toSorted((a, b) => a[0] - b[0]));
          expect(new Map(packed)).toEqual(map);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps papers added in order (an import) out of the Map, in the order they came, readable in place', () => {
    const { packed, max } = packedAndMap([
      [3, 2],
      [10, 1],
    ]);
    for (const id of [max + 1, max + 1, max + 5, max + 9, max + 9, max + 9]) packed.set(id, (packed.get(id) ?? 0) + 1);
    expect(packed.packed).not.toBeNull(); // still packed: nothing was decoded into the Map
    expect(all(packed)).toEqual([
      [3, 2],
      [10, 1],
      [max + 1, 2],
      [max + 5, 1],
      [max + 9, 3],
    ]);
    expect(packed.size).toBe(5);
    // Any of them is found again, not only the last.
    for (let id = max + 20; id < max + 60; id += 3) packed.set(id, id % 7);
    for (let id = max + 20; id < max + 60; id += 3) expect(packed.get(id)).toBe(id % 7);
    expect(packed.get(max + 21)).toBeUndefined();
    expect(packed.packed).not.toBeNull();
  });
});
