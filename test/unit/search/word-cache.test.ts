import { describe, expect, it } from 'vitest';
import { WordCache } from '../../../src/search/word-cache';
import type { WordScores } from '../../../src/search/word-scores';

/** A word of `count` postings, all `value`, made into the arrays the cache gives. */
const word = (count: number, value: number) => (into: (count: number) => WordScores) => {
  const made = into(count);
  made.ids.fill(value);
  made.scores.fill(value);
  return made;
};

describe('the cache of words’ scores', () => {
  it('keeps a word, and makes it again once the index changed', () => {
    const cache = new WordCache();
    cache.begin();
    const once = cache.get('llm', 1, word(3, 7));
    expect(cache.get('llm', 1, word(3, 9))).toBe(once);
    cache.begin();
    expect([...cache.get('llm', 2, word(3, 9)).scores]).toEqual([9, 9, 9]);
  });

  it('gives a dropped word’s arrays to a later word, never in the search that dropped them', () => {
    const cache = new WordCache();
    cache.begin();
    const a = cache.get('a', 1, word(100, 1));
    cache.begin();
    // The index changed: "a" is dropped, but this search may still be adding it in.
    const b = cache.get('b', 2, word(100, 2));
    expect(b.ids.buffer).not.toBe(a.ids.buffer);
    expect(a.scores[99]).toBe(1);
    cache.begin();
    const c = cache.get('c', 3, word(60, 3));
    expect(c.ids.buffer).toBe(a.ids.buffer);
    expect(c.scores.buffer).toBe(a.scores.buffer);
    expect(c.ids.length).toBe(60);
    // Arrays more than twice a word's size are left for larger words.
    cache.begin();
    const d = cache.get('d', 4, word(10, 4));
    expect([b, c].some((w) => w.ids.buffer === d.ids.buffer)).toBe(false);
    expect([...d.ids]).toEqual(Array(10).fill(4));
  });
});
