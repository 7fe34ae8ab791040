import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentIds, ShortIds } from '../../../src/search/document-ids';

type Step = { op: 'add' | 'discard' | 'remove' | 'read'; key: number };

describe("the index's two maps of document ids", () => {
  it('answer as a pair of Maps would, however MiniSearch adds, discards and removes, read early or late', () => {
    const step = fc.record({ op: fc.constantFrom('add', 'add', 'discard', 'remove', 'read'), key: fc.nat(3000) }) as fc.Arbitrary<Step>;
    fc.assert(
      fc.property(fc.nat(2000), fc.array(step, { maxLength: 400 }), (restored, steps) => {
        const documents = new DocumentIds();
        const shortIds = new ShortIds(documents);
        const byShortId = new Map<number, string>();
        const byId = new Map<string, number>();
        // A snapshot restored: short ids set alone, the other map made when first read.
        let next = 0;
        for (; next < restored; next++) {
          documents.set(next, `paper-${next}`);
          byShortId.set(next, `paper-${next}`);
          byId.set(`paper-${next}`, next);
        }
        const check = (id: string) => {
          expect(shortIds.get(id)).toBe(byId.get(id));
          expect(shortIds.has(id)).toBe(byId.has(id));
        };
        for (const { op, key } of steps) {
          const id = `paper-${key}`;
          if (op === 'add' && !byId.has(id)) {
            shortIds.set(id, next); // MiniSearch's order: this map first
            documents.set(next, id);
            byId.set(id, next);
            byShortId.set(next++, id);
          } else if ((op === 'discard' || op === 'remove') && byId.has(id)) {
            const shortId = byId.get(id)!;
            if (op === 'discard') {
              shortIds.delete(id);
              documents.delete(shortId);
            } else {
              documents.delete(shortId); // `remove` deletes the short id first
              shortIds.delete(id);
            }
            byId.delete(id);
            byShortId.delete(shortId);
          }
          check(id);
        }
        for (let key = 0; key < 3000; key += 97) check(`paper-${key}`);
        expect(shortIds.size).toBe(byId.size);
        expect(new Map(shortIds.entries())).toEqual(byId);
        expect(new Map(documents.entries())).toEqual(byShortId);
      }),
      { numRuns: 150 },
    );
  });
});
