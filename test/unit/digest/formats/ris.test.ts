import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { digestError, fixture } from '../support';

describe('RIS', () => {
  it('reads CRLF records: title, authors "Last, First", dates, DOI, keywords, wrapped abstracts', () => {
    const { format, entries, skipped } = parseDigest(fixture('references.ris'));
    expect(format).toBe('ris');
    expect(skipped).toEqual([]);
    expect(entries[0]).toMatchObject({
      line: 1,
      title: 'A large annotated corpus for learning natural language inference',
      authors: ['Samuel R. Bowman', 'Gabor Angeli', 'Christopher Potts', 'Christopher D. Manning'],
      published: '2015-09-17',
      doi: '10.18653/v1/d15-1075',
      keywords: ['natural language inference', 'corpus'],
      journalRef: 'Proceedings of the 2015 Conference on Empirical Methods in Natural Language Processing, 632–642',
      links: { abs: 'https://aclanthology.org/D15-1075' },
    });
    expect(entries[1]).toMatchObject({ line: 20, arxivId: '2408.11745', authors: ['Zhenyu Li', 'Yike Zhang', 'Jianyong Wang'], published: '2024-08-21' });
    expect(entries[1].abstract).toBe(
      'Empowering LLMs with the ability to utilize useful information from a long context is crucial for many downstream applications. However, achieving long context lengths requires substantial training and inference resources.',
    );
  });

  it('reads LF files the same', () => {
    expect(parseDigest(fixture('references.ris').replace(/\r\n/g, '\n')).entries).toEqual(parseDigest(fixture('references.ris')).entries);
  });

  it('imports a last record without "ER  -" and says so with the line of its TY', () => {
    const text = fixture('references.ris').replace(/ER {2}- \r\n$/, '');
    const { entries, skipped } = parseDigest(text);
    expect(entries).toHaveLength(2);
    expect(skipped).toEqual([{ line: 20, text: 'TY - …', reason: expect.stringMatching(/not closed by "ER {2}-" \(the file ends first\); it was imported/) }]);
  });

  it('closes a record that runs into the next TY, and reports it', () => {
    const text = fixture('references.ris').replace('ER  - \r\n\r\nTY  - PREP', 'TY  - PREP');
    const { entries, skipped } = parseDigest(text);
    expect(entries).toHaveLength(2);
    expect(skipped[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/the next record starts at line 18/) });
  });

  it("reads Ovid's export, numbered and linked between records, and a record without an abstract", () => {
    const record = (n: number, title: string, abstract: string) =>
      `${n}.\nTY  - JOUR\nT1  - ${title}\nA1  - Holmstrom, E.\nY1  - 2020//\n${abstract ? `N2  - ${abstract}\n` : ''}JF  - Open Journal of Forestry\nER  -\n\nLink to the Ovid Full Text or citation: http://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=${n}\n\n`;
    const { entries, skipped } = parseDigest(record(1, 'Retention trees on clearcuts', 'Changes in clearcut management.') + record(2, 'Boreal forests', ''));
    expect(skipped).toEqual([]);
    expect(entries.map((e) => [e.title, e.abstract, e.published, e.authors])).toEqual([
      ['Retention trees on clearcuts', 'Changes in clearcut management.', '2020', ['E. Holmstrom']],
      ['Boreal forests', '', '2020', ['E. Holmstrom']],
    ]);
  });

  it('skips a record without a title, with its line', () => {
    const { skipped } = parseDigest('TY  - JOUR\nAB  - An abstract without a title.\nER  - \nTY  - JOUR\nTI  - T\nAB  - A\nER  - \n');
    expect(skipped).toEqual([{ line: 1, text: 'An abstract without a title.', reason: 'an entry without a title' }]);
  });

  it('says so when no record holds a paper', () => {
    expect(digestError(() => parseDigest('TY  - JOUR\nER  - \n')).code).toBe('no-entries');
  });
});
