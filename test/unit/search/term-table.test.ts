import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { TermTable } from '../../../src/search/term-table';
import type { TermData } from '../../../src/search/expand';
import { IndexWriter } from '../../../src/search/index-format';
import { zigzag } from '../../../src/search/packed-postings';
import { PaperIndex } from '../../../src/search/paper-index';
import { OPTIONS } from '../../../src/search/engine';
import type { SnapshotWriter } from '../../../src/search/snapshot';

/** Words over a small alphabet (many shared prefixes and near misses), with a letter outside ASCII. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é'), minLength: 1, maxLength: 7 });

/** A table whose sorted part holds `saved` and whose tree holds `added`, beside MiniSearch's own tree of both. */
function both(saved: string[], added: string[]) {
  const data = new Map<string, TermData>();
  const of = (term: string) => data.get(term) ?? data.set(term, new Map([[0, new Map([[term.length, 1]])]])).get(term)!;
  const sorted = [...new Set(saved)].sort();
  const table = new TermTable(sorted, (i) => of(sorted[i]));
  const tree = new SearchableMap<TermData>();
  for (const term of sorted) tree.set(term, of(term));
  for (const term of added) {
    table.fetch(term, () => of(term));
    tree.fetch(term, () => of(term));
  }
  return { table, tree };
}

const sortedEntries = (entries: Iterable<[string, unknown]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('the table of terms (MiniSearch’s term tree, a snapshot’s part sorted)', () => {
  it('finds the same words as MiniSearch’s tree: exactly, by prefix, and within an edit distance', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 80 }),
        fc.array(word, { maxLength: 20 }),
        fc.array(word, { minLength: 1, maxLength: 8 }),
        (saved, added, queries) => {
          const { table, tree } = both(saved, added);
          expect(table.size).toBe(tree.size);
          for (const q of queries) {
            expect(table.get(q)).toBe(tree.get(q));
            const begun: [string, TermData][] = [];
            table.eachBegun(q, (term, data) => begun.push([term, data]));
            expect(sortedEntries(begun)).toEqual(sortedEntries(tree.atPrefix(q)));
            for (const distance of [0, 1, 2, 3]) {
              const near = table.fuzzyGet(q, distance);
              const expected = tree.fuzzyGet(q, distance);
              expect(sortedEntries(near)).toEqual(sortedEntries(expected));
              for (const [term, [data]] of near) expect(data).toBe(expected.get(term)![0]);
            }
          }
        },
      ),
    );
  });

  it('gives every term in sorted order, those added among the saved, and forgets the deleted', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 20 }), fc.array(word, { maxLength: 20 }), (saved, added, deleted) => {
        const { table, tree } = both(saved, added);
        for (const term of deleted) {
          table.delete(term);
          tree.delete(term);
        }
        const terms = [...table].map(([term]) => term);
        expect(terms).toEqual([...terms].sort());
        expect(terms).toEqual(sortedEntries(tree).map(([term]) => term));
        expect(table.size).toBe(tree.size);
        for (const term of deleted) expect(table.has(term)).toBe(false);
      }),
    );
  });

  it('takes a deleted saved term back when it is set again', () => {
    const table = new TermTable(['alpha', 'beta'], () => new Map());
    table.delete('alpha');
    expect([table.has('alpha'), table.size]).toEqual([false, 1]);
    const again: TermData = new Map();
    table.set('alpha', again);
    expect([table.get('alpha'), table.size]).toEqual([again, 2]);
  });
});

describe('a snapshot whose terms are not in order (written by an earlier release)', () => {
  it('is read with its terms sorted, each found with its own postings', () => {
    const fields = OPTIONS.fields.length;
    const w = new IndexWriter(
      null,
      Array.from({ length: fields }, () => 1),
      2,
      2,
    );
    w.paper(0, 'p0', () => 1);
    w.paper(1, 'p1', () => 1);
    const posting = (shortId: number) => (block: SnapshotWriter) => {
      block.uint(zigzag(shortId));
      block.uint(1);
      return { count: 1, max: shortId };
    };
    const title = OPTIONS.fields.indexOf('title');
    for (const [term, shortId] of [
      ['zeta', 0],
      ['alpha', 1],
      ['mu', 0],
    ] as const)
      w.term(term, [[title, posting(shortId)]]);
    const index = PaperIndex.restore(w.finish(), OPTIONS);
    expect(index.rank([{ term: 'alpha', prefix: false, fuzzy: 0 }], { fields: ['title'], boost: {} }, 10).hits.map((h) => h.id)).toEqual(['p1']);
    expect(index.rank([{ term: 'zeta', prefix: false, fuzzy: 0 }], { fields: ['title'], boost: {} }, 10).hits.map((h) => h.id)).toEqual(['p0']);
    expect(index.documentFrequencies(['alpha', 'mu', 'zeta', 'nu'], ['title'])).toEqual([1, 1, 1, 0]);
  });
});
