import { describe, expect, it } from 'vitest';
import { syntheticPapers } from '../../../scripts/bench/synthetic-library';
import { SearchEngine, type Found, type SearchDoc } from '../../../src/search/engine';
import { ReceivedIds, SentIds, type PackedFound } from '../../../src/search/index-protocol';
import { TopHits } from '../../../src/search/search-types';

const papers = (n: number): SearchDoc[] => syntheticPapers(n, 1).map((p, i) => ({ id: `p${i}`, ...p }));

function engineOf(docs: SearchDoc[]) {
  const engine = SearchEngine.create();
  engine.upsert(docs);
  return engine;
}

/** A library of `ids` for the main thread's side, counting the lookups by id made in it. */
function libraryOf(ids: string[]) {
  const byId = new Map(ids.map((id) => [id, { id, title: `Paper ${id}` }]));
  const looked: string[] = [];
  const find = (id: string) => {
    looked.push(id);
    return byId.get(id);
  };
  return { byId, looked, find };
}

/** Hits as the index thread ranks them: `ids` are short ids, each paper `p<short id>` unless `named`. */
const ranked = (shortIds: number[], numbering = 1, named = (n: number) => `p${n}`): Found => ({
  matched: shortIds.length,
  hits: shortIds.map((n, i) => ({ id: named(n), score: shortIds.length - i })),
  shortIds: Int32Array.from(shortIds),
  numbering,
});

/** Ids and scores only, as the index thread ranked them. */
const plain = (found: { hits: { id: string; score: number }[] }) => found.hits.map(({ id, score }) => ({ id, score }));

