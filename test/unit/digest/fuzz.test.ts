import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_LIST } from '../../../src/digest/parse';
import { fixture, FIXTURE_FORMATS, papersOrDigestError } from './support';

/**
 * Every parser, fed broken versions of its own format and noise: papers or a DigestError, never
 * another exception (papersOrDigestError rethrows anything else).
 */

const mutation = (text: string) =>
  fc.record({
    cut: fc.integer({ min: 0, max: text.length }),
    at: fc.integer({ min: 0, max: text.length }),
    insert: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('<', '>', '&', '&amp;', ']]>', '"', '{', '}', '\\\\', '\n', '\u0000', '@misc{', 'ER  - ', '$', '\\"{'),
    ),
    drop: fc.integer({ min: 0, max: 50 }),
  });

function mutate(text: string, m: { cut: number; at: number; insert: string; drop: number }): string {
  const cut = text.slice(0, Math.max(m.cut, Math.min(text.length, 40)));
  const at = Math.min(m.at, cut.length);
  return cut.slice(0, at) + m.insert + cut.slice(at + m.drop);
}

describe.each(FIXTURE_FORMATS)('fuzzing %s (%s)', (file, format) => {
  const text = fixture(file);
  it('broken versions of the fixture give papers or a DigestError, detected or forced', () => {
    fc.assert(
      fc.property(mutation(text), (m) => {
        const broken = mutate(text, m);
        papersOrDigestError(broken);
        papersOrDigestError(broken, { format });
      }),
      { numRuns: 60 },
    );
  });
});

const prefixes: Record<string, string> = {
  'hf-daily-papers': '[{"paper": {"id": "2401.00001", "title": "T", "summary": ',
  'arxiv-rss': '<rss version="2.0"><channel><title>cs.CL updates on arXiv.org</title><item><title>',
  'arxiv-api': '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><entry><id>',
  'arxiv-email': '\\\\\narXiv:2401.00001\nTitle: ',
  bibtex: '@misc{key,\n  title = {',
  ris: 'TY  - JOUR\nTI  - ',
  'csl-json': '[{"type": "article", "title": ',
  'trending-papers': 'A Title\n',
};

describe.each(FORMAT_LIST.map((f) => f.name))('noise after a %s opening', (format) => {
  it('gives papers or a DigestError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('\n', '\r\n'), (noise, eol) => {
        const text = (prefixes[format] + noise).replace(/\n/g, eol);
        papersOrDigestError(text);
        papersOrDigestError(text, { format });
      }),
      { numRuns: 100 },
    );
  });
});

describe('any JSON value', () => {
  it('gives papers or a DigestError for every JSON format', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        papersOrDigestError(text);
        papersOrDigestError(text, { format: 'hf-daily-papers' });
        papersOrDigestError(text, { format: 'csl-json' });
      }),
      { numRuns: 200 },
    );
  });
});

describe('helpers never throw', () => {
  it('decodeDigest gives text or a DigestError for any bytes', async () => {
    const { decodeDigest } = await import('../../../src/digest/decode');
    const { DigestError } = await import('../../../src/digest/errors');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          expect(typeof decodeDigest(bytes)).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(DigestError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('id, DOI, LaTeX and text helpers take any string', async () => {
    const { parseArxivId, normaliseDoi } = await import('../../../src/digest/arxiv');
    const { plainTitle, decodeBibtexText } = await import('../../../src/digest/latex');
    const { joinWrapped, htmlToText, splitAuthors, isoDate } = await import('../../../src/digest/text');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        parseArxivId(s);
        normaliseDoi(s);
        expect(typeof plainTitle(s)).toBe('string');
        expect(typeof decodeBibtexText(s)).toBe('string');
        expect(joinWrapped(s)).not.toMatch(/^\s|\s$/);
        htmlToText(s);
        splitAuthors(s);
        isoDate(s);
      }),
      { numRuns: 500 },
    );
  });
});
