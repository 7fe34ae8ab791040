import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { digestError, fixture } from '../support';

describe('arXiv listing e-mails', () => {
  const mail = () => parseDigest(fixture('arxiv-email-cs.txt'));

  it('reads new submissions with wrapped titles, authors without affiliations, and paragraphs', () => {
    const { format, entries, meta, skipped } = mail();
    expect(format).toBe('arxiv-email');
    expect(meta).toEqual({ title: 'arXiv cs daily', date: '2024-01-23' });
    expect(skipped).toEqual([]);
    expect(entries[0]).toMatchObject({
      line: 20,
      arxivId: '2401.12003',
      arxivVersion: 1,
      announceType: 'new',
      title: 'Structured Pruning of Large Language Models via $\\ell_0$ Regularisation of Attention Heads',
      authors: ['Marie Dubois', 'Jörg Müller', 'Wei Zhang', 'Ana Sofía Pérez'],
      categories: ['cs.CL', 'cs.LG'],
      primaryCategory: 'cs.CL',
      comment: '14 pages, 5 figures; code at https://github.com/example/l0-heads',
      published: '2024-01-22',
    });
    expect(entries[0].abstract.split('\n\n')).toHaveLength(2);
    expect(entries[1]).toMatchObject({ doi: '10.5555/lrec.2024.112', journalRef: 'Proceedings of LREC-COLING 2024, pages 112-121' });
  });

  it('reads Subjects: and Comment: as older and forwarded mailings write them', () => {
    const variant = fixture('arxiv-email-cs.txt').replace('Categories:', 'Subjects:').replace('Comments:', 'Comment:');
    expect(parseDigest(variant).entries[0]).toMatchObject({ categories: ['cs.CL', 'cs.LG'], comment: expect.stringContaining('14 pages') });
  });

  it('marks cross-lists, and replacements (which carry no abstract) as updates by id', () => {
    const { entries, withoutAbstract } = mail();
    expect(entries[2]).toMatchObject({ arxivId: '2401.11812', announceType: 'cross', primaryCategory: 'eess.AS' });
    expect(withoutAbstract.map((e) => [e.arxivId, e.announceType, e.updated])).toEqual([
      ['2408.11745', 'replace', '2024-01-22'],
      ['hep-th/9901001', 'replace-cross', '2024-01-22'],
    ]);
    expect(withoutAbstract[0].authors).toHaveLength(9);
    expect(withoutAbstract[0].arxivVersion).toBeUndefined(); // the e-mail does not say which version
    expect(withoutAbstract[1].journalRef).toBe('Nucl.Phys. B550 (1999) 151-170');
  });

  it('takes the date from the listing when there is no mail header, and the title from the categories', () => {
    const body = fixture('arxiv-email-cs.txt').split('\n').slice(5).join('\n');
    const { meta } = parseDigest(body.replace('To: cs@arXiv.org', 'To: someone'));
    expect(meta).toEqual({ title: 'arXiv cs.CL', date: '2024-01-22' });
  });

  it('reads CRLF e-mails the same', () => {
    const crlf = parseDigest(fixture('arxiv-email-cs.txt').replace(/\n/g, '\r\n'));
    expect(crlf.entries).toEqual(mail().entries);
  });

  it('reports a block without a title with its line', () => {
    const text = fixture('arxiv-email-cs.txt').replace('Title: Speech Tokenizers Revisited\n', '');
    const { skipped } = parseDigest(text);
    expect(skipped).toEqual([{ line: 57, text: expect.any(String), reason: 'an entry without a title' }]);
  });

  it('says so when the blocks hold no paper', () => {
    const error = digestError(() => parseDigest('arXiv:2401.00001\nnothing else here\n', { format: 'arxiv-email' }));
    expect(error.code).toBe('no-entries');
    expect(error.message).toMatch(/^arXiv listing e-mail: no paper could be read\. Line 1: an entry without a title/);
  });

  it("reads an abstract page's record: the latest `Date (revised vN)` is its version and update", () => {
    const text = [
      '\\\\',
      'arXiv:1706.03762',
      'From: Ashish Vaswani',
      'Date: Mon, 12 Jun 2017 17:57:34 GMT   (1102kb,D)',
      'Date (revised v2): Mon, 19 Jun 2017 16:49:45 GMT   (1125kb,D)',
      'Date (revised v3): Tue, 20 Jun 2017 05:20:02 GMT   (1125kb,D)',
      '',
      'Title: Attention Is All You Need',
      'Authors: Ashish Vaswani, Noam Shazeer',
      'Categories: cs.CL cs.LG',
      '\\\\',
      '  The dominant sequence transduction models are based on complex recurrent networks.',
      '\\\\',
    ].join('\n');
    const [entry] = parseDigest(text, { format: 'arxiv-email' }).entries;
    expect(entry).toMatchObject({ arxivId: '1706.03762', arxivVersion: 3, published: '2017-06-12', updated: '2017-06-20', announceType: 'new' });
    // A long run of spaces before an unclosed bracket is read at once (a backtracking pattern took seconds).
    const padded = text.replace('Tue, 20 Jun 2017 05:20:02 GMT   (1125kb,D)', `Tue, 20 Jun 2017 05:20:02 GMT${' '.repeat(20_000)}(1125kb`);
    expect(parseDigest(padded, { format: 'arxiv-email' }).entries[0]).toMatchObject({ arxivVersion: 3, updated: '2017-06-20' });
  });
});
