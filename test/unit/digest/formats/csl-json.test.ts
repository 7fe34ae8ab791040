import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { digestError, fixture } from '../support';

describe('CSL-JSON', () => {
  it('reads items with authors, dates, DOI and an arXiv id from a preprint', () => {
    const { format, entries, skipped } = parseDigest(fixture('references.csl.json'));
    expect(format).toBe('csl-json');
    expect(entries[0]).toMatchObject({
      title: 'Fast Best-of-N Decoding via Speculative Rejection',
      arxivId: '2410.20290',
      authors: ['Hanshi Sun', 'Momin Haider', 'Andrea Zanette'],
      published: '2024-10-26',
      line: 2,
    });
    expect(entries[0].doi).toBeUndefined(); // arXiv's DOI is the arXiv id
    expect(entries[1]).toMatchObject({
      doi: '10.18653/v1/d15-1075',
      authors: ['Samuel R. Bowman', 'Gabor Angeli', 'Stanford NLP Group'],
      published: '2015-09',
    });
    // An item the reader keeps is a paper, abstract or not.
    expect(entries[2]).toMatchObject({
      title: 'A blog post without an abstract',
      abstract: '',
      line: 36,
      published: '2024-02-01',
      links: { abs: 'https://example.org/post' },
    });
    expect(skipped).toEqual([]);
  });

  it("turns Crossref's JATS abstract into plain paragraphs", () => {
    const { entries } = parseDigest(fixture('references.csl.json'));
    expect(entries[1].abstract).toBe(
      'Understanding entailment and contradiction is fundamental to understanding natural language & a valuable testing ground.\n\nWe introduce the Stanford Natural Language Inference corpus.',
    );
  });

  it('reads a single item and {items: [...]}', () => {
    const item = JSON.parse(fixture('references.csl.json'))[0];
    expect(parseDigest(JSON.stringify(item)).entries).toHaveLength(1);
    expect(parseDigest(JSON.stringify({ items: [item] })).entries).toHaveLength(1);
  });

  it('keeps a dropping particle ("Ludwig van Beethoven") and reads an EDTF string as the date', () => {
    const item = {
      type: 'article',
      title: 'Symphonies',
      abstract: 'On symphonies.',
      author: [{ given: 'Ludwig', 'dropping-particle': 'van', family: 'Beethoven' }],
      issued: '1808-12-22',
    };
    expect(parseDigest(JSON.stringify([item])).entries[0]).toMatchObject({ authors: ['Ludwig van Beethoven'], published: '1808-12-22' });
  });

  it('says what it expected for JSON of another shape', () => {
    const error = digestError(() => parseDigest('[{"name": "x"}]', { format: 'csl-json' }));
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/CSL-JSON: expected a list of items, each with "type" and "title"/);
  });
});
