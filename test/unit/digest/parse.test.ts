import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DigestError } from '../../../src/digest/errors';
import { parseDigest } from '../../../src/digest/parse';
import { SAMPLE } from '../../helpers';

const body = SAMPLE.split('\n')
  .slice(2)
  .join('\n')
  .replace(/^Subscribe/, '');

describe('the trending-papers format', () => {
  it('reads the sample exactly: 119 papers, no header, no Subscribe prefix', () => {
    const { entries, skipped, format } = parseDigest(SAMPLE);
    expect(format).toBe('trending-papers');
    expect(entries).toHaveLength(119);
    expect(skipped).toEqual([]);
    expect(entries[0].title).toBe('Towards Concise and Adaptive Thinking in Large Reasoning Models: A Survey');
    expect(entries[0].line).toBe(3);
    expect(entries.at(-1)!.title).toMatch(/^CAM\+\+: A Fast and Efficient Network/);
    for (const e of entries) {
      expect(e.title).not.toMatch(/^Subscribe|trending papers in your email/i);
      expect(e.abstract.length).toBeGreaterThan(e.title.length);
    }
  });

  it.each([
    ['without the header', body],
    ['with CRLF line ends', SAMPLE.replace(/\n/g, '\r\n')],
    ['with a UTF-8 BOM', `\uFEFF${SAMPLE}`],
    ['with blank lines between entries', SAMPLE.replace(/\n/g, '\n\n')],
    ['with trailing spaces', SAMPLE.replace(/\n/g, '  \t\n')],
  ])('reads it %s', (_, text) => {
    const { entries, skipped } = parseDigest(text);
    expect(entries).toHaveLength(119);
    expect(skipped).toEqual([]);
    expect(entries.map((e) => e.title)).toEqual(parseDigest(SAMPLE).entries.map((e) => e.title));
  });

  it('reports a title with no abstract at the end, with its line number', () => {
    const { entries, skipped } = parseDigest(`${SAMPLE.trimEnd()}\nA Lonely Title Without Abstract\n`);
    expect(entries).toHaveLength(119);
    expect(skipped).toEqual([{ line: 241, text: 'A Lonely Title Without Abstract', reason: 'a title with no abstract after it' }]);
  });

  it('resynchronises after a missing abstract instead of shifting every pair', () => {
    const lines = body.split('\n');
    lines.splice(2, 0, 'An Orphan Title'); // between paper 1 and paper 2
    const { entries, skipped } = parseDigest(lines.join('\n'));
    expect(entries).toHaveLength(119);
    expect(skipped.map((s) => s.line)).toEqual([3]);
  });
});

describe('bad input', () => {
  const code = (text: string, bytes?: number) => {
    try {
      parseDigest(text, { byteLength: bytes });
      return 'parsed';
    } catch (error) {
      expect(error).toBeInstanceOf(DigestError);
      return (error as DigestError).code;
    }
  };
  it('refuses empty, binary, oversized, CSV and JSON input with a reason', () => {
    expect(code('')).toBe('empty');
    expect(code('  \n\t\n')).toBe('empty');
    expect(code('\u0000\u0001PNG\u0002\u0003binary')).toBe('binary');
    expect(code('x', 50 * 1024 * 1024)).toBe('too-large');
    expect(code('id,title,abstract\n1,A,B\n2,C,D\n')).toBe('unrecognised');
    expect(code('{"papers": [{"title": "A"}]}')).toBe('unrecognised');
    expect(() => parseDigest('[1,2,3]')).toThrow(/JSON/);
    expect(() => parseDigest('a,b,c\n1,2,3')).toThrow(/CSV/);
  });

  it('gives papers or a typed error for any input, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        try {
          const parsed = parseDigest(text);
          expect(parsed.entries.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(DigestError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives any mix of real lines, noise and line ends', () => {
    const real = body.split('\n').slice(0, 20);
    const line = fc.oneof(fc.constantFrom(...real), fc.string({ maxLength: 300 }), fc.constant(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        try {
          const { entries } = parseDigest(lines.join(eol));
          for (const e of entries) expect(e.title.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(DigestError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