describe('a search’s hits crossing to the main thread', () => {
  it('carries each id once, and gives each hit its paper', () => {
    const engine = engineOf(papers(200));
    const library = libraryOf(papers(200).map((p) => p.id));
    const [sent, received] = [new SentIds(), new ReceivedIds(library.find)];
    const across = (q: string, e = engine) => {
      const found = e.search(q);
      const packed: PackedFound = structuredClone(sent.pack(found, received.numbering));
      const got = received.unpack(packed);
      expect(plain(got)).toEqual(plain(found));
      for (const hit of got.hits) expect(hit.paper).toBe(library.byId.get(hit.id));
      return { found, packed };
    };
    const first = across('model');
    expect(first.found.hits.length).toBeGreaterThan(10);
    expect(first.packed.fresh).toEqual(first.found.hits.map((h) => h.id));
    // Again: every id is known across the way; another query sends only those not sent yet.
    expect(across('model').packed.fresh).toEqual([]);
    const seen = new Set(first.found.hits.map((h) => h.id));
    const other = across('language');
    expect(other.packed.fresh).toEqual(other.found.hits.map((h) => h.id).filter((id) => !seen.has(id)));
    expect(other.packed.numbering).toBe(first.packed.numbering);
    // Each paper was looked up by its id once, however often it came back.
    expect(library.looked.toSorted()).toEqual([...new Set([...seen, ...other.found.hits.map((h) => h.id)])].toSorted());
    // Another index numbers its papers anew: all ids are sent again, under another numbering.
    const reopened = across('model', SearchEngine.restore(engine.snapshot())!);
    expect(reopened.packed.fresh).toEqual(first.found.hits.map((h) => h.id));
    expect(reopened.packed.numbering).not.toBe(first.packed.numbering);
  });

  it('packs the ranked arrays as it packs hits made as objects, naming only the ids it sends', () => {
    const found = ranked([4, 9, 2]);
    const named: number[] = [];
    const idOf = (n: number) => {
      named.push(n);
      return `p${n}`;
    };
    const sent = new SentIds();
    sent.pack(new TopHits(1, Int32Array.of(9), Float64Array.of(2), 1, idOf), 0);
    const packed = sent.pack(new TopHits(3, Int32Array.of(4, 9, 2), Float64Array.of(3, 2, 1), 1, idOf), 1);
    expect(named).toEqual([9, 4, 2]); // no hit objects made, and p9 not named twice
    const fresh = new SentIds();
    expect(fresh.pack(new TopHits(3, Int32Array.of(4, 9, 2), Float64Array.of(3, 2, 1), 1, idOf), 0)).toEqual(new SentIds().pack(found, 0));
    expect(packed.fresh).toEqual(['p4', 'p2']);
    expect(plain(new TopHits(3, Int32Array.of(4, 9, 2), Float64Array.of(3, 2, 1), 1, idOf))).toEqual(plain(found));
  });

  it('keeps every id it sent, however many, under one numbering', () => {
    const library = libraryOf(Array.from({ length: 60_000 }, (_, n) => `p${n}`));
    const [sent, received] = [new SentIds(), new ReceivedIds(library.find)];
    const numberings = new Set<number | undefined>();
    const batch = (from: number) => Array.from({ length: 500 }, (_, i) => from + i);
    for (let from = 0; from < 60_000; from += 500) {
      const packed = sent.pack(ranked(batch(from)), received.numbering);
      numberings.add(packed.numbering);
      received.unpack(packed);
    }
    expect(numberings.size).toBe(1);
    const again = sent.pack(ranked(batch(0)), received.numbering);
    expect(again.fresh).toEqual([]);
    expect(received.unpack(again).hits.map((h) => h.id)).toEqual(batch(0).map((n) => `p${n}`));
    expect(library.looked).toHaveLength(60_000);
  });

  it('trusts the number without comparing ids: under one numbering it names one paper', () => {
    const library = libraryOf(['p0', 'other']);
    const [sent, received] = [new SentIds(), new ReceivedIds(library.find)];
    received.unpack(sent.pack(ranked([0]), received.numbering));
    // The ids are not even read: a hit named otherwise still gets the paper its number named.
    const renamed = sent.pack(
      ranked([0], 1, () => 'other'),
      received.numbering,
    );
    expect(received.unpack({ ...renamed, fresh: ['other'] }).hits.map((h) => h.id)).toEqual(['p0']);
    expect(library.looked).toEqual(['p0']);
  });

  it('finds the papers anew under a new numbering (another index)', () => {
    const library = libraryOf(['a', 'b']);
    const [sent, received] = [new SentIds(), new ReceivedIds(library.find)];
    const names = ['a', 'b'];
    received.unpack(
      sent.pack(
        ranked([0, 1], 1, (n) => names[n]),
        received.numbering,
      ),
    );
    // Rebuilt: "b" is now number 0, "a" number 1.
    const rebuilt = received.unpack(
      sent.pack(
        ranked([0, 1], 2, (n) => names[1 - n]),
        received.numbering,
      ),
    );
    expect(rebuilt.hits.map((h) => h.paper)).toEqual([library.byId.get('b'), library.byId.get('a')]);
  });

  it('leaves out a hit whose paper the library lacks, and finds it once the library has it', () => {
    const library = libraryOf(['p0']);
    const [sent, received] = [new SentIds(), new ReceivedIds(library.find)];
    const first = received.unpack(sent.pack(ranked([0, 1]), received.numbering));
    expect(first.hits.map((h) => h.id)).toEqual(['p0']);
    expect(first.ranked).toBe(2); // the index ranked both: a page beyond knows there is more
    // Not sent again, and looked for again.
    const again = sent.pack(ranked([1, 0]), received.numbering);
    expect(again.fresh).toEqual([]);
    expect(received.unpack(again).hits.map((h) => h.id)).toEqual(['p0']);
    library.byId.set('p1', { id: 'p1', title: 'Paper p1' });
    expect(received.unpack(sent.pack(ranked([1, 0]), received.numbering)).hits.map((h) => h.id)).toEqual(['p1', 'p0']);
    expect(library.looked).toEqual(['p0', 'p1', 'p1', 'p1']);
  });

  it('sends every id of hits without numbers', () => {
    const library = libraryOf(['a', 'b']);
    const packed = new SentIds().pack(
      {
        matched: 2,
        hits: [
          { id: 'a', score: 2 },
          { id: 'b', score: 1 },
        ],
      },
      0,
    );
    expect(packed.fresh).toEqual(['a', 'b']);
    expect(plain(new ReceivedIds(library.find).unpack(structuredClone(packed)))).toEqual([
      { id: 'a', score: 2 },
      { id: 'b', score: 1 },
    ]);
  });

  it('refuses a hit whose id never came (the two sides out of step), and the next search sends every id again', () => {
    const library = libraryOf(['p0', 'p1']);
    const [sent, received] = [new SentIds(), new ReceivedIds(library.find)];
    received.unpack(sent.pack(ranked([0]), received.numbering));
    const lost = sent.pack(ranked([1]), received.numbering);
    expect(() => received.unpack({ ...lost, fresh: [] })).toThrow(/without its id/);
    const again = sent.pack(ranked([1]), received.numbering);
    expect(again.fresh).toEqual(['p1']);
    expect(received.unpack(again).hits.map((h) => h.id)).toEqual(['p1']);
    expect(received.unpack(sent.pack(ranked([0]), received.numbering)).hits.map((h) => h.id)).toEqual(['p0']); // p0 too was sent again
  });
});
