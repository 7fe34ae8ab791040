import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDigest } from '../../../src/digest/parse';
import { bibtex } from '../../../src/export/bibtex';
import { cslJson, cslName } from '../../../src/export/csl-json';
import { ris, risName } from '../../../src/export/ris';
import { record } from './helpers';

const ARXIV = record({
  title: 'S$^4$C: Speculative Sampling',
  authors: ['Tao Ge', 'Ludwig van Beethoven', 'Martin Luther King, Jr.', 'H1 Collaboration'],
  published: '2024-01-22T18:59:01Z',
  arxivId: '2401.10774',
  primaryCategory: 'cs.CL',
  categories: ['cs.CL', 'cs.AI'],
  tags: ['to cite'],
  note: 'Mine.\n\nTwo paragraphs.',
});
const JOURNAL = record({
  id: '1111111111111111',
  title: 'A large annotated corpus',
  authors: ['Samuel R. Bowman'],
  published: '2015-09',
  doi: '10.18653/v1/d15-1075',
  journalRef: 'Proceedings of EMNLP 2015',
  links: { abs: 'https://aclanthology.org/D15-1075' },
  arxivId: null,
  tags: [],
  note: null,
});
const BARE = record({ id: '2222222222222222', title: 'Untraceable', arxivId: null, tags: [], note: null });

describe('RIS', () => {
  const lines = (text: string) => text.split('\r\n').slice(0, -1);

  it('follows the specification: TY first, ER last, a tag per line, CRLF, “Last, First, Suffix” names', () => {
    const text = ris([ARXIV]);
    expect(text.endsWith('ER  - \r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines(text)).toEqual([
      'TY  - UNPB',
      'TI  - S4C: Speculative Sampling',
      'AU  - Ge, Tao',
      'AU  - van Beethoven, Ludwig',
      'AU  - King, Martin Luther, Jr.',
      'AU  - H1 Collaboration',
      'PY  - 2024',
      'DA  - 2024/01/22',
      'AB  - The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
      'DO  - 10.48550/arXiv.2401.10774',
      'UR  - https://arxiv.org/abs/2401.10774',
      'PB  - arXiv',
      'KW  - to cite',
      'N1  - Mine. Two paragraphs.',
      'ER  - ',
    ]);
  });

  it('writes a journal paper as JOUR with its journal and DOI, and a paper with nothing known as GEN', () => {
    const text = ris([JOURNAL, BARE]);
    expect(lines(text)).toContain('TY  - JOUR');
    expect(lines(text)).toContain('T2  - Proceedings of EMNLP 2015');
    expect(lines(text)).toContain('DO  - 10.18653/v1/d15-1075');
    expect(lines(text)).toContain('DA  - 2015/09');
    expect(lines(text)).toContain('UR  - https://aclanthology.org/D15-1075');
    expect(lines(text)).toContain('TY  - GEN');
    expect(text.match(/^ER {2}- $/gm)).toHaveLength(2);
  });

  it.each([
    ['Ashish Vaswani', 'Vaswani, Ashish'],
    ['Stephen A. Della Pietra', 'Della Pietra, Stephen A.'],
    ['Plato', 'Plato'],
    ['Google, Inc.', 'Google Inc.'],
  ])('names %s as %s', (name, written) => expect(risName(name)).toBe(written));

  it('any title, abstract and note stay one line each and read back as the same record', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), (title, text) => {
        // Control characters other than line breaks and tabs are not text (the importer drops NUL, for one).
        fc.pre(title.trim() !== '' && ![...title, ...text].some((c) => c < ' ' && !'\t\n\r\f\v'.includes(c)));
        const out = ris([record({ title, abstract: `${text} abstract`, note: text, arxivId: '2401.10774' })]);
        for (const line of out.split('\r\n').slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
        const [entry] = parseDigest(out, { format: 'ris' }).entries;
        expect(entry).toMatchObject({ arxivId: '2401.10774', title: record({ title }).plainTitle });
      }),
      { numRuns: 200 },
    );
  });
});

/** The part of the CSL data schema (csl-data.json) these items use, with its "no other properties". */
const cslDate = z
  .object({
    'date-parts': z
      .array(
        z
          .array(z.union([z.string(), z.number()]))
          .min(1)
          .max(3),
      )
      .min(1)
      .max(2),
  })
  .strict();
