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
});
