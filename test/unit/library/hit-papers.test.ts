import { describe, expect, it } from 'vitest';
import { HitPapers } from '../../../src/library/hit-papers';
import type { Paper } from '../../../src/library/types';

const paper = (id: string) => ({ id, title: `Paper ${id}`, abstract: '', appearances: [] }) as unknown as Paper;

/** A corpus of `ids`, counting the lookups by id made in it. */
function corpusOf(ids: string[]) {
  const byId = new Map(ids.map((id) => [id, paper(id)]));
  const looked: string[] = [];
  return {
    byId,
    looked,
    lookup: (id: string) => {
      looked.push(id);
      return byId.get(id);
    },
  };
}

describe("finding a search hit's paper", () => {
  it('looks a paper up by its id once, then by the index’s number for it', () => {
    const corpus = corpusOf(['a', 'b', 'c']);
    const papers = new HitPapers(corpus.lookup);
    expect(papers.get('b', 7, undefined)).toBe(corpus.byId.get('b'));
    expect(papers.get('b', 7, undefined)).toBe(corpus.byId.get('b'));
    expect(papers.get('c', 100_000, undefined)).toBe(corpus.byId.get('c'));
    expect(papers.get('c', 100_000, undefined)).toBe(corpus.byId.get('c'));
    expect(corpus.looked).toEqual(['b', 'c']);
  });

  it('finds the right papers when the index numbers them anew (a rebuilt index)', () => {
    const corpus = corpusOf(['a', 'b']);
    const papers = new HitPapers(corpus.lookup);
    expect(papers.get('a', 0, undefined)).toBe(corpus.byId.get('a'));
    expect(papers.get('b', 1, undefined)).toBe(corpus.byId.get('b'));
    // Rebuilt: "b" is now number 0, "a" number 1.
    expect(papers.get('b', 0, undefined)).toBe(corpus.byId.get('b'));
    expect(papers.get('a', 1, undefined)).toBe(corpus.byId.get('a'));
    expect(papers.get('b', 0, undefined)).toBe(corpus.byId.get('b'));
    expect(corpus.looked).toEqual(['a', 'b', 'b', 'a']);
  });

  it('trusts a number under the same numbering, and looks up again under another', () => {
    const corpus = corpusOf(['a', 'b']);
    const papers = new HitPapers(corpus.lookup);
    expect(papers.get('a', 0, 1)).toBe(corpus.byId.get('a'));
    expect(papers.get('a', 0, 1)).toBe(corpus.byId.get('a'));
    // Numbered anew: "b" is now number 0.
    expect(papers.get('b', 0, 2)).toBe(corpus.byId.get('b'));
    expect(papers.get('b', 0, 2)).toBe(corpus.byId.get('b'));
    expect(corpus.looked).toEqual(['a', 'b']);
  });

  it('trusts the number without comparing ids: under one numbering it names one paper', () => {
    const corpus = corpusOf(['a', 'b']);
    const papers = new HitPapers(corpus.lookup);
    expect(papers.get('a', 0, 1)).toBe(corpus.byId.get('a'));
    // The ids are not even read: an id that disagrees still gets the paper the number named.
    expect(papers.get('b', 0, 1)).toBe(corpus.byId.get('a'));
    expect(corpus.looked).toEqual(['a']);
  });

  it('finds nothing for a paper the corpus lacks, and looks up by id when the index gives no number', () => {
    const corpus = corpusOf(['a']);
    const papers = new HitPapers(corpus.lookup);
    expect(papers.get('gone', 3, undefined)).toBeUndefined();
    expect(papers.get('gone', 3, undefined)).toBeUndefined();
    expect(papers.get('a', undefined, undefined)).toBe(corpus.byId.get('a'));
    expect(papers.get('a', undefined, undefined)).toBe(corpus.byId.get('a'));
    expect(corpus.looked).toEqual(['gone', 'gone', 'a', 'a']);
  });
});
