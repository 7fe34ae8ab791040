import { describe, expect, it } from 'vitest';
import { MAX_DIGEST_BYTES } from '../../../src/digest/errors';
import { detectFormats, FORMAT_LIST, normaliseText, parseDigest } from '../../../src/digest/parse';
import { SAMPLE } from '../../helpers';
import { digestError, fixture, FIXTURE_FORMATS } from './support';

const confidences = (text: string) => {
  const t = normaliseText(text);
  return detectFormats({ text: t, lines: t.split('\n') });
};

describe('detection by content', () => {
  it.each([...FIXTURE_FORMATS, ['sample (trending-papers.txt)', 'trending-papers'] as [string, string]])(
    '%s is %s, more confidently than any other format',
    (file, format) => {
      const text = file.startsWith('sample') ? SAMPLE : fixture(file);
      const [best, second] = confidences(text);
      expect(best.name).toBe(format);
      expect(best.confidence).toBeGreaterThan(second.confidence);
      expect(best.confidence).toBeGreaterThanOrEqual(0.8);
    },
  );

  it('does not depend on the file name: the same text detects the same with CRLF and a BOM', () => {
    for (const [file, format] of FIXTURE_FORMATS) expect(confidences(`\uFEFF${fixture(file).replace(/\n/g, '\r\n')}`)[0].name).toBe(format);
  });

  it('lists every format with a one-line description', () => {
    expect(FORMAT_LIST.map((f) => f.name)).toEqual([
      'hf-daily-papers',
      'arxiv-rss',
      'arxiv-api',
      'arxiv-email',
      'bibtex',
      'ris',
      'csl-json',
      'trending-papers',
    ]);
    for (const f of FORMAT_LIST) expect(f.description).toMatch(/^\S.{20,200}$/);
  });
});

describe('the format override', () => {
  it('reads a text as the named format', () => {
    expect(parseDigest(fixture('references.ris'), { format: 'ris' }).format).toBe('ris');
    expect(parseDigest(fixture('arxiv-listing-atom-cs.AI.xml'), { format: 'arxiv-api' }).format).toBe('arxiv-api');
  });

  it('says clearly when the text is not of the named format', () => {
    const error = digestError(() => parseDigest(SAMPLE, { format: 'arxiv-rss' }));
    expect(error.code).toBe('malformed');
    expect(error.format).toBe('arxiv-rss');
    expect(digestError(() => parseDigest(SAMPLE, { format: 'bibtex' })).message).toMatch(/^BibTeX: no paper could be read\. Line \d+: /);
    expect(digestError(() => parseDigest(SAMPLE, { format: 'csl-json' })).message).toMatch(/^CSL-JSON: the JSON is broken/);
  });

  it('refuses an unknown format name and lists the known ones', () => {
    const error = digestError(() => parseDigest(SAMPLE, { format: 'endnote' }));
    expect(error.code).toBe('unrecognised');
    expect(error.message).toMatch(/no digest format called “endnote”\. Known formats: hf-daily-papers, arxiv-rss/);
  });
});

describe('limits', () => {
  it('refuses more than 32 MB before reading anything', () => {
    expect(digestError(() => parseDigest(fixture('references.ris'), { byteLength: MAX_DIGEST_BYTES + 1 })).code).toBe('too-large');
  });
  it('names what JSON and XML of no known shape look like', () => {
    expect(digestError(() => parseDigest('{"papers": []}')).message).toMatch(/It looks like JSON, but not Hugging Face daily papers .* nor CSL-JSON/);
    expect(digestError(() => parseDigest('<html><body>hi</body></html>')).message).toMatch(/It looks like HTML or XML, but not an arXiv/);
  });
});