const cslNameSchema = z
  .object({
    family: z.string(),
    given: z.string(),
    'dropping-particle': z.string(),
    'non-dropping-particle': z.string(),
    suffix: z.string(),
    literal: z.string(),
  })
  .partial()
  .strict();
const CSL_TYPES = ['article', 'article-journal', 'article-magazine', 'book', 'chapter', 'dataset', 'manuscript', 'paper-conference', 'report', 'webpage'];
const cslItem = z
  .object({
    id: z.union([z.string(), z.number()]),
    type: z.enum(CSL_TYPES as [string, ...string[]]),
    title: z.string().optional(),
    author: z.array(cslNameSchema).optional(),
    issued: cslDate.optional(),
    abstract: z.string().optional(),
    annote: z.string().optional(),
    DOI: z.string().optional(),
    URL: z.string().optional(),
    publisher: z.string().optional(),
    number: z.union([z.string(), z.number()]).optional(),
    'container-title': z.string().optional(),
    categories: z.array(z.string()).optional(),
    keyword: z.string().optional(),
  })
  .strict();

describe('CSL-JSON', () => {
  it('follows the CSL data schema, arXiv papers as preprints with arXiv’s DOI, ids the BibTeX keys', () => {
    const items = z.array(cslItem).parse(JSON.parse(cslJson([ARXIV, JOURNAL, BARE])));
    expect(items[0]).toEqual({
      id: 'ge2024s4c',
      type: 'article',
      title: 'S4C: Speculative Sampling',
      author: [
        { family: 'Ge', given: 'Tao' },
        { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { literal: 'H1 Collaboration' },
      ],
      issued: { 'date-parts': [[2024, 1, 22]] },
      abstract: ARXIV.abstract,
      DOI: '10.48550/arXiv.2401.10774',
      URL: 'https://arxiv.org/abs/2401.10774',
      publisher: 'arXiv',
      number: 'arXiv:2401.10774',
      categories: ['cs.CL', 'cs.AI'],
      keyword: 'to cite',
      annote: 'Mine.\n\nTwo paragraphs.',
    });
    expect(items[1]).toMatchObject({
      type: 'article-journal',
      'container-title': 'Proceedings of EMNLP 2015',
      DOI: '10.18653/v1/d15-1075',
      issued: { 'date-parts': [[2015, 9]] },
    });
    expect(items[2]).toEqual({ id: 'untraceable', type: 'article', title: 'Untraceable', abstract: BARE.abstract });
    const keys = [...bibtex([ARXIV, JOURNAL, BARE]).matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(items.map((i) => i.id)).toEqual(keys);
  });

  it('keeps the published DOI of an arXiv paper, and its arXiv id in number and URL', () => {
    const [item] = JSON.parse(cslJson([record({ ...ARXIV, doi: '10.1000/published' })]));
    expect(item).toMatchObject({ DOI: '10.1000/published', number: 'arXiv:2401.10774', URL: 'https://arxiv.org/abs/2401.10774' });
    const [back] = parseDigest(cslJson([record({ ...ARXIV, doi: '10.1000/published' })]), { format: 'csl-json' }).entries;
    expect(back).toMatchObject({ arxivId: '2401.10774', doi: '10.1000/published' });
  });

  it.each([
    ['Jean de La Fontaine', { family: 'La Fontaine', given: 'Jean', 'non-dropping-particle': 'de' }],
    ['Stephen A. Della Pietra', { family: 'Della Pietra', given: 'Stephen A.' }],
    ['OpenAI Team', { literal: 'OpenAI Team' }],
    ['Plato', { family: 'Plato' }],
  ])('names %s as %j', (name, parts) => expect(cslName(name)).toEqual(parts));

  it('any text makes items of the schema that read back with the same titles', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }), (title, authors) => {
        fc.pre(title.trim() !== '');
        const out = cslJson([record({ title, authors, arxivId: '2401.10774' })]);
        z.array(cslItem).parse(JSON.parse(out));
        const [entry] = parseDigest(out, { format: 'csl-json' }).entries;
        expect(entry).toMatchObject({ arxivId: '2401.10774', title: record({ title }).plainTitle });
      }),
      { numRuns: 200 },
    );
  });
});
