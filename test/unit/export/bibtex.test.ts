import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtex, citationKey } from '../../../src/export/bibtex';
import { arxivIdIn } from '../../../src/export/paper-record';
import { BAD_TITLES, record } from './helpers';

/** A real BibTeX parser (Better BibTeX's), with its Zotero-style sentence-casing off. */
const read = (text: string) => parse(text, { sentenceCase: false });

const SPECIAL = 'Braces {x} }{ and $math$ & 50% #1 under_score ^caret ~tilde \\backslash';

describe('BibTeX', () => {
  it('writes @misc entries that a BibTeX parser reads back to the same values', () => {
    const papers = [
      record(),
      record({ id: 'fedcba9876543210', title: SPECIAL, abstract: SPECIAL, note: `${SPECIAL}\n\nsecond paragraph`, tags: ['C++ & Rust', '100%'] }),
    ];
    const lib = read(bibtex(papers));
    expect(lib.errors).toEqual([]);
    expect(lib.entries.map((e) => e.type)).toEqual(['misc', 'misc']);
    expect(lib.entries[0].fields).toMatchObject({ title: 'Attention Is All You Need', abstract: record().abstract });
    expect(lib.entries[0].fields.keywords?.toSorted()).toEqual(['to cite', 'transformers']);
    expect(lib.entries[0].fields.note).toBe('Worth rereading. - the positional encodings - multi-head attention');
    expect(lib.entries[1].fields).toMatchObject({ title: SPECIAL, abstract: SPECIAL, note: `${SPECIAL} second paragraph` });
    expect(lib.entries[1].fields.keywords?.toSorted()).toEqual(['100%', 'C++ & Rust']);
  });

  it.each([...BAD_TITLES.filter((t) => t.trim()), 'Ünïcödé 日本語 «quotes»'])('title %j survives', (title) => {
    const [entry] = read(bibtex([record({ title })])).entries;
    expect(entry.fields.title).toBe(title.replace(/\s+/g, ' ').trim());
  });

  it('any title and abstract survive, and braces always balance', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ {}\\$&%#_^~"@,='.split('')), minLength: 1, maxLength: 50 }), (text) => {
        fc.pre(text.trim() !== '');
        const lib = read(bibtex([record({ title: text, abstract: text })]));
        expect(lib.errors).toEqual([]);
        expect(lib.entries[0].fields.abstract).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 300 },
    );
  });

  it('gives arXiv papers eprint fields, others none', () => {
    const p = record({ arxivId: '1706.03762' });
    const [entry] = read(bibtex([p, record({ id: '1111111111111111' })])).entries;
    expect(entry.fields).toMatchObject({ eprint: '1706.03762', archiveprefix: 'arXiv', eprinttype: 'arxiv', url: 'https://arxiv.org/abs/1706.03762' });
    expect(read(bibtex([record()])).entries[0].fields.eprint).toBeUndefined();
  });

  it('finds arXiv ids where a digest quotes them', () => {
    expect(arxivIdIn('See arXiv:2401.01234v2 for details')).toBe('2401.01234v2');
    expect(arxivIdIn('https://arxiv.org/abs/hep-th/9901001')).toBe('hep-th/9901001');
    expect(arxivIdIn('Code at https://github.com/x/y; 2401.01234 is a number')).toBeNull();
  });

  it('makes unique, plain citation keys', () => {
    expect(citationKey(record())).toBe('attention_all_012345');
    expect(citationKey(record({ title: '🚀🚀' }))).toBe('012345');
    const keys = read(bibtex([record(), record({ id: '0123457777777777' })])).entries.map((e) => e.key);
    expect(keys).toEqual(['attention_all_012345', 'attention_all_0123457777777777']);
  });
});
