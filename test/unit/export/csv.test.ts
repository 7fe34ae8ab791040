import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csv } from '../../../src/export/csv';
import { record } from './helpers';

function rows(text: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('CSV', () => {
  it('is RFC 4180: CRLF records, fields with commas, quotes and line breaks quoted', () => {
    const text = csv([record({ abstract: 'Commas, "quotes" and\nnewlines', note: 'line 1\r\nline 2' })]);
    expect(text.startsWith('\uFEFFid,title,authors,published,arxiv,doi,url,categories,status,starred,tags,lists,digests,created,read,abstract,note\r\n')).toBe(
      true,
    );
    expect(text).toContain('"Commas, ""quotes"" and\nnewlines"');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('parses back to the same values, with status, tags and lists', () => {
    const papers = [
      record(),
      record({
        id: 'fedcba9876543210',
        title: 'Ünïcödé, 🚀 "x"',
        tags: [],
        lists: [],
        status: 'unread',
        starred: false,
        readAt: null,
        note: null,
        arxivId: '2401.01234',
      }),
    ];
    const [a, b] = rows(csv(papers));
    expect(a).toMatchObject({
      id: '0123456789abcdef',
      title: 'Attention Is All You Need',
      status: 'read',
      starred: 'yes',
      tags: 'transformers; to cite',
      lists: 'Read later',
      digests: 'Trending papers',
      note: record().note,
      arxiv: '',
      authors: '',
      doi: '',
      url: '',
    });
    expect(a.created).toMatch(/^2025-03-0[45]$/);
    expect(b).toMatchObject({ title: 'Ünïcödé, 🚀 "x"', status: 'unread', starred: 'no', tags: '', lists: '', read: '', note: '', arxiv: '2401.01234' });
  });

  it('has the paper’s identity: authors, published date, arXiv id, DOI, URL and categories, and its title without LaTeX', () => {
    const [arxiv, journal] = rows(
      csv([
        record({
          title: 'S$^4$C: Speculative Sampling, \\textbf{Fast}',
          authors: ['Tao Ge', 'José Álvarez-Muñiz'],
          published: '2024-01-22T18:59:01Z',
          arxivId: '2401.10774',
          doi: '10.1234/x',
          primaryCategory: 'cs.CL',
          categories: ['cs.CL', 'cs.AI'],
        }),
        record({ published: '2015-09', links: { abs: 'https://aclanthology.org/D15-1075' }, authors: ['Samuel R. Bowman'] }),
      ]),
    );
    expect(arxiv).toMatchObject({
      title: 'S4C: Speculative Sampling, Fast',
      authors: 'Tao Ge; José Álvarez-Muñiz',
      published: '2024-01-22',
      arxiv: '2401.10774',
      doi: '10.1234/x',
      url: 'https://arxiv.org/abs/2401.10774',
      categories: 'cs.CL; cs.AI',
    });
    expect(journal).toMatchObject({ published: '2015-09', arxiv: '', url: 'https://aclanthology.org/D15-1075', categories: '' });
  });

  it('keeps a spreadsheet from running a title as a formula', () => {
    const [row] = rows(csv([record({ title: '=HYPERLINK("http://evil","x")', abstract: '+1 and more', note: '@SUM(A1)' })]));
    expect(row.title).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(row.abstract).toBe("'+1 and more");
    expect(row.note).toBe("'@SUM(A1)");
  });
});
