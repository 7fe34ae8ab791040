import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtex, bibtexName } from '../../../src/export/bibtex';
import { decodeBibtexText } from '../../../src/digest/latex';
import { parseDigest } from '../../../src/digest/parse';
import { latexField } from '../../../src/export/bibtex-text';
import { citationKey } from '../../../src/export/citation-key';
import { BAD_TITLES, record } from './helpers';

/** A real BibTeX parser (Better BibTeX's): LaTeX decoded to text, Zotero-style sentence-casing off. */
const read = (text: string) => parse(text, { sentenceCase: false });
/** The same parser giving field values as written (LaTeX kept). */
const readRaw = (text: string) => parse(text, { raw: true, sentenceCase: false, caseProtection: false, english: false });

const VASWANI = record({
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'],
  published: '2017-06-12T17:57:34Z',
  arxivId: '1706.03762',
  primaryCategory: 'cs.CL',
  categories: ['cs.CL', 'cs.LG'],
});

/** What LaTeX needs of a field: `$` delimiters paired, braces balanced (BibTeX counts escaped ones too), no bare `&%#`. */
function assertValidLatex(value: string) {
  let depth = 0;
  let dollars = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '{' || ch === '}') depth += ch === '{' ? 1 : -1;
    expect(depth).toBeGreaterThanOrEqual(0);
    if (ch === '\\') {
      const next = value[i + 1];
      if (next === '{' || next === '}') depth += next === '{' ? 1 : -1;
      i++;
      continue;
    }
    if (ch === '$') dollars++;
    expect('&%#').not.toContain(ch);
  }
  expect(depth).toBe(0);
  expect(dollars % 2).toBe(0);
}

