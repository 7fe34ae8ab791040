import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockCuts, segments } from '../../../renderer/text-segments';

type Range = [number, number];
type Highlight = { id: string; color: string; range: Range | null };

/** The rule, read literally: cut at every bound, then ask every range about every piece. */
function reference(text: string, search: Range[], highlights: Highlight[]) {
  const placed = highlights.filter((h): h is Highlight & { range: Range } => h.range !== null);
  const cuts = new Set([0, text.length, ...search.flat(), ...placed.flatMap((h) => h.range)]);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  return points.slice(0, -1).map((a, i) => {
    const b = points[i + 1];
    const h = placed.find((x) => x.range[0] <= a && x.range[1] >= b);
    return { text: text.slice(a, b), start: a, search: search.some(([s, e]) => s <= a && e >= b), highlight: h && { id: h.id, color: h.color } };
  });
}

describe('cutting an abstract into marked pieces', () => {
  const range = (n: number) => fc.tuple(fc.nat(n), fc.nat(12)).map(([s, l]): Range => [s, Math.min(n, s + l)]);
  const input = fc.nat(80).chain((n) =>
    fc.record({
      text: fc.constant('abcdefghij'.repeat(8).slice(0, n)),
      search: fc.array(range(n), { maxLength: 5 }),
      highlights: fc.array(fc.record({ id: fc.string(), color: fc.constantFrom('yellow', 'green'), range: fc.option(range(n), { nil: null }) }), {
        maxLength: 4,
      }),
    }),
  );

  it('gives the pieces the rule gives, search hits and highlights overlapping and nesting', () => {
    fc.assert(
      fc.property(input, ({ text, search, highlights }) => {
        expect(segments(text, search, highlights)).toEqual(reference(text, search, highlights));
      }),
    );
  });

  it('cuts a 1 MB abstract with thousands of marks at once (no piece compared with every range)', () => {
    const text = 'word inference '.repeat(70_000);
    const search = Array.from({ length: 70_000 }, (_, i): Range => [i * 15 + 5, i * 15 + 14]);
    const pieces = segments(text, search, [{ id: 'h', color: 'yellow', range: [0, 3] }], blockCuts(text));
    expect(pieces.filter((p) => p.search)).toHaveLength(70_000);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });
});

describe('blocks of a long abstract', () => {
  it('cut after a sentence when one ends near, else at a space, every few thousand characters', () => {
    const sentence = 'Large language models are evaluated on many benchmarks. ';
    const text = sentence.repeat(2_000);
    const cuts = blockCuts(text);
    expect(cuts.length).toBeGreaterThan(20);
    for (const c of cuts) expect(text.slice(c - 2, c)).toBe('. ');
    const spaces = 'word '.repeat(10_000);
    for (const c of blockCuts(spaces)) expect(spaces[c - 1]).toBe(' ');
    expect(blockCuts('short text')).toEqual([]);
  });
});
