import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/library/corpus';
import { tempDir } from '../../helpers';
import { ABSTRACT, importInto, only } from './identity-support';

describe('paper identity: references without an abstract (BibTeX, RIS, CSL-JSON)', () => {
  it('a reference without an abstract is told by its first author and year: two papers called “Introduction” are two', () => {
    const corpus = new Corpus(tempDir());
    const { newPapers } = importInto(corpus, [
      { title: 'Introduction', abstract: '', authors: ['Alice Adams'], published: '2001' },
      { title: 'Introduction', abstract: '', authors: ['Bob Brown'], published: '2019' },
    ]);
    expect(newPapers.map((p) => p.authors)).toEqual([['Alice Adams'], ['Bob Brown']]);
    // The same reference again (another export, initials only) is the paper it was.
    const again = importInto(corpus, [{ title: 'Introduction', abstract: '', authors: ['B. Brown'], published: '2019-05' }]);
    expect(again.newPapers).toEqual([]);
    expect([...corpus.papers]).toHaveLength(2);
  });

  it('a reference without an abstract joins one paper of its title, never several, and gives it what it knows', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [
      { title: 'Deep Learning', abstract: ABSTRACT },
      { title: 'Deep Learning', abstract: 'An unrelated text about representation learning, convolution and many layers of features.' },
    ]);
    const several = importInto(corpus, [{ title: 'Deep learning', abstract: '', authors: ['Someone Else'] }]);
    expect(several.newPapers).toHaveLength(1); // not recorded on both
    const corpus2 = new Corpus(tempDir());
    importInto(corpus2, [{ title: 'Speculative Decoding', abstract: ABSTRACT }]);
    importInto(corpus2, [{ title: 'Speculative decoding', abstract: '', authors: ['Ada Lovelace'], published: '2024', journalRef: 'NeurIPS' }]);
    expect(only(corpus2)).toMatchObject({ title: 'Speculative Decoding', abstract: ABSTRACT, authors: ['Ada Lovelace'], journalRef: 'NeurIPS' });
    // And the other way: a source with the abstract fills in the reference's.
    const corpus3 = new Corpus(tempDir());
    importInto(corpus3, [{ title: 'Speculative decoding', abstract: '', authors: ['Ada Lovelace'] }]);
    importInto(corpus3, [{ title: 'Speculative Decoding', abstract: ABSTRACT }]);
    expect(only(corpus3)).toMatchObject({ title: 'Speculative decoding', abstract: ABSTRACT, authors: ['Ada Lovelace'] });
  });

  it('an entry with an id joins a reference only if its first author and year agree (a year apart is one work)', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [{ title: 'Introduction', abstract: '', authors: ['J. Smith'], published: '2019' }]);
    const other = importInto(corpus, [
      { title: 'Introduction', abstract: 'Rivers, forests and the long history of maps.', doi: '10.1000/jones', authors: ['K. Jones'], published: '2021' },
    ]);
    expect(other.newPapers).toHaveLength(1);
    const preprint = importInto(corpus, [{ title: 'Introduction', arxivId: '1811.00001', authors: ['John Smith'], published: '2018-11-01' }]);
    expect(preprint.newPapers).toEqual([]); // the reference's paper, a year earlier on arXiv
    expect([...corpus.papers].find((p) => p.arxivId === '1811.00001')).toMatchObject({ authors: ['J. Smith'], abstract: ABSTRACT });
  });

  it('one file merges as several files would: a paper learns who and when from the entries before', () => {
    const entries = [
      { title: 'Introduction', abstract: '' },
      { title: 'Introduction', abstract: '', authors: ['J. Smith'], published: '2019' },
      { title: 'Introduction', abstract: '', authors: ['K. Jones'], published: '2020' },
    ];
    const together = new Corpus(tempDir());
    importInto(together, entries);
    const apart = new Corpus(tempDir());
    for (const e of entries) importInto(apart, [e]);
    const who = (c: Corpus) => [...c.papers].map((p) => p.authors ?? []).sort();
    expect(who(together)).toEqual([['J. Smith'], ['K. Jones']]);
    expect(who(together)).toEqual(who(apart));
  });

  it('reads a first author alike however a source writes the name', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [{ title: 'Letters', abstract: '', authors: ['Martin King, Jr.'], published: '1963' }]);
    importInto(corpus, [{ title: 'Letters', abstract: '', authors: ['Martin King Jr'], published: '1963' }]);
    importInto(corpus, [{ title: 'Essays', abstract: '', authors: ["Ann O'Neil"] }]);
    importInto(corpus, [{ title: 'Essays', abstract: '', authors: ['Ann O’Neil'] }]);
    importInto(corpus, [{ title: 'Notes', abstract: '', authors: ['Wei Xi'], published: '2020' }]);
    importInto(corpus, [{ title: 'Notes', abstract: '', authors: ['W. Xi'], published: '2020' }]); // Xi is a surname, not a numeral
    expect([...corpus.papers]).toHaveLength(3);
  });
});
