import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caretMessage, parseQuery, printQuery, type QueryTerm, type SmartQuery, SmartQueryError, splitQuery } from '../../../src/smart';

function parse(q: string): SmartQuery {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(q)} to parse: ${r.error.message}`);
  return r.query;
}

function fail(q: string): SmartQueryError {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`expected ${JSON.stringify(q)} to fail, got ${printQuery(r.query)}`);
  return r.error;
}

/** Terms without their offsets, which printing does not keep. */
const shape = (q: SmartQuery) => q.terms.map(({ at: _at, ...t }) => t as Omit<QueryTerm, 'at'>);

describe('parseQuery', () => {
  it('reads words, phrases and exclusions with their offsets', () => {
    expect(parse('speculative  "kv cache" -survey -"vision language"').terms).toEqual([
      { kind: 'word', value: 'speculative', negated: false, at: 0 },
      { kind: 'phrase', value: 'kv cache', negated: false, at: 13 },
      { kind: 'word', value: 'survey', negated: true, at: 24 },
      { kind: 'phrase', value: 'vision language', negated: true, at: 32 },
    ]);
  });

  it('reads every field, with case-insensitive keys and quoted values', () => {
    expect(shape(parse('AUTHOR:hinton author:"Geoffrey  Hinton" Cat:cs.CL cat:cs. tag:"to read" status:Starred -status:read'))).toEqual([
      { kind: 'author', value: 'hinton', negated: false },
      { kind: 'author', value: 'Geoffrey Hinton', negated: false },
      { kind: 'cat', value: 'cs.CL', negated: false },
      { kind: 'cat', value: 'cs.', negated: false },
      { kind: 'tag', value: 'to read', negated: false },
      { kind: 'status', value: 'starred', negated: false },
      { kind: 'status', value: 'read', negated: true },
    ]);
  });

  it.each([
    ['year:2024', { min: 2024, max: 2024 }],
    ['year:2023..2025', { min: 2023, max: 2025 }],
    ['year:>=2024', { min: 2024 }],
    ['year:>2024', { min: 2025 }],
    ['year:<=2020', { max: 2020 }],
    ['year:<2020', { max: 2019 }],
    ['year:2023..', { min: 2023 }],
    ['year:..2023', { max: 2023 }],
  ])('reads %s', (q, range) => {
    expect(shape(parse(q))).toEqual([{ kind: 'year', negated: false, ...range }]);
  });

  it('keeps text that only looks like a field: a colon with nothing after it, or a non-letter key', () => {
    expect(shape(parse('Note: gpt-4:turbo "author:x"'))).toEqual([
      { kind: 'word', value: 'Note:', negated: false },
      { kind: 'word', value: 'gpt-4:turbo', negated: false },
      { kind: 'phrase', value: 'author:x', negated: false },
    ]);
  });

  it('ignores a lone minus and an empty phrase', () => {
    expect(shape(parse(' - "" x -'))).toEqual([{ kind: 'word', value: 'x', negated: false }]);
    expect(parse('')).toEqual({ terms: [] });
  });

  it.each([
    ['auth:hinton', 'unknown-field', 0, 'unknown field "auth" at 0; did you mean author:?'],
    ['llm categry:cs.CL', 'unknown-field', 4, 'unknown field "categry" at 4; did you mean cat:?'],
    ['x zzz:1', 'unknown-field', 2, 'unknown field "zzz" at 2; fields are author:, cat:, tag:, status:, year: (quote text that has a colon)'],
    ['"kv cache', 'unclosed-quote', 0, 'unclosed quote at 0'],
    ['llm author:"Geoffrey', 'unclosed-quote', 11, 'unclosed quote at 11'],
    ['year:20x4', 'bad-year', 5, 'bad year "20x4" at 5; use year:2024, year:2023..2025 or year:>=2024'],
    ['a year:2025..2023', 'bad-year', 7, 'bad year "2025..2023" at 7 (the range is reversed); use year:2024, year:2023..2025 or year:>=2024'],
    ['year:>9999', 'bad-year', 5, 'bad year ">9999" at 5 (out of range); use year:2024, year:2023..2025 or year:>=2024'],
    ['status:stared', 'bad-status', 7, 'bad status "stared" at 7; did you mean status:starred?'],
    ['status:zzz', 'bad-status', 7, 'bad status "zzz" at 7; use unread, reading, read, starred, not-interested'],
    ['tag: x', 'empty-value', 4, 'empty value for tag: at 4'],
    ['author:""', 'empty-value', 7, 'empty value for author: at 7'],
  ])('%s fails with %s at its offset', (q, code, offset, message) => {
    const e = fail(q);
    expect(e).toBeInstanceOf(SmartQueryError);
    expect({ code: e.code, offset: e.offset, message: e.message }).toEqual({ code, offset, message });
  });

  it('refuses an over-long query', () => {
    expect(fail('x'.repeat(1001)).code).toBe('too-long');
  });

  it('draws a caret under the error', () => {
    const q = 'llm auth:hinton';
    expect(caretMessage(q, fail(q))).toBe('llm auth:hinton\n    ^ unknown field "auth" at 4; did you mean author:?');
  });
});

describe('printQuery and splitQuery', () => {
  it('prints a canonical form', () => {
    expect(printQuery(parse('  Author:"Hinton"  tag:"to read" year:>2023 -"a  b" status:READ cat:cs.'))).toBe(
      'author:Hinton tag:"to read" year:>=2024 -"a b" status:read cat:cs.',
    );
    expect(printQuery(parse('-Status:Not-Interested kv'))).toBe('-status:not-interested kv');
  });

  it('separates the text query from the filters', () => {
    const split = splitQuery(parse('kv "speculative decoding" -survey author:dao -cat:cs.CV'));
    expect(split.textQuery).toBe('kv "speculative decoding"');
    expect(split.excludedText.map((t) => t.value)).toEqual(['survey']);
    expect(split.filters.map((t) => t.kind)).toEqual(['author', 'cat']);
  });
});

/** Strings rich in the syntax's own characters, so the generator reaches every branch. */
const queryish = fc
  .array(
    fc.oneof(
      fc.constantFrom('author:', 'AUTH:', 'cat:', 'cs.', 'tag:', 'status:', 'year:', 'read', 'starred', '2024', '..', '>=', '<', '-', '"', ' ', ':', 'kv'),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('properties', () => {
  it('any string gives a query or a SmartQueryError, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(queryish, fc.string({ unit: 'binary' })), (q) => {
        const r = parseQuery(q);
        if (!r.ok) {
          expect(r.error).toBeInstanceOf(SmartQueryError);
          expect(r.error.offset).toBeGreaterThanOrEqual(0);
          expect(r.error.offset).toBeLessThanOrEqual(q.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('printing then parsing gives back the same terms', () => {
    fc.assert(
      fc.property(queryish, (q) => {
        const r = parseQuery(q);
        if (!r.ok) return;
        const printed = printQuery(r.query);
        const again = parse(printed);
        expect(shape(again)).toEqual(shape(r.query));
        expect(printQuery(again)).toBe(printed);
      }),
      { numRuns: 3000 },
    );
  });
});