describe('BibTeX', () => {
  it('writes an arXiv paper as arXiv’s own “Export BibTeX citation” does', () => {
    expect(bibtex([VASWANI]).split('      abstract=')[0]).toBe(
      [
        '@misc{vaswani2017attention,',
        '      title={Attention Is All You Need},',
        '      author={Ashish Vaswani and Noam Shazeer and Niki Parmar and Jakob Uszkoreit and Llion Jones and Aidan N. Gomez and Łukasz Kaiser and Illia Polosukhin},',
        '      year={2017},',
        '      eprint={1706.03762},',
        '      archivePrefix={arXiv},',
        '      primaryClass={cs.CL},',
        '      url={https://arxiv.org/abs/1706.03762},',
        '',
      ].join('\n'),
    );
    const [entry] = read(bibtex([VASWANI])).entries;
    expect(entry).toMatchObject({ type: 'misc', key: 'vaswani2017attention' });
    expect(entry.fields).toMatchObject({ eprint: '1706.03762', archiveprefix: 'arXiv', primaryclass: 'cs.CL', year: '2017' });
    expect(entry.fields.author).toHaveLength(8);
    expect(entry.fields.author?.[6]).toEqual({ firstName: 'Łukasz', lastName: 'Kaiser' });
  });

  it('puts the reader’s note in annote, never in note, and tags in keywords', () => {
    const text = bibtex([record({ ...VASWANI, note: 'Read §3 & the appendix: 100% worth it.\n\n- {braces}', tags: ['to cite', 'C++ & Rust'] })]);
    const [entry] = read(text).entries;
    expect(entry.fields.annote).toBe('Read §3 & the appendix: 100% worth it. - {braces}');
    expect(entry.fields.note).toBeUndefined();
    expect(entry.fields.keywords?.toSorted()).toEqual(['C++ & Rust', 'to cite']);
  });

  it('adds the published DOI to an arXiv paper, and writes papers without an arXiv id with what is known', () => {
    const published = record({ ...VASWANI, doi: '10.5555/3295222.3295349' });
    const article = record({
      id: '1111111111111111',
      title: 'A large annotated corpus for learning natural language inference',
      authors: ['Samuel R. Bowman', 'Gabor Angeli'],
      published: '2015-09',
      doi: '10.18653/v1/d15-1075',
      journalRef: 'Proceedings of EMNLP 2015, 632–642',
      links: { abs: 'https://aclanthology.org/D15-1075' },
      arxivId: null,
    });
    const bare = record({ id: '2222222222222222', title: 'Towards Concise and Adaptive Thinking', arxivId: null });
    const [a, b, c] = read(bibtex([published, article, bare])).entries;
    expect(a.fields.doi).toBe('10.5555/3295222.3295349');
    expect(b).toMatchObject({ type: 'article', key: 'bowman2015large' });
    expect(b.fields).toMatchObject({ journal: 'Proceedings of EMNLP 2015, 632–642', doi: '10.18653/v1/d15-1075', url: 'https://aclanthology.org/D15-1075' });
    expect(b.fields.eprint).toBeUndefined();
    expect(c).toMatchObject({ type: 'misc', key: 'concise' });
    expect(c.fields.author).toBeUndefined();
    expect(c.fields.year).toBeUndefined();
  });

  it('keeps LaTeX in titles as LaTeX, and escapes what would break LaTeX outside maths', () => {
    const cases: [string, string][] = [
      ['S$^4$C: Speculative Sampling', 'S$^4$C: Speculative Sampling'],
      ['$\\mathtt{F}$Laws: Scaling Laws with \\textbf{Few} Examples', '$\\mathtt{F}$Laws: Scaling Laws with \\textbf{Few} Examples'],
      ['Structured Pruning via $\\ell_0$ Regularisation', 'Structured Pruning via $\\ell_0$ Regularisation'],
      ['Q&A over Tables <and> Text: 50% of #1 snake_case', 'Q\\&A over Tables \\textless{}and\\textgreater{} Text: 50\\% of \\#1 snake\\_case'],
      ['Already \\& escaped, G\\"odel and {BERT}', 'Already \\& escaped, G\\"odel and {BERT}'],
      ['C:\\Windows paths and x^2', 'C:\\textbackslash{}Windows paths and x\\textasciicircum{}2'],
      ['Unbalanced } and { braces', 'Unbalanced \\textbraceright{} and \\textbraceleft{} braces'],
      ['A $5 bill and $x$', 'A \\$5 bill and $x$'], // dollars as the page reads them: money, then maths
      ['Why a $5 model beats a $500 one', 'Why a \\$5 model beats a \\$500 one'],
      ['0.30 \\pm 0.04 at $\\sqrt{s}$ and \\alpha-decay', '0.30 $\\pm$ 0.04 at $\\sqrt{s}$ and $\\alpha$-decay'],
    ];
    for (const [title, field] of cases) {
      expect(latexField(title)).toBe(field);
      const [entry] = readRaw(bibtex([record({ title })])).entries;
      expect(entry.fields.title).toBe(field);
      assertValidLatex(field);
    }
  });

  it.each([...BAD_TITLES.filter((t) => t.trim()), 'Ünïcödé 日本語 «quotes»'])('plain title %j reads back as itself', (title) => {
    const [entry] = read(bibtex([record({ title })])).entries;
    expect(entry.fields.title).toBe(title.replace(/\s+/g, ' ').trim());
  });

  it('any text makes a field that parses, balances its braces and is valid LaTeX', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ {}\\$&%#_^~"@,=<>'.split('')), minLength: 1, maxLength: 50 }), (text) => {
        fc.pre(text.trim() !== '');
        const lib = readRaw(bibtex([record({ title: text, abstract: text })]));
        expect(lib.errors).toEqual([]);
        expect(lib.entries).toHaveLength(1);
        assertValidLatex(lib.entries[0].fields.title as string);
      }),
      { numRuns: 500 },
    );
  });

  it('reads plain text back as written, whatever its special characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ 1&%#_^<>"@,=.:'.split('')), minLength: 1, maxLength: 50 }), (text) => {
        fc.pre(text.trim() !== '');
        const [entry] = read(bibtex([record({ title: text, abstract: text, note: text })])).entries;
        const flat = text.replace(/\s+/g, ' ').trim();
        expect([entry.fields.title, entry.fields.abstract, entry.fields.annote]).toEqual([flat, flat, flat]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('citation keys', () => {
  const key = (over: Parameters<typeof record>[0]) => citationKey(record({ authors: ['Ashish Vaswani'], published: '2017-06-12', ...over }));

  it('are the first author’s surname, the year and the first significant word of the plain title', () => {
    expect(key({})).toBe('vaswani2017attention');
    expect(key({ title: 'The Unreasonable Effectiveness of Data' })).toBe('vaswani2017unreasonable');
    expect(key({ title: 'On the Dangers of Stochastic Parrots' })).toBe('vaswani2017dangers');
    expect(key({ title: 'S$^4$C: Speculative Sampling' })).toBe('vaswani2017s4c');
    expect(key({ title: 'Multi-Electron Production at HERA' })).toBe('vaswani2017multielectron');
    expect(key({ authors: ['Jörg Müller'] })).toBe('muller2017attention');
    expect(key({ authors: ['Ludwig van Beethoven'] })).toBe('beethoven2017attention');
    expect(key({ authors: ['Stephen A. Della Pietra'] })).toBe('dellapietra2017attention');
    expect(key({ authors: ['Martin Luther King, Jr.'] })).toBe('king2017attention');
    expect(key({ authors: ['H1 Collaboration'] })).toBe('h12017attention');
    expect(key({ authors: ['Łukasz Kaiser'], title: 'Ærø straße' })).toBe('kaiser2017aero');
    expect(key({ authors: [], published: undefined })).toBe('attention');
    expect(key({ authors: ['张伟'], title: '语言模型', published: undefined })).toBe('paper');
  });

  it('are unique within an export: b, c, … appended', () => {
    const keys = read(bibtex([VASWANI, VASWANI, VASWANI, record({ ...VASWANI, id: 'x', title: 'Attention, again' })])).entries.map((e) => e.key);
    expect(keys).toEqual(['vaswani2017attention', 'vaswani2017attentionb', 'vaswani2017attentionc', 'vaswani2017attentiond']);
  });
});

describe('author names', () => {
  it.each([
    ['Ashish Vaswani', 'Ashish Vaswani', { firstName: 'Ashish', lastName: 'Vaswani' }],
    ['Ludwig van Beethoven', 'Ludwig van Beethoven', { firstName: 'Ludwig', prefix: 'van', lastName: 'Beethoven' }],
    ['François de la Tour', 'François de la Tour', { firstName: 'François', prefix: 'de la', lastName: 'Tour' }],
    ['Jean de La Fontaine', 'de La Fontaine, Jean', { firstName: 'Jean', prefix: 'de', lastName: 'La Fontaine' }],
    ['Stephen A. Della Pietra', 'Della Pietra, Stephen A.', { firstName: 'Stephen A.', lastName: 'Della Pietra' }],
    ['Martin Luther King, Jr.', 'King, Jr., Martin Luther', { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr.' }],
    ['Martin Luther King Jr.', 'King, Jr., Martin Luther', { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr.' }],
    ['danah boyd', 'boyd, danah', { firstName: 'danah', lastName: 'boyd' }],
    ['H1 Collaboration', '{H1 Collaboration}', { name: 'H1 Collaboration' }],
    ['Smith, John, the Elder', '{Smith, John, the Elder}', { name: 'Smith, John, the Elder' }],
    ['Plato', 'Plato', { lastName: 'Plato' }],
  ])('%s is written %s and read back as the same person', (name, written, parsed) => {
    expect(bibtexName(name)).toBe(written);
    const [entry] = read(bibtex([record({ authors: [name, 'Noam Shazeer'] })])).entries;
    expect(entry.fields.author).toEqual([parsed, { firstName: 'Noam', lastName: 'Shazeer' }]);
  });
});

describe('a BibTeX export read back by the importer', () => {
  const roundTrip = (text: string) => decodeBibtexText(latexField(text));

  it('gives the text that was exported: money, comparisons, powers, paths, escaped braces', () => {
    for (const text of [
      'Costs from $5 to $500, x^2 < y and a > b, 50% of #1 snake_case & more',
      'Files in C:\\temp\\data',
      'Structured Pruning via $\\ell_0$ Regularisation in S$^4$C',
      'Sets written \\{a, b\\} and unbalanced } braces {',
    ]) {
      expect(roundTrip(text)).toBe(text.replace(/\\([{}])/g, '$1'));
    }
  });

  it('gives back any text of letters, digits and the characters LaTeX reserves outside maths (braces and ~ aside)', () => {
    const alphabet = fc.constantFrom(...'ab xy 05 ^<>_&%#.,:;-'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join('')),
        (text) => {
          expect(roundTrip(text)).toBe(text.replace(/\s+/g, ' ').trim());
        },
      ),
      { numRuns: 500, seed: 20261130 },
    );
  });
});

describe('dates in a BibTeX export', () => {
  it("writes the month as BibTeX's macro and the whole day as biblatex's date, which the importer reads back", () => {
    const text = bibtex([record({ published: '2017-12-05T18:00:00Z' }), record({ id: 'p2', title: 'Another', published: '2019-03' })]); // a moment, as arXiv's API gives it
    expect(text).toContain('      month=dec,\n      date={2017-12-05},\n}');
    expect(text).toContain('      month=mar,\n');
    expect(read(text).entries.map((e) => e.fields.month)).toEqual(['12', '3']);
    const [first, second] = parseDigest(text).entries;
    expect([first.published, second.published]).toEqual(['2017-12-05', '2019-03']);
  });
});
